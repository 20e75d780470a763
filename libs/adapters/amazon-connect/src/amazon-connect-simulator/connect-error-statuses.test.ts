import { connectErrorStatus } from '../testing/connect-model-contract';
import { CONNECT_ERROR_STATUS, type ConnectErrorType } from './connect-error-statuses';

describe('the HTTP statuses of the Connect errors the simulator raises', () => {
  it.each(Object.keys(CONNECT_ERROR_STATUS) as ConnectErrorType[])("are botocore's Connect model's for %s", (errorType) => {
    expect(CONNECT_ERROR_STATUS[errorType]).toBe(connectErrorStatus(errorType));
  });
});
