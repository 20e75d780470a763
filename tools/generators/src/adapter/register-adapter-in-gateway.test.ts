import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import {
  GATEWAY_ADAPTER_REGISTRY,
  REGISTRY_ENTRIES_MARKER,
  REGISTRY_IMPORTS_MARKER,
  registerAdapterInGateway,
} from './register-adapter-in-gateway';
import { vendorNames } from './vendor-names';

function treeWithRegistry(content: string) {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(GATEWAY_ADAPTER_REGISTRY, content);
  return tree;
}

describe('registerAdapterInGateway', () => {
  it('inserts at the marker comments when the file has them', () => {
    const tree = treeWithRegistry(
      [
        "import { createMockAdapter } from '@icc/adapter-mock';",
        REGISTRY_IMPORTS_MARKER,
        '',
        'export const ADAPTER_REGISTRY = {',
        '  mock: () => ({ adapter: createMockAdapter() }),',
        `  ${REGISTRY_ENTRIES_MARKER}`,
        '};',
        '',
      ].join('\n'),
    );
    expect(registerAdapterInGateway(tree, vendorNames('five9'))).toEqual({ kind: 'registered' });
    expect(tree.read(GATEWAY_ADAPTER_REGISTRY, 'utf-8')).toBe(
      [
        "import { createMockAdapter } from '@icc/adapter-mock';",
        "import { createFive9Registration } from '@icc/adapter-five9';",
        REGISTRY_IMPORTS_MARKER,
        '',
        'export const ADAPTER_REGISTRY = {',
        '  mock: () => ({ adapter: createMockAdapter() }),',
        '  five9: () => createFive9Registration(process.env),',
        `  ${REGISTRY_ENTRIES_MARKER}`,
        '};',
        '',
      ].join('\n'),
    );
  });

  it('without markers: after a multi-line import, before the closing brace, adding a missing comma', () => {
    const tree = treeWithRegistry(
      [
        'import {',
        '  createMockAdapter,',
        "} from '@icc/adapter-mock';",
        '',
        "const label = '{ not a brace }';",
        'export const ADAPTER_REGISTRY: Record<string, Factory> = {',
        "  mock: () => ({ adapter: createMockAdapter({ name: '}' }) })",
        '};',
        '',
      ].join('\n'),
    );
    registerAdapterInGateway(tree, vendorNames('five9'));
    const lines = (tree.read(GATEWAY_ADAPTER_REGISTRY, 'utf-8') ?? '').split('\n');
    expect(lines[3]).toBe("import { createFive9Registration } from '@icc/adapter-five9';");
    expect(lines.slice(7, 10)).toEqual([
      "  mock: () => ({ adapter: createMockAdapter({ name: '}' }) }),",
      '  five9: () => createFive9Registration(process.env),',
      '};',
    ]);
  });

  it('does nothing the second time', () => {
    const tree = treeWithRegistry('export const ADAPTER_REGISTRY = {\n};\n');
    registerAdapterInGateway(tree, vendorNames('five9'));
    const once = tree.read(GATEWAY_ADAPTER_REGISTRY, 'utf-8');
    expect(registerAdapterInGateway(tree, vendorNames('five9'))).toEqual({ kind: 'already-registered' });
    expect(tree.read(GATEWAY_ADAPTER_REGISTRY, 'utf-8')).toBe(once);
  });

  it('asks for a manual edit, with the snippet, when it finds no anchor', () => {
    const tree = treeWithRegistry('export const adapters = new Map();\n');
    const edit = registerAdapterInGateway(tree, vendorNames('five9'));
    expect(edit).toMatchObject({ kind: 'manual', snippet: expect.stringContaining('five9: () => createFive9Registration(process.env),') });
    expect(tree.read(GATEWAY_ADAPTER_REGISTRY, 'utf-8')).toBe('export const adapters = new Map();\n');
  });
});
