import { searchSaturation } from './saturation-search';

/** A server that holds p99 at 5 ms up to `capacity`, and queues (1 s) beyond it. */
const serverUpTo = (capacity: number) => async (rate: number) => (rate <= capacity ? 5 : 1000);

describe('searchSaturation', () => {
  it('stops at the derived rate when it holds there', async () => {
    const search = await searchSaturation(serverUpTo(5000), { high: 1000, low: 10, limit: 25, steps: 5 });
    expect(search).toEqual({ rate: 1000, probes: [{ rate: 1000, p99: 5 }] });
  });

  it('closes in on the saturation point from below, in the steps given', async () => {
    const search = await searchSaturation(serverUpTo(300), { high: 1000, low: 10, limit: 25, steps: 6 });
    expect(search.probes).toHaveLength(6);
    expect(search.rate).not.toBeNull();
    expect(search.rate as number).toBeLessThanOrEqual(300);
    // Six probes over a 100× range leave a factor of 100^(1/16) ≈ 1.33 at most.
    expect(search.rate as number).toBeGreaterThan(300 / 1.34);
  });

  it('reports no rate when even the lowest queues, and counts the limit as exclusive', async () => {
    expect((await searchSaturation(serverUpTo(5), { high: 1000, low: 10, limit: 25, steps: 5 })).rate).toBeNull();
    expect((await searchSaturation(async () => 25, { high: 1000, low: 10, limit: 25, steps: 5 })).rate).toBeNull();
  });
});
