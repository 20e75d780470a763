import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Jest maps every stylesheet to a stub that answers any class name, so a component that names a class
// no stylesheet defines (a plain string left over from before CSS modules, a typo in `css.name`)
// renders unstyled in the browser while every unit test passes. This reads the sources instead.
const SRC = __dirname;

function filesUnder(dir: string, ending: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ending);
    return ending.test(entry.name) ? [path] : [];
  });
}

const camelCase = (name: string) => name.replace(/[-_]+(\w)/g, (_match, letter: string) => letter.toUpperCase());
const classesIn = (css: string) => new Set([...css.matchAll(/\.(-?[a-zA-Z_][\w-]*)/g)].map((match) => match[1] as string));

const globalClasses = new Set<string>([
  ...classesIn(readFileSync(join(SRC, 'styles', 'base.css'), 'utf8')),
  ...filesUnder(SRC, /\.module\.css$/).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/:global\(\.([\w-]+)\)/g)].map((match) => match[1] as string),
  ),
]);
const components = filesUnder(SRC, /\.tsx?$/).filter((path) => !/\.test\.tsx?$/.test(path));

describe('class names in components', () => {
  it('names in className="…" are global classes (base.css or :global in a module)', () => {
    const unknown = components.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/className="([^"]+)"/g)]
        .flatMap((match) => (match[1] as string).split(/\s+/))
        .filter((name) => !globalClasses.has(name))
        .map((name) => `${path.slice(SRC.length + 1)}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every `someCss.name` exists in the CSS module it was imported from', () => {
    const unknown = components.flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      return [...source.matchAll(/import (\w+) from '([^']+\.module\.css)'/g)].flatMap(([, local, modulePath]) => {
        const defined = new Set([...classesIn(readFileSync(join(dirname(path), modulePath as string), 'utf8'))].map(camelCase));
        return [...source.matchAll(new RegExp(`\\b${local}\\.(\\w+)`, 'g'))]
          .map((match) => match[1] as string)
          .filter((name) => !defined.has(name))
          .map((name) => `${path.slice(SRC.length + 1)}: ${local}.${name}`);
      });
    });
    expect(unknown).toEqual([]);
  });
});
