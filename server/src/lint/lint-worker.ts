import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, lintFiles, newLintState, type LintOptions } from '../cli/lint-files.js';
import { formatSarif } from '../cli/sarif.js';
import { loadNodeSpeller } from '../spelling/host.js';
import { remoteSpellEngine } from '../spelling/shared.js';
import { useEngine } from '../spelling/speller.js';
import type { WorkerData, WorkerJob, WorkerMessage } from './workers.js';

/**
 * The entry of `dist/lint-worker.js`, the linting half of the command line. Started as a
 * worker thread (see workers.ts), it lints the files it is sent one at a time with the same
 * per-file lint as one thread, keeping its caches between files. It loads no dictionary of
 * its own: its speller asks the main thread, which loads the dictionary once for all
 * workers (`spelling/shared.ts`). Required on the main thread, it gives the one-thread lint
 * and the SARIF output, so that `dist/cli.js` itself holds no linting code.
 */
export { lintFiles, loadNodeSpeller, formatSarif };

const port = parentPort;
const data = (workerData as { granskaLint?: WorkerData } | null)?.granskaLint;
if (port && data) {
  const options: LintOptions = data.options;
  const state = newLintState();
  const post = (m: WorkerMessage) => port.postMessage(m);
  useEngine(remoteSpellEngine(data.spellChannel, post));
  port.on('message', (job: WorkerJob) => {
    try {
      post({ kind: 'done', index: job.index, lint: lintFile(job.file, options, state) });
    } catch (e) {
      post({ kind: 'failed', index: job.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}
