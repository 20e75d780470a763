import { createListenerIndex } from './listener-index';

describe('createListenerIndex', () => {
  it('finds a listener under each of its keys, once per lookup, until it leaves', () => {
    const index = createListenerIndex<string>();
    const leave = index.add(['q-support', 'q-sales', 'q-support'], 'ada');
    index.add(['q-sales'], 'zoe');
    const found = new Set<string>();
    index.collect('q-support', found);
    index.collect('q-sales', found);
    expect([...found].sort()).toEqual(['ada', 'zoe']);
    expect([...index.all()].sort()).toEqual(['ada', 'zoe']);
    leave();
    const after = new Set<string>();
    index.collect('q-support', after);
    index.collect('q-sales', after);
    expect([...after]).toEqual(['zoe']);
  });
});
