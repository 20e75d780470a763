// `npm run bench [-- --quick | --only=store,routing | --strict]`: runs the TypeScript harness
// through tsx's loader in this node process's child, so `node --cpu-prof` style flags stay simple.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchRoot = dirname(fileURLToPath(import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', join(benchRoot, 'src/main.ts'), ...process.argv.slice(2)], {
  cwd: join(benchRoot, '../..'),
  stdio: 'inherit',
  env: { ...process.env, TSX_TSCONFIG_PATH: join(benchRoot, 'tsconfig.json') },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
