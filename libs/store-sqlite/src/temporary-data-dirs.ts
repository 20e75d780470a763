import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Test helper: fresh data directories under the OS temp dir, all removed by `removeAll`. */
export function createTemporaryDataDirs(prefix = 'icc-store-') {
  const created: string[] = [];
  return {
    create(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      created.push(dir);
      return dir;
    },
    removeAll(): void {
      for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
