import '@testing-library/jest-dom';
import { resetCallbackNumberChoices } from './app/interaction/callback-number-selection';

afterEach(() => {
  resetCallbackNumberChoices();
  window.sessionStorage.clear();
});

jest.mock('uplot', () => jest.requireActual<typeof import('./testing/fake-uplot')>('./testing/fake-uplot').FakeUplot);

// jsdom lacks ResizeObserver; the charts only need it to exist (nothing resizes in jsdom).
const ignore = (): void => undefined;
globalThis.ResizeObserver ??= class {
  observe = ignore;
  unobserve = ignore;
  disconnect = ignore;
};
