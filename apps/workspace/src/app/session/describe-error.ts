/** The message to show for a failed call: the gateway's `ErrorBody.message` when there is one. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const body = (error as { body?: unknown }).body;
    if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
      return (body as { message: string }).message;
    }
    if (error instanceof Error && error.message !== '') return error.message;
  }
  if (typeof error === 'string' && error !== '') return error;
  return 'Something went wrong. Try again.';
}
