/** What a caller can do about a vendor's non-retryable answer, by status. */
export function refusalHint(status: number | undefined): string {
  if (status === 401 || status === 403) return "check the adapter's credentials and their permissions";
  if (status === 404) return 'the vendor does not know it (it may have ended already)';
  if (status === 409 || status === 400 || status === 422) return 'the vendor refused it in its current state';
  return 'check the request';
}
