import { readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { adapterGenerator } from './adapter-generator';
import { GATEWAY_ADAPTER_REGISTRY } from './register-adapter-in-gateway';

const TSCONFIG_BASE = `{
  "compilerOptions": {
    "strict": true,
    "paths": {
      "@icc/protocol": ["libs/protocol/src/index.ts"],
      "@icc/adapter-mock": ["libs/adapters/mock/src/index.ts"]
    }
  }
}
`;

const REGISTRY = `import type { CcaasAdapterV1 } from '@icc/core';
import { createMockAdapter } from '@icc/adapter-mock';

export const ADAPTER_REGISTRY: Readonly<Record<string, AdapterFactory>> = {
  mock: (settings) => {
    const adapter = createMockAdapter({ randomTelephony: settings.randomTelephony });
    return { adapter };
  },
};
`;

describe('adapter generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('tsconfig.base.json', TSCONFIG_BASE);
    tree.write(GATEWAY_ADAPTER_REGISTRY, REGISTRY);
  });

  it('scaffolds libs/adapters/<vendor> as a type:adapter project', async () => {
    await adapterGenerator(tree, { name: 'amazon-connect' });
    const project = readProjectConfiguration(tree, 'adapter-amazon-connect');
    expect(project).toMatchObject({ root: 'libs/adapters/amazon-connect', projectType: 'library' });
    expect(project.tags).toEqual(['type:adapter', 'scope:node']);
    expect(Object.keys(project.targets ?? {})).toEqual(['lint', 'typecheck', 'test']);
    expect(readJson(tree, 'libs/adapters/amazon-connect/package.json')).toMatchObject({
      name: '@icc/adapter-amazon-connect',
      main: './src/index.ts',
    });
    const root = 'libs/adapters/amazon-connect';
    for (const file of [
      'README.md',
      'tsconfig.json',
      'jest.config.cjs',
      'eslint.config.mjs',
      'src/index.ts',
      'src/amazon-connect-adapter.ts',
      'src/amazon-connect-capabilities.ts',
      'src/amazon-connect-config.ts',
      'src/create-amazon-connect-registration.ts',
      'src/amazon-connect-simulator/amazon-connect-simulator.ts',
      'src/amazon-connect-simulator/amazon-connect-simulator-handlers.ts',
      'src/__fixtures__/README.md',
      'src/amazon-connect-adapter.conformance.test.ts',
    ]) {
      expect([file, tree.exists(`${root}/${file}`)]).toEqual([file, true]);
    }
    expect(tree.children(root).some((file) => file.endsWith('.template'))).toBe(false);
  });

  it('writes an adapter on the kit skeleton whose port methods throw AdapterError "not implemented", its registration and a wired conformance test', async () => {
    await adapterGenerator(tree, { name: 'five9' });
    const adapter = tree.read('libs/adapters/five9/src/five9-adapter.ts', 'utf-8') ?? '';
    expect(adapter).toContain('export function createFive9Adapter(configInput: Five9AdapterConfigInput): CcaasAdapterV1');
    expect(adapter).toContain("new AdapterError(`not implemented: five9 ${what}`, false)");
    // Lifecycle, book of open interactions (restored, expiry armed) and event delivery come from the kit.
    expect(adapter).toContain('const lifecycle = createAdapterLifecycle<Running>({');
    expect(adapter).toContain('const book = createInteractionBook({ clock: context.clock, onExpired: (interaction) => lifecycle.track(expire(interaction)) });');
    expect(adapter).toContain('book.restore(context);');
    expect(adapter).toContain("emit: createAdapterEmitter({ vendor: 'five9', context, signal, book })");
    expect(adapter).toContain("specificationVersion: 'v1',");
    expect(adapter).toContain('start: lifecycle.start,\n    stop: lifecycle.stop,');
    for (const method of ['requestCallback', 'updateCallback', 'cancelCallback', 'reschedule', 'setPresence', 'execute']) {
      expect(adapter).toMatch(new RegExp(`async ${method}\\(\\) \\{\\n\\s+throw notImplemented\\(`));
    }
    const registration = tree.read('libs/adapters/five9/src/create-five9-registration.ts', 'utf-8') ?? '';
    expect(registration).toContain('export function createFive9Registration(env: Record<string, string | undefined>): AdapterRegistration {');
    expect(tree.read('libs/adapters/five9/src/index.ts', 'utf-8')).toContain("export * from './create-five9-registration';");
    expect(tree.read('libs/adapters/five9/src/five9-config.ts', 'utf-8')).toContain("baseUrl: env['FIVE9_BASE_URL']");
    const conformance = tree.read('libs/adapters/five9/src/five9-adapter.conformance.test.ts', 'utf-8') ?? '';
    expect(conformance).toContain("import { describeAdapterConformance } from '@icc/adapter-kit/conformance';");
    expect(conformance).toContain("describeAdapterConformance('five9', {");
    expect(conformance).toContain('capabilities: FIVE9_CAPABILITIES');
    expect(tree.read('libs/adapters/five9/src/five9-simulator/five9-simulator-handlers.ts', 'utf-8')).toContain("from 'msw'");
  });

  it('adds the path alias after the existing ones, leaving them as they were', async () => {
    await adapterGenerator(tree, { name: 'five9' });
    const tsconfig = tree.read('tsconfig.base.json', 'utf-8');
    expect(tsconfig).toBe(
      TSCONFIG_BASE.replace(
        '"@icc/adapter-mock": ["libs/adapters/mock/src/index.ts"]',
        '"@icc/adapter-mock": ["libs/adapters/mock/src/index.ts"],\n      "@icc/adapter-five9": ["libs/adapters/five9/src/index.ts"]',
      ),
    );
  });

  it('registers the adapter in the gateway registry', async () => {
    await adapterGenerator(tree, { name: 'amazon-connect' });
    const registry = tree.read(GATEWAY_ADAPTER_REGISTRY, 'utf-8') ?? '';
    expect(registry).toContain(
      "import { createMockAdapter } from '@icc/adapter-mock';\n" +
        "import { createAmazonConnectRegistration } from '@icc/adapter-amazon-connect';\n",
    );
    expect(registry).toContain(
      "  },\n  'amazon-connect': () => createAmazonConnectRegistration(process.env),\n};",
    );
  });

  it('still scaffolds when the gateway registry is missing, and says what to add by hand', async () => {
    tree.delete(GATEWAY_ADAPTER_REGISTRY);
    const done = await adapterGenerator(tree, { name: 'five9' });
    expect(tree.exists('libs/adapters/five9/src/five9-adapter.ts')).toBe(true);
    expect(done).toEqual(expect.any(Function));
  });

  it.each(['Five9', 'five_9', '9five', 'five9-', 'a'.repeat(41), ''])('refuses the vendor name %p', async (name) => {
    await expect(adapterGenerator(tree, { name })).rejects.toThrow('is not a vendor name');
    expect(tree.exists('libs/adapters')).toBe(false);
  });

  it('refuses a vendor that already has an adapter', async () => {
    tree.write('libs/adapters/mock/package.json', '{}');
    await expect(adapterGenerator(tree, { name: 'mock' })).rejects.toThrow('libs/adapters/mock already exists');
  });
});
