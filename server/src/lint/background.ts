import * as path from 'node:path';
import { Worker, parentPort, type MessagePort } from 'node:worker_threads';
import { fileExistsFrom, isInside, loadConfigFor } from '../config/load.js';
import type { Locale } from '../i18n.js';
import { parseNextVersion } from '../model/parse.js';
import type { AuditDocument } from '../model/types.js';
import { isLocalRelativePath } from '../rules/missiv-rapport.js';
import { lintDocument, parseOptions, type GranskaDiagnostic } from './lint.js';

/**
 * Linting large documents off the request thread. The language server answers every
 * request on one thread; a megabyte report took seconds to parse and lint there, and every
 * other document's hover, completion and diagnostics waited behind it. A document larger
 * than `BACKGROUND_CHARS` is linted by a worker of its own instead, which keeps its model
 * from version to version for the incremental parse; a newer version of the document ends
 * the worker's unfinished work on an older one (the worker is stopped and started again).
 *
 * The interface is small and plain (text in, diagnostics out) so that a browser build can
 * put the same core behind a web worker.
 */

/**
 * Documents with more characters than this are linted in the background. A real report of
 * a hundred pages is about 300,000 characters and is linted on the server's own thread with
 * everything the editor has (spelling, the register, the documents open beside it); only
 * far larger documents (annual compilations, pasted dumps) go to the worker, which checks
 * their structure but not their spelling or other documents.
 */
export const BACKGROUND_CHARS = 500_000;

/** One lint of one version, with all it needs as plain data. */
export interface LintJob {
  version: number;
  text: string;
  /** The document's folder, where its configuration is looked up; null for an unsaved buffer. */
  dir: string | null;
  /** The workspace folder other files may be looked up in. */
  root: string | null;
  /** Files open in the editor (absolute paths): a report open but unsaved exists. */
  openFiles: string[];
  locale: Locale;
}

export interface LintResult {
  version: number;
  diagnostics: GranskaDiagnostic[];
  /** Whether the document names another report (`rapport:`), so that it is checked again when files change. */
  namesAReport: boolean;
}

/** What the worker does with a job: the same lint as on the request thread. */
function runJob(job: LintJob, prev: AuditDocument | null): { model: AuditDocument; result: LintResult } {
  const loaded = loadConfigFor(job.dir ?? process.cwd());
  const model = parseNextVersion(prev, job.text, parseOptions(loaded.config));
  let fileExists: ((relative: string) => boolean) | undefined;
  if (job.dir) {
    const dir = job.dir;
    const root = job.root ?? dir;
    const onDisk = fileExistsFrom(dir, root);
    fileExists = (relative) =>
      onDisk(relative) || (isLocalRelativePath(relative) && isInside(root, path.resolve(dir, relative)) && job.openFiles.includes(path.resolve(dir, relative)));
  }
  const diagnostics = lintDocument(model, { config: loaded.config, fileExists, locale: job.locale });
  return { model, result: { version: job.version, diagnostics, namesAReport: model.frontmatter?.fields.has('rapport') ?? false } };
}

/** The worker's side: answers jobs in order, keeping the last model. */
export function serveLintJobs(port: MessagePort): void {
  let prev: AuditDocument | null = null;
  port.on('message', (job: LintJob) => {
    try {
      const { model, result } = runJob(job, prev);
      prev = model;
      port.postMessage(result);
    } catch (e) {
      prev = null;
      port.postMessage({ version: job.version, diagnostics: [], namesAReport: false, error: String(e) });
    }
  });
}

/** The marker by which the bundled server knows it was started as a lint worker. */
export const WORKER_MARK = 'granska-lint-worker';

/** Starts the worker side when this thread is a lint worker; returns whether it was. */
export function startLintWorkerIfAsked(data: unknown): boolean {
  if (data !== WORKER_MARK || !parentPort) return false;
  serveLintJobs(parentPort);
  return true;
}

/**
 * What happens to a document's background work, for tracing: a version handed to a worker,
 * its worker stopped (reported once the thread has ended, so the work on it has stopped),
 * or its diagnostics back.
 */
export interface BackgroundEvent {
  uri: string;
  version: number;
  event: 'started' | 'stopped' | 'finished';
}

interface Running {
  worker: Worker;
  /** The version being linted, and how to hand back its result. */
  busy: { version: number; resolve: (r: LintResult | null) => void } | null;
}

/**
 * The request thread's side: one worker per large document, started on first use.
 * `script` is the file the worker runs (the bundled server itself).
 */
export class BackgroundLinter {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly script: string,
    private readonly onEvent: (e: BackgroundEvent) => void = () => undefined,
  ) {}

  /**
   * Lints one version in the background. Resolves with null when a newer version (or the
   * document's close) ended this one first.
   */
  lint(uri: string, job: LintJob): Promise<LintResult | null> {
    let r = this.running.get(uri);
    if (r?.busy) {
      // Work on an older version is of no use any more: stop it, and start afresh.
      this.stop(uri);
      r = undefined;
    }
    if (!r) {
      const worker = new Worker(this.script, { workerData: WORKER_MARK });
      worker.unref();
      r = { worker, busy: null };
      const entry = r;
      worker.on('message', (result: LintResult) => {
        const busy = entry.busy;
        entry.busy = null;
        this.onEvent({ uri, version: result.version, event: 'finished' });
        busy?.resolve(result.version === busy.version ? result : null);
      });
      worker.on('error', () => {
        entry.busy?.resolve(null);
        entry.busy = null;
        if (this.running.get(uri) === entry) this.running.delete(uri);
      });
      this.running.set(uri, r);
    }
    const entry = r;
    return new Promise((resolve) => {
      entry.busy = { version: job.version, resolve };
      entry.worker.postMessage(job);
      this.onEvent({ uri, version: job.version, event: 'started' });
    });
  }

  /** Ends the work and the worker of one document (closed, or no longer large). */
  stop(uri: string): void {
    const r = this.running.get(uri);
    if (!r) return;
    this.running.delete(uri);
    const busy = r.busy;
    busy?.resolve(null);
    r.busy = null;
    void r.worker.terminate().then(() => {
      if (busy) this.onEvent({ uri, version: busy.version, event: 'stopped' });
    });
  }

  dispose(): void {
    for (const uri of [...this.running.keys()]) this.stop(uri);
  }
}
