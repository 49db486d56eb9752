import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor } from '../config/load.js';
import type { Locale } from '../i18n.js';
import { parseWithConfig, runRules } from '../lint/lint.js';
import { EXPORT_FORMATS, exportDocument, exportFileName, type ExportFormat } from '../render/export.js';
import { imagesFrom } from '../render/images.js';
import { ExportError } from '../render/export-error.js';
import type { Io } from './cli.js';

/**
 * `granska export`: renders one document to HTML, Word or PDF. A document with errors is still
 * exported, as the preview shows it, with a note on standard error, since an auditor may
 * want to send a draft for review; the «UTKAST» mark shows it is not final.
 */
export async function exportCommand(
  paths: readonly string[],
  options: { format?: string; output?: string; fix?: boolean },
  locale: Locale,
  io: Io,
): Promise<number> {
  const say = (sv: string, en: string): void => io.stderr(`${locale === 'en' ? en : sv}\n`);
  const format = (options.format ?? 'html') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    say(`granska export: okänt format "${options.format}"; använd html, docx eller pdf.`, `granska export: unknown format "${options.format}"; use html, docx or pdf.`);
    return 2;
  }
  if (options.fix) {
    say('granska export: --fix gäller bara lint.', 'granska export: --fix is only for lint.');
    return 2;
  }
  if (paths.length !== 1) {
    say('granska export: ange exakt en fil.', 'granska export: name exactly one file.');
    return 2;
  }
  const source = path.resolve(io.cwd, paths[0]);
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    say(`granska: kan inte läsa ${paths[0]} (${reason})`, `granska: cannot read ${paths[0]} (${reason})`);
    return 2;
  }
  const config = loadConfigFor(path.dirname(source)).config;
  const doc = parseWithConfig(text, config);
  const errors = runRules(doc, { config }).filter((f) => f.severity === 'error').length;
  let bytes: Uint8Array;
  try {
    bytes = await exportDocument(doc, format, config, imagesFrom(path.dirname(source)));
  } catch (e) {
    // A missing PDF engine or an unreadable Word template: the error says what to do.
    if (!(e instanceof ExportError)) throw e;
    say(`granska: ${e.detail.sv}`, `granska: ${e.detail.en}`);
    return 2;
  }
  if (options.output === '-') {
    io.stdout(format === 'html' ? new TextDecoder().decode(bytes) : bytes);
    return 0;
  }
  const target = path.resolve(io.cwd, options.output ?? exportFileName(paths[0], format));
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    say(`granska: kan inte skriva ${target} (${reason})`, `granska: cannot write ${target} (${reason})`);
    return 2;
  }
  if (errors > 0) say(`granska: obs: ${paths[0]} har ${errors} fel; exporterad ändå.`, `granska: note: ${paths[0]} has ${errors} error(s); exported anyway.`);
  say(`granska: skrev ${path.relative(io.cwd, target) || target}`, `granska: wrote ${path.relative(io.cwd, target) || target}`);
  return 0;
}
