/** A failure the simulated API answers with, in Connect's error vocabulary. */
export class SimulatedApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

/**
 * HTTP statuses of the Connect API errors the simulator raises, as the service model gives them
 * (botocore's `connect/2017-08-08/service-2.json`, e.g. ContactNotFoundException
 * `"error": {"httpStatusCode": 410}`). Checked against that model in the simulator's test.
 */
export const CONNECT_ERROR_STATUS = {
  ContactNotFoundException: 410,
  ResourceNotFoundException: 404,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
} as const;

export type ConnectErrorType = keyof typeof CONNECT_ERROR_STATUS;

export function connectApiError(errorType: ConnectErrorType, message: string): SimulatedApiError {
  return new SimulatedApiError(CONNECT_ERROR_STATUS[errorType], errorType, message);
}
