import { join } from 'node:path';
import madge from 'madge';

const repoRoot = join(__dirname, '..', '..', '..', '..');

// Layering between projects is the lint rule's job; inside a project a cycle means two files that
// cannot be understood (or moved) one without the other. Type-only imports count too.
describe('import cycles', () => {
  it('no file in libs/ or apps/ imports itself back through other files', async () => {
    const graph = await madge([join(repoRoot, 'libs'), join(repoRoot, 'apps')], {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: join(repoRoot, 'tsconfig.base.json'),
      excludeRegExp: [/node_modules/, /[\\/]dist[\\/]/],
    });
    expect(graph.circular()).toEqual([]);
  }, 120_000);
});
