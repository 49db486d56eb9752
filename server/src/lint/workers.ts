import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mergeFileLints, type FileLint, type LintOptions, type LintRun } from '../cli/lint-run.js';

/**
 * `granska lint` on every core. A folder of reports is split over worker threads, each
 * running the same per-file lint as one thread does (`lintFile`, with its own caches of
 * configurations, registers and the other documents cross-document rules read), and the
 * records are merged in the order the files were named, so the output is byte for byte
 * that of one thread. The worker is `dist/lint-worker.js`, built beside `dist/cli.js`.
 */

/**
 * Below this many bytes in all, one thread lints. Each worker first loads the code and the
 * dictionary and warms up the parser (about 0.4 s of CPU time); measured, 8 reports of
 * 500 KB in all took more CPU and more wall time on two threads than on one.
 */
export const WORKER_MIN_BYTES = 1024 * 1024;

/** A request to a worker: lint the file at this place in the list. */
export interface WorkerJob {
  index: number;
  file: string;
}

/** What a worker says: first whether its dictionary loaded, then one record per job. */
export type WorkerMessage = { kind: 'ready'; spellerError: string | null } | { kind: 'done'; index: number; lint: FileLint } | { kind: 'failed'; index: number; error: string };

/** The worker bundle beside this one, or null when running from the sources (then one thread lints). */
export function workerScript(): string | null {
  const file = path.join(__dirname, 'lint-worker.js');
  return fs.existsSync(file) ? file : null;
}

/**
 * How many threads lint: what the user asked for (`--trådar`, `GRANSKA_THREADS`), else one
 * per core for a folder or many files, and one for a single file or a few small ones. `--fix`
 * always runs on one thread: a fix written to one report changes what a later report's
 * cross-document checks read, and the order of that must stay as it was.
 */
export function threadCount(files: readonly string[], options: { fix: boolean; requested: number | null }): number {
  if (options.fix || files.length < 2) return 1;
  if (options.requested !== null) return Math.min(options.requested, files.length);
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // An unreadable file is reported by the lint itself.
    }
    if (bytes >= WORKER_MIN_BYTES) break;
  }
  if (bytes < WORKER_MIN_BYTES) return 1;
  return Math.min(os.availableParallelism(), files.length);
}

/**
 * Lints the files in `threads` workers and merges their records in the files' order. The
 * dictionary's failure to load (the same in every worker) is returned once.
 */
export async function lintInWorkers(script: string, files: readonly string[], options: LintOptions, threads: number): Promise<{ run: LintRun; spellerError: string | null }> {
  const lints = new Array<FileLint | undefined>(files.length);
  // Larger files first, so that no worker is left with a big one at the end.
  const sizes = files.map((f) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return 0;
    }
  });
  const queue = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  let spellerError: string | null = null;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      // The job each worker is on, so that a worker that dies with one is noticed.
      const busy = new Map<Worker, number>();
      const next = (worker: Worker) => {
        const index = queue.shift();
        busy.delete(worker);
        if (index === undefined) {
          running--;
          void worker.terminate();
          if (running === 0) resolve();
          return;
        }
        busy.set(worker, index);
        const job: WorkerJob = { index, file: files[index] };
        worker.postMessage(job);
      };
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(script, { workerData: { granskaLint: options } });
        workers.push(worker);
        running++;
        worker.on('message', (m: WorkerMessage) => {
          if (failed) return;
          if (m.kind === 'ready') {
            if (m.spellerError !== null && spellerError === null) spellerError = m.spellerError;
          } else if (m.kind === 'done') {
            lints[m.index] = m.lint;
          } else {
            fail(new Error(`${files[m.index]}: ${m.error}`));
            return;
          }
          next(worker);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (busy.has(worker) || (code !== 0 && queue.length > 0)) fail(new Error(`a lint worker stopped with exit code ${code}`));
        });
      }
    });
  } finally {
    for (const w of workers) void w.terminate();
  }
  const missing = lints.findIndex((l) => l === undefined);
  if (missing >= 0) throw new Error(`${files[missing]} was not linted`);
  return { run: mergeFileLints(lints as FileLint[]), spellerError };
}
