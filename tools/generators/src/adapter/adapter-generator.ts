import { generateFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import * as path from 'node:path';
import { addPathAlias } from './add-path-alias';
import type { AdapterGeneratorSchema } from './adapter-generator-schema';
import { GATEWAY_ADAPTER_REGISTRY, registerAdapterInGateway } from './register-adapter-in-gateway';
import { vendorNames } from './vendor-names';

/**
 * `nx g @icc/tools:adapter <vendor>`: a new adapter project whose every method throws
 * "not implemented", its simulator skeleton and conformance test, the path alias, and the
 * gateway registry entry. No `formatFiles`: it would re-print files other people own.
 */
export async function adapterGenerator(tree: Tree, schema: AdapterGeneratorSchema): Promise<GeneratorCallback> {
  const names = vendorNames(schema.name);
  if (tree.exists(names.projectRoot)) {
    throw new Error(`${names.projectRoot} already exists: pick another vendor name, or delete the folder first`);
  }
  generateFiles(tree, path.join(__dirname, 'files'), names.projectRoot, { ...names, tmpl: '' });
  addPathAlias(tree, names.importPath, `${names.projectRoot}/src/index.ts`);
  const registry = registerAdapterInGateway(tree, names);

  return () => {
    if (registry.kind === 'manual') {
      logger.warn(`Could not register ${names.vendor} in ${GATEWAY_ADAPTER_REGISTRY} (${registry.reason}). Add by hand:\n${registry.snippet}`);
    }
    logger.info(
      [
        `${names.importPath} is scaffolded in ${names.projectRoot}. Next:`,
        `  1. put the vendor's published payload examples in ${names.projectRoot}/src/__fixtures__/`,
        `  2. make the simulator answer like the vendor, then the adapter, until the suite passes:`,
        `     npx nx test ${names.projectName}`,
        '  3. see docs/adding-a-vendor-adapter.md for the contract and the checklist',
      ].join('\n'),
    );
  };
}

export default adapterGenerator;
