import '@testing-library/jest-dom';
import { resetCallbackNumberChoices } from './app/interaction/callback-number-selection';

afterEach(() => {
  resetCallbackNumberChoices();
  window.sessionStorage.clear();
});
