import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mergeFileLints, type FileLint, type LintOptions, type LintRun } from '../cli/lint-run.js';
import { loadNodeSpeller } from '../spelling/load-node.js';
import { answerSpellRequest, newSpellChannel, type SpellRequest } from '../spelling/shared.js';

/**
 * `granska lint` on every core. A folder of reports is split over worker threads, each
 * running the same per-file lint as one thread does (`lintFile`, with its own caches of
 * configurations, registers and the other documents cross-document rules read), and the
 * records are merged in the order the files were named, so the output is byte for byte
 * that of one thread. The worker is `dist/lint-worker.js`, built beside `dist/cli.js`.
 */

/**
 * Below this many bytes in all, one thread lints. Each worker first loads the code and
 * warms up the parser; measured, 8 reports of 500 KB in all took more CPU and more wall
 * time on two threads than on one.
 */
export const WORKER_MIN_BYTES = 1024 * 1024;

/**
 * The young generation of each worker's heap, in MB (V8's default is 48 on 64 bits). The
 * parser makes many short-lived objects (micromark's events and slices): with a young
 * generation twice the default, fewer of them survive a scavenge into the old generation,
 * and the scavenges and mark-compacts that a lint of many reports pays for take less
 * time. Measured in docs/prestanda.md («Kommandoraden och minnet, andra omgången»). A
 * command-line run may use the memory; the server keeps V8's defaults.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/** What a worker is started with: the lint's options and its channel to the main thread's dictionary. */
export interface WorkerData {
  options: LintOptions;
  spellChannel: SharedArrayBuffer;
}

/** A request to a worker: lint the file at this place in the list. */
export interface WorkerJob {
  index: number;
  file: string;
}

/** What a worker says: one record per job, and the words it needs verdicts for (`spelling/shared.ts`). */
export type WorkerMessage = SpellRequest | { kind: 'done'; index: number; lint: FileLint } | { kind: 'failed'; index: number; error: string };

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
 * Lints the files in `threads` workers and merges their records in the files' order. This
 * thread loads the dictionary, once, while the workers start, and answers their words; its
 * failure to load is returned.
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
  const speller = loadNodeSpeller().catch((e: unknown) => {
    spellerError = String(e);
    return null;
  });
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
        const spellChannel = newSpellChannel();
        const data: WorkerData = { options, spellChannel };
        const worker = new Worker(script, { workerData: { granskaLint: data }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
        workers.push(worker);
        running++;
        worker.on('message', (m: WorkerMessage) => {
          if (m.kind === 'spell') {
            // Answered even after a failure elsewhere, so that no worker is left waiting.
            void speller.then((s) => answerSpellRequest(spellChannel, m.words, s ? (w) => s.check(w) : null));
            return;
          }
          if (failed) return;
          if (m.kind === 'done') {
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
        // The first file goes out at once: the worker reads it as soon as its code has loaded.
        next(worker);
      }
    });
  } finally {
    for (const w of workers) void w.terminate();
  }
  // The load has settled by now unless no worker asked for a word; the failure is said all the same.
  await speller;
  const missing = lints.findIndex((l) => l === undefined);
  if (missing >= 0) throw new Error(`${files[missing]} was not linted`);
  return { run: mergeFileLints(lints as FileLint[]), spellerError };
}
