/**
 * Sends a vendor request that the adapter's own bookkeeping was changed for beforehand (so the
 * vendor's answer, or a notification overtaking it, already finds the new state); when the request
 * fails, `undo` puts the bookkeeping back (it sees the failure: some refusals prove the change
 * happened anyway) and the failure is rethrown.
 */
export async function undoOnFailure<T>(send: () => Promise<T>, undo: (failure: unknown) => void): Promise<T> {
  try {
    return await send();
  } catch (error) {
    undo(error);
    throw error;
  }
}
