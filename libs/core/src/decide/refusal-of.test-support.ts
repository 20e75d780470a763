import { IccError } from '../errors';

// Shared by the decide tests (not exported from the package).

/** The IccError `decide` throws; fails the test when it throws nothing or something else. */
export function refusalOf(decide: () => unknown): IccError {
  try {
    decide();
  } catch (error) {
    if (error instanceof IccError) return error;
    throw error;
  }
  throw new Error('expected a refusal, got none');
}
