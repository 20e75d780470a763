import { AdapterError } from '@icc/core';

/**
 * After a failed create the vendor does not deduplicate: may it have done the work anyway? Yes when
 * no answer came, on a 5xx other than 503 (503 and 429 say it was not done), or a 2xx we could not
 * read. The adapter then watches for the orphan instead of retrying, so the customer is not called twice.
 */
export function mayHaveReachedVendor(error: unknown): boolean {
  if (!(error instanceof AdapterError) || error.vendorStatus === undefined) return true;
  const status = error.vendorStatus;
  return (status >= 200 && status < 300) || (status >= 500 && status !== 503);
}
