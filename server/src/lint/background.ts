import * as path from 'node:path';
import { Worker, parentPort, type MessagePort } from 'node:worker_threads';
import { fileExistsFrom, isInside, loadConfigFor } from '../config/load.js';
import type { Locale } from '../i18n.js';
import { parseNextVersion } from '../model/parse.js';
import type { AuditDocument } from '../model/types.js';
import { todayIso } from '../model/dates.js';
import { isLocalRelativePath } from '../rules/missiv-rapport.js';
import { lintDocument, parseOptions, type GranskaDiagnostic } from './lint.js';
import { codeLenses } from '../features/code-lens.js';
import { completions } from '../features/completion.js';
import { featureContext } from '../features/context.js';
import { foldingRanges } from '../features/folding.js';
import { hover } from '../features/hover.js';
import { controlObjectiveStatus } from '../features/status.js';
import { documentSymbols } from '../features/symbols.js';
import { indexText, type IndexEntry } from '../workspace/index.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { navigationAnswer } from './background-navigation.js';

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

/**
 * How long a large version waits before its text is handed to the worker. Posting copies the
 * text (about 15 ms for 10 MB) on the request thread; a request sent right behind the text
 * (a hover in another report, the editor's symbols) has usually been read by then, and is
 * answered before the copy instead of after it. Small beside the lint of such a document.
 */
export const HANDOFF_DELAY_MS = 10;

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
  /** The document's URI, to index it in the worker too; without it no index entry is made. */
  uri?: string;
}

export interface LintResult {
  version: number;
  diagnostics: GranskaDiagnostic[];
  /** The document's workspace index entry, made here so that the request thread never scans the text. */
  index?: IndexEntry;
  /** Whether the document names another report (`rapport:`), so that it is checked again when files change. */
  namesAReport: boolean;
}

/** The editor features a worker answers for its document, from the model it keeps. */
export type BackgroundFeature = 'hover' | 'completion' | 'documentSymbol' | 'foldingRange' | 'codeLens' | 'status' | NavigationFeature;

/** Navigation and the status bar's readability, also answered by the worker (`navigationAnswer`). */
export type NavigationFeature = 'definition' | 'references' | 'prepareRename' | 'rename' | 'readability' | 'preview' | 'codeAction';

/**
 * A feature request for one version of a large document. The worker answers it from its
 * model once it has linted that version, so the request thread never parses the document;
 * like the worker's lint, it knows the document's structure but not the workspace.
 */
export interface FeatureJob {
  kind: 'feature';
  id: number;
  version: number;
  feature: BackgroundFeature;
  /** Offset in the text without its BOM, for hover and completion. */
  offset: number;
  uri: string;
  dir: string | null;
  locale: Locale;
  /** For references: whether the footnote's definition is one of them. */
  includeDeclaration?: boolean;
  /** For rename: the new label. */
  newName?: string;
  /** For code actions: the end of the range (`offset` is its start), the kinds asked for and the editor's diagnostics in it. */
  endOffset?: number;
  only?: string[];
  diagnostics?: Diagnostic[];
}

/** A worker's answer to a feature request; `result` is undefined when the version was replaced first. */
export interface FeatureResult {
  kind: 'feature';
  id: number;
  result: unknown;
}

function answer(job: FeatureJob, model: AuditDocument, fileExists?: (relative: string) => boolean): unknown {
  const loaded = loadConfigFor(job.dir ?? process.cwd());
  const ctx = featureContext(model, { uri: job.uri, config: loaded.config, locale: job.locale, today: todayIso() });
  switch (job.feature) {
    case 'hover':
      return hover(ctx, job.offset);
    case 'completion':
      return completions(ctx, job.offset);
    case 'documentSymbol':
      return documentSymbols(ctx);
    case 'foldingRange':
      return foldingRanges(ctx);
    case 'codeLens':
      return codeLenses(ctx);
    case 'status':
      return controlObjectiveStatus(model, loaded.config);
    default:
      return navigationAnswer(ctx, job.feature, job, { fileExists });
  }
}

/** What the worker does with a job: the same lint as on the request thread. */
function runJob(job: LintJob, prev: AuditDocument | null): { model: AuditDocument; result: LintResult; fileExists?: (relative: string) => boolean } {
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
  const index = job.uri ? indexText(job.uri, job.text, loaded.config.organs, loaded.config.style) : undefined;
  return { model, fileExists, result: { version: job.version, diagnostics, index, namesAReport: model.frontmatter?.fields.has('rapport') ?? false } };
}

/**
 * The worker's side: answers jobs in order, keeping the last model. A feature request for a
 * version not yet linted waits for it; one for a version already replaced gets no answer.
 */
export function serveLintJobs(port: MessagePort): void {
  let prev: AuditDocument | null = null;
  let prevVersion = -1;
  // Which files exist as the last lint saw them (the disk and the editor's open files), for code actions.
  let prevFileExists: ((relative: string) => boolean) | undefined;
  let waiting: FeatureJob[] = [];
  const reply = (job: FeatureJob) => {
    let result: unknown;
    try {
      result = prev && job.version === prevVersion ? answer(job, prev, prevFileExists) : undefined;
    } catch {
      result = undefined;
    }
    port.postMessage({ kind: 'feature', id: job.id, result } satisfies FeatureResult);
  };
  port.on('message', (job: LintJob | FeatureJob) => {
    if ('kind' in job) {
      if (job.version > prevVersion) waiting.push(job);
      else reply(job);
      return;
    }
    try {
      const { model, result, fileExists } = runJob(job, prev);
      prev = model;
      prevFileExists = fileExists;
      prevVersion = job.version;
      port.postMessage(result);
    } catch (e) {
      prev = null;
      prevVersion = -1;
      port.postMessage({ version: job.version, diagnostics: [], namesAReport: false, error: String(e) });
    }
    const ready = waiting.filter((w) => w.version <= prevVersion);
    waiting = waiting.filter((w) => w.version > prevVersion);
    for (const w of ready) reply(w);
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
 * or its diagnostics back; and, from the server, a large document parsed on the request
 * thread after all.
 */
export interface BackgroundEvent {
  uri: string;
  version: number;
  event: 'started' | 'stopped' | 'finished' | 'parsed on request thread';
}

interface Running {
  worker: Worker;
  /** The version being linted, and how to hand back its result. */
  busy: { version: number; resolve: (r: LintResult | null) => void } | null;
  /** Feature requests sent and not yet answered, by id. */
  requests: Map<number, { job: FeatureJob; resolve: (result: unknown) => void }>;
}

/**
 * The request thread's side: one worker per large document, started on first use.
 * `script` is the file the worker runs (the bundled server itself).
 */
export class BackgroundLinter {
  private readonly running = new Map<string, Running>();
  private nextRequest = 1;

  constructor(
    private readonly script: string,
    private readonly onEvent: (e: BackgroundEvent) => void = () => undefined,
  ) {}

  /**
   * Lints one version in the background. Resolves with null when a newer version (or the
   * document's close) ended this one first.
   */
  lint(uri: string, job: LintJob): Promise<LintResult | null> {
    const old = this.running.get(uri);
    let carried: { job: FeatureJob; resolve: (result: unknown) => void }[] = [];
    if (old?.busy) {
      // Work on an older version is of no use any more: stop it, and start afresh. Feature
      // requests for this version or a later one wait for the new worker instead.
      carried = [...old.requests.values()].filter((q) => q.job.version >= job.version);
      for (const q of carried) old.requests.delete(q.job.id);
      this.stop(uri);
    }
    const entry = this.workerFor(uri);
    return new Promise((resolve) => {
      entry.busy = { version: job.version, resolve };
      entry.worker.postMessage(job);
      this.onEvent({ uri, version: job.version, event: 'started' });
      for (const q of carried) {
        entry.requests.set(q.job.id, q);
        entry.worker.postMessage(q.job);
      }
    });
  }

  /**
   * Asks the document's worker for a feature's answer on one version. It is answered once
   * that version is linted; undefined when a newer version or the document's close came first.
   */
  request(uri: string, job: Omit<FeatureJob, 'kind' | 'id' | 'uri'>): Promise<unknown> {
    const entry = this.workerFor(uri);
    const full: FeatureJob = { ...job, kind: 'feature', id: this.nextRequest++, uri };
    return new Promise((resolve) => {
      entry.requests.set(full.id, { job: full, resolve });
      entry.worker.postMessage(full);
    });
  }

  private workerFor(uri: string): Running {
    const known = this.running.get(uri);
    if (known) return known;
    const worker = new Worker(this.script, { workerData: WORKER_MARK });
    worker.unref();
    const entry: Running = { worker, busy: null, requests: new Map() };
    worker.on('message', (message: LintResult | FeatureResult) => {
      if ('kind' in message) {
        const q = entry.requests.get(message.id);
        entry.requests.delete(message.id);
        q?.resolve(message.result);
        return;
      }
      const busy = entry.busy;
      entry.busy = null;
      this.onEvent({ uri, version: message.version, event: 'finished' });
      busy?.resolve(message.version === busy.version ? message : null);
    });
    worker.on('error', () => {
      entry.busy?.resolve(null);
      entry.busy = null;
      for (const q of entry.requests.values()) q.resolve(undefined);
      entry.requests.clear();
      if (this.running.get(uri) === entry) this.running.delete(uri);
    });
    this.running.set(uri, entry);
    return entry;
  }

  /** Ends the work and the worker of one document (closed, or no longer large). */
  stop(uri: string): void {
    const r = this.running.get(uri);
    if (!r) return;
    this.running.delete(uri);
    const busy = r.busy;
    busy?.resolve(null);
    r.busy = null;
    for (const q of r.requests.values()) q.resolve(undefined);
    r.requests.clear();
    void r.worker.terminate().then(() => {
      if (busy) this.onEvent({ uri, version: busy.version, event: 'stopped' });
    });
  }

  dispose(): void {
    for (const uri of [...this.running.keys()]) this.stop(uri);
  }
}
