import { undoOnFailure } from './undo-on-failure';

describe('undoOnFailure', () => {
  it('answers what the request answered and undoes nothing', async () => {
    const undo = jest.fn();
    await expect(undoOnFailure(async () => 'sent', undo)).resolves.toBe('sent');
    expect(undo).not.toHaveBeenCalled();
  });

  it('undoes the bookkeeping and rethrows when the request fails', async () => {
    const state = { owner: 'new' };
    const failure = new Error('vendor said no');
    const seen: unknown[] = [];
    await expect(
      undoOnFailure(
        () => Promise.reject(failure),
        (error) => {
          seen.push(error);
          state.owner = 'old';
        },
      ),
    ).rejects.toBe(failure);
    expect(state.owner).toBe('old');
    expect(seen).toEqual([failure]);
  });
});
