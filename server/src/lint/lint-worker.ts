import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, lintFiles, newLintState, type LintOptions } from '../cli/lint-files.js';
import { formatSarif } from '../cli/sarif.js';
import { loadNodeSpeller } from '../spelling/host.js';
import type { WorkerJob, WorkerMessage } from './workers.js';

/**
 * The entry of `dist/lint-worker.js`, the linting half of the command line. Started as a
 * worker thread (see workers.ts), it loads the dictionary, says so, and then lints the
 * files it is sent one at a time with the same per-file lint as one thread, keeping its
 * caches between files. Required on the main thread, it gives the one-thread lint and the
 * SARIF output, so that `dist/cli.js` itself holds no linting code.
 */
export { lintFiles, loadNodeSpeller, formatSarif };

const port = parentPort;
const options = (workerData as { granskaLint?: LintOptions } | null)?.granskaLint;
if (port && options) {
  const state = newLintState();
  const post = (m: WorkerMessage) => port.postMessage(m);
  // Jobs that arrive while the dictionary loads wait for it, as the single thread waits before linting.
  const ready = loadNodeSpeller().then(
    () => post({ kind: 'ready', spellerError: null }),
    (e: unknown) => post({ kind: 'ready', spellerError: String(e) }),
  );
  port.on('message', (job: WorkerJob) => {
    void ready.then(() => {
      try {
        post({ kind: 'done', index: job.index, lint: lintFile(job.file, options, state) });
      } catch (e) {
        post({ kind: 'failed', index: job.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    });
  });
}
