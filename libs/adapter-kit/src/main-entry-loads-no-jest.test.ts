import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const JEST_GLOBALS = new Set(['describe', 'test', 'it', 'expect', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'jest']);
const JEST_MODULES = /^(jest|@jest\/|@types\/jest|expect$)/;

/** The file a relative specifier names (`./x` → `./x.ts` or `./x/index.ts`). */
function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const found = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${from}: cannot resolve ${specifier}`);
  return found;
}

/** Module specifiers a file loads at run time: `import type` and `export type` are erased and skipped. */
function runtimeImports(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      const named = statement.importClause?.namedBindings;
      const onlyTypes = !statement.importClause?.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** Calls of a Jest global (`describe(…)`, `expect(…)`, `jest.fn()`) anywhere in the file. */
function jestGlobalsUsed(source: ts.SourceFile): string[] {
  const used: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      let callee = node.expression;
      while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) callee = callee.expression;
      if (ts.isIdentifier(callee) && JEST_GLOBALS.has(callee.text)) used.push(callee.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return used;
}

/** Every file of this library the entry loads at run time, with what in it is Jest. */
function jestReachedFrom(entry: string): string[] {
  const findings: string[] = [];
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const name = relative(__dirname, file);
    for (const global of jestGlobalsUsed(source)) findings.push(`${name} calls ${global}`);
    for (const specifier of runtimeImports(source)) {
      if (JEST_MODULES.test(specifier)) findings.push(`${name} imports ${specifier}`);
      if (specifier.startsWith('.')) pending.push(resolveRelative(file, specifier));
    }
  }
  return findings;
}

describe('the main entry @icc/adapter-kit', () => {
  it('loads nothing of Jest: the conformance suite is only reachable through @icc/adapter-kit/conformance', () => {
    expect(jestReachedFrom(join(__dirname, 'index.ts'))).toEqual([]);
  });

  it('is a check that finds Jest where it is (the conformance entry)', () => {
    const findings = jestReachedFrom(join(__dirname, 'conformance', 'index.ts'));
    expect(findings).toEqual(expect.arrayContaining(['conformance/describe-adapter-conformance.ts calls describe', 'conformance/scenario-steps.ts calls expect']));
  });
});
