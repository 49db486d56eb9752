import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Unzipped } from 'fflate';
import { msg } from '../i18n.js';
import { ExportError } from './export-error.js';
import { reportDocx } from './docx.js';
import { reportHtmlDocument } from './html.js';
import type { RenderedReport } from './report.js';

/**
 * The programs that can make the PDF, in the order they are tried.
 *
 * - **LibreOffice** converts the Word export: the PDF looks like the Word file (the firm's
 *   template, «Sida N (M)» in the footer), is PDF/A-2b, is tagged (headings, lists, tables
 *   with header cells, footnotes as notes), has bookmarks from the headings, `Lang sv-SE`,
 *   and title and author from the report. It is free and often installed beside Office.
 * - **A Chromium browser** (Microsoft Edge, which every Windows machine has, Google Chrome,
 *   or Chromium) prints the HTML export: tagged, with bookmarks and `Lang sv`, but not PDF/A,
 *   footnotes are not tagged as notes, and the PDF names no author.
 *
 * No engine is shipped inside the extension: a PDF engine that embeds fonts and writes a
 * tagged PDF/A is a browser or an office suite, far too large to bundle. `GRANSKA_PDF_ENGINE`
 * (`libreoffice` or `chromium`) picks one; `GRANSKA_SOFFICE` and `GRANSKA_CHROME` name a
 * program that is not where it is usually installed.
 */
export type PdfEngineKind = 'libreoffice' | 'chromium';

export interface PdfEngine {
  kind: PdfEngineKind;
  program: string;
}


const INSTALL_HINT = msg(
  'PDF-exporten behöver LibreOffice (gratis, https://www.libreoffice.org) eller en Chromium-webbläsare (Microsoft Edge, Google Chrome eller Chromium). Installera LibreOffice för PDF/A, eller ange programmets sökväg i miljövariabeln GRANSKA_SOFFICE (LibreOffice) eller GRANSKA_CHROME (Edge/Chrome).',
  'The PDF export needs LibreOffice (free, https://www.libreoffice.org) or a Chromium browser (Microsoft Edge, Google Chrome or Chromium). Install LibreOffice for PDF/A, or name the program in the environment variable GRANSKA_SOFFICE (LibreOffice) or GRANSKA_CHROME (Edge/Chrome).',
);

/** Long enough for a very long report on a slow machine; only a hung program reaches it. */
const TIMEOUT_MS = 180_000;

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
}

/** The engines installed on this machine, in the order they are tried. */
export function findPdfEngines(options: FindOptions = {}): PdfEngine[] {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? isFile;
  const onPath = (names: string[]): string[] => {
    const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
    const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
    const join = platform === 'win32' ? path.win32.join : path.posix.join;
    return dirs.flatMap((d) => names.flatMap((n) => exts.map((e) => join(d, n + e))));
  };
  const programFiles = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((x): x is string => !!x);
  const office = [
    env.GRANSKA_SOFFICE,
    ...(platform === 'win32' ? programFiles.map((p) => path.win32.join(p, 'LibreOffice', 'program', 'soffice.exe')) : []),
    ...(platform === 'darwin' ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice'] : []),
    ...onPath(['soffice', 'libreoffice']),
  ];
  const browsers = [
    env.GRANSKA_CHROME,
    ...(platform === 'win32'
      ? programFiles.flatMap((p) => [path.win32.join(p, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.win32.join(p, 'Google', 'Chrome', 'Application', 'chrome.exe')])
      : []),
    ...(platform === 'darwin'
      ? ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']
      : []),
    ...onPath(['microsoft-edge', 'microsoft-edge-stable', 'google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser']),
  ];
  const first = (candidates: (string | undefined)[]): string | undefined => candidates.find((c): c is string => !!c && exists(c));
  const wanted = env.GRANSKA_PDF_ENGINE?.trim().toLowerCase();
  const found: PdfEngine[] = [];
  const soffice = first(office);
  const chrome = first(browsers);
  if (soffice && (!wanted || wanted === 'libreoffice')) found.push({ kind: 'libreoffice', program: soffice });
  if (chrome && (!wanted || wanted === 'chromium')) found.push({ kind: 'chromium', program: chrome });
  return found;
}

/**
 * The report as a PDF, made by the first engine found that succeeds. Throws an
 * `ExportError` that says what to install when there is none, or why each one failed.
 */
export async function reportPdf(report: RenderedReport, template?: Unzipped, engines: PdfEngine[] = findPdfEngines()): Promise<Uint8Array> {
  if (engines.length === 0) throw new ExportError(INSTALL_HINT);
  const failures: string[] = [];
  for (const engine of engines) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-pdf-'));
    try {
      return engine.kind === 'libreoffice' ? await viaLibreOffice(report, engine.program, dir, template) : await viaChromium(report, engine.program, dir);
    } catch (e) {
      failures.push(`${engine.program}: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new ExportError(msg(
    `PDF-exporten misslyckades (${failures.join('; ')}). ${INSTALL_HINT.sv}`,
    `The PDF export failed (${failures.join('; ')}). ${INSTALL_HINT.en}`,
  ));
}

/** LibreOffice's PDF filter: PDF/A-2b, tagged, bookmarks from the headings. */
const LIBREOFFICE_FILTER = `pdf:writer_pdf_Export:${JSON.stringify({
  SelectPdfVersion: { type: 'long', value: '2' },
  UseTaggedPDF: { type: 'boolean', value: 'true' },
  ExportBookmarks: { type: 'boolean', value: 'true' },
  ExportNotes: { type: 'boolean', value: 'false' },
})}`;

async function viaLibreOffice(report: RenderedReport, program: string, dir: string, template?: Unzipped): Promise<Uint8Array> {
  const source = path.join(dir, 'rapport.docx');
  // The firm's Word template, when it has one, gives the PDF its look too.
  fs.writeFileSync(source, await reportDocx(report, { template }));
  // A profile of its own, so that the conversion works while the user has LibreOffice open
  // and never changes the user's settings.
  const profile = pathToFileURL(path.join(dir, 'profil')).href;
  await run(program, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', LIBREOFFICE_FILTER, '--outdir', dir, source]);
  return readPdf(path.join(dir, 'rapport.pdf'));
}

/**
 * What the browser adds to the export's own print styles: the page number in the bottom
 * margin, «Sida N (M)» as in the Word export (CSS page-margin boxes, Chromium 131 and later).
 */
const PRINT_CSS = `
@page { @bottom-center { content: "Sida " counter(page) " (" counter(pages) ")"; font: 9pt Arial, "DejaVu Sans", sans-serif; color: #5b5b5b; } }
@page :first { @bottom-center { content: none; } }
`;

async function viaChromium(report: RenderedReport, program: string, dir: string): Promise<Uint8Array> {
  const source = path.join(dir, 'rapport.html');
  // The page's own policy forbids script and every load but its inlined pictures, so
  // printing it from a file reaches nothing outside it.
  fs.writeFileSync(source, reportHtmlDocument(report).replace('</style>', `${PRINT_CSS}</style>`));
  const out = path.join(dir, 'rapport.pdf');
  const args = [
    '--headless', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${path.join(dir, 'profil')}`,
    '--export-tagged-pdf', '--generate-pdf-document-outline', '--no-pdf-header-footer',
    `--print-to-pdf=${out}`,
  ];
  // Chromium refuses to run as root with its sandbox (containers, CI).
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  await run(program, [...args, pathToFileURL(source).href]);
  return readPdf(out);
}

function readPdf(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new Error('no PDF was written');
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the file written is not a PDF');
  return new Uint8Array(bytes);
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(error.killed ? `stopped after ${TIMEOUT_MS / 1000} s` : `${error.message} ${String(stderr).trim()}`.trim()));
      else resolve();
    });
  });
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
