// A Stryker reporter that appends each mutant's verdict to reports/mutation/<library>/tested.jsonl as it
// is tested, so an interrupted run (or one still going) can be read: `node tools/mutation/partial-scores.mjs`.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

class ProgressLogReporter {
  #file = path.resolve('reports', 'mutation', process.env.ICC_MUTATION_PROJECT ?? 'core', 'tested.jsonl');

  constructor() {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, '');
  }

  onMutantTested(result) {
    const { fileName, location, mutatorName, replacement, status, statusReason } = result;
    const line = { file: path.relative(process.cwd(), fileName), line: location.start.line, mutatorName, replacement, status };
    if (status === 'Survived' || status === 'NoCoverage') line.reason = statusReason;
    appendFileSync(this.#file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'icc-progress-log', ProgressLogReporter)];
