import { Worker, parentPort, workerData } from 'node:worker_threads';
import { loadConfigFor } from '../config/load.js';
import type { ExportWarning } from '../features/preview.js';
import type { Locale, Msg } from '../i18n.js';
import { parseNextVersion } from '../model/parse.js';
import type { ExportFormat } from '../render/names.js';
import { renderer } from '../renderer.js';
import { parseOptions } from './lint.js';

/**
 * Exporting large documents off the request thread. A Word export of a report of ten
 * megabytes takes many seconds (most of it in the `docx` package), and on the language
 * server's one thread every other document's hover, completion and diagnostics would wait
 * for it. A large document's export therefore runs in a worker thread of its own, started
 * for that one export and ended with it: the document's lint worker is restarted on every
 * edit, which would end an export that is still running, while an export is of the version
 * asked for and must finish even when the user types on.
 *
 * Like the lint worker, it reads the configuration, pictures and the Word template from the
 * disk itself, so that only the text, the format and the folders cross the threads.
 */

/** One export of one version, as plain data. */
export interface ExportJob {
  text: string;
  format: ExportFormat;
  /** The document's folder, where its configuration and pictures are looked up; null for an unsaved buffer. */
  folder: string | null;
  /** The workspace folder that pictures must lie in. */
  root: string | null;
  locale: Locale;
}

/** The export's file (base64) and warnings, or why it could not be made. */
export type ExportOutcome =
  | { ok: true; data: string; warnings: ExportWarning[] }
  /** `detail` for what the user can fix (no PDF engine, an unreadable template), in both languages. */
  | { ok: false; detail?: Msg; message: string };

/** The marker by which the bundled server knows it was started as an export worker. */
export const EXPORT_MARK = 'granska-export-worker';

/** The export itself, as the request thread would make it: the same parse, the same renderer. */
export async function runExportJob(job: ExportJob): Promise<ExportOutcome> {
  try {
    const loaded = loadConfigFor(job.folder ?? process.cwd());
    const model = parseNextVersion(null, job.text, parseOptions(loaded.config));
    const result = await renderer().exportOf(model, job.format, loaded.config, job.folder, job.root, job.locale);
    return { ok: true, ...result };
  } catch (e) {
    const detail = (e as { detail?: Msg } | null)?.detail;
    const isMsg = detail !== undefined && typeof detail.sv === 'string' && typeof detail.en === 'string';
    return { ok: false, detail: isMsg ? { sv: detail.sv, en: detail.en } : undefined, message: String(e instanceof Error ? e.message : e) };
  }
}

/** Runs the worker side when this thread was started as an export worker; returns whether it was. */
export function startExportWorkerIfAsked(data: unknown = workerData): boolean {
  const asked = data as { mark?: unknown; job?: ExportJob } | null;
  if (!asked || asked.mark !== EXPORT_MARK || !asked.job || !parentPort) return false;
  const port = parentPort;
  void runExportJob(asked.job).then((outcome) => port.postMessage(outcome));
  return true;
}

/**
 * The request thread's side: starts a worker on `script` (the bundled server itself) for one
 * export and resolves with its outcome; a worker that fails or ends without an answer gives
 * an error outcome, never a rejection.
 */
export function exportInWorker(script: string, job: ExportJob): Promise<ExportOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ExportOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      void worker.terminate();
    };
    const worker = new Worker(script, { workerData: { mark: EXPORT_MARK, job } });
    worker.on('message', (outcome: ExportOutcome) => finish(outcome));
    worker.on('error', (e) => finish({ ok: false, message: String(e instanceof Error ? e.message : e) }));
    worker.on('exit', (code) => finish({ ok: false, message: `export worker ended (${code})` }));
  });
}
