import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, newLintState, type LintOptions } from '../cli/lint-files.js';
import { loadNodeSpeller } from '../spelling/host.js';
import type { WorkerJob, WorkerMessage } from './workers.js';

/**
 * The entry of `dist/lint-worker.js`: one of `granska lint`'s worker threads (see
 * workers.ts). It loads the dictionary, says so, and then lints the files it is sent one at
 * a time with the same per-file lint as one thread, keeping its caches between files.
 */
const port = parentPort;
if (port) {
  const options = (workerData as { options: LintOptions }).options;
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
