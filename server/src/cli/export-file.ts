import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor } from '../config/load.js';
import { localize, msg, type Locale, type Msg } from '../i18n.js';
import { writeFileAtomic } from '../io/write-file.js';
import { parseWithConfig, runRules } from '../lint/lint.js';
import { EXPORT_FORMATS, exportDocument, exportFileName, type ExportFormat, type ExportResult } from '../render/export.js';
import { imagesFrom, workspaceOf } from '../render/images.js';
import { ExportError } from '../render/export-error.js';
import type { Io } from './cli.js';
import { formatText } from './format.js';

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
  // Checked before rendering, so that a refused target costs nothing and writes nothing.
  const target = options.output === '-' ? null : path.resolve(io.cwd, options.output ?? exportFileName(paths[0], format));
  const refusal = target ? refuseTarget(source, target) : null;
  if (refusal) {
    const named = options.output ?? path.relative(io.cwd, target!);
    say(`granska export: skriver inte till ${named}: ${refusal.sv}`, `granska export: will not write to ${named}: ${refusal.en}`);
    return 2;
  }
  let result: ExportResult;
  try {
    result = await exportDocument(doc, format, config, imagesFrom(path.dirname(source), workspaceOf(source)));
  } catch (e) {
    // A missing PDF engine or an unreadable Word template: the error says what to do.
    if (e instanceof ExportError) {
      say(`granska: ${e.detail.sv}`, `granska: ${e.detail.en}`);
      return 2;
    }
    // Whatever else the cause (a report too large to hold as one string), a message, not a stack.
    const reason = e instanceof Error ? e.message : String(e);
    say(`granska: kan inte exportera ${paths[0]} (${reason})`, `granska: cannot export ${paths[0]} (${reason})`);
    return 2;
  }
  // The pictures left out, printed like lint diagnostics so that an editor can jump to them.
  if (result.warnings.length > 0) {
    const diagnostics = result.warnings.map((w) => {
      const start = doc.lines.positionAt(w.start ?? 0);
      return { code: 'export', severity: 'warning' as const, message: localize(w.message, locale), range: { start, end: w.end === null ? start : doc.lines.positionAt(w.end) } };
    });
    const printed = formatText([{ file: path.relative(io.cwd, source) || source, diagnostics }], locale);
    // Without lint's summary line: these are the export's notes, not the report's problems.
    io.stderr(`${printed.trimEnd().split('\n').slice(0, -1).join('\n')}\n`);
  }
  const bytes = result.bytes;
  if (target === null) {
    io.stdout(format === 'html' ? new TextDecoder().decode(bytes) : bytes);
    return 0;
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, bytes);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    say(`granska: kan inte skriva ${target} (${reason})`, `granska: cannot write ${target} (${reason})`);
    return 2;
  }
  if (errors > 0) say(`granska: obs: ${paths[0]} har ${errors} fel; exporterad ändå.`, `granska: note: ${paths[0]} has ${errors} error(s); exported anyway.`);
  say(`granska: skrev ${path.relative(io.cwd, target) || target}`, `granska: wrote ${path.relative(io.cwd, target) || target}`);
  return 0;
}

/**
 * Why an export must not be written to `target`, or null: it is a report (`*.rev.md`, in any
 * case), or it is the source itself, by real path (through symlinks) or, when it exists, by
 * device and inode (hard links, a case-insensitive file system).
 */
function refuseTarget(source: string, target: string): Msg | null {
  if (/\.rev\.md$/i.test(target)) return msg('en export skrivs aldrig över en rapport (*.rev.md)', 'an export is never written over a report (*.rev.md)');
  const same = msg('det är rapporten som exporteras', 'it is the report being exported');
  const real = (p: string): string => {
    try {
      return fs.realpathSync.native(p);
    } catch {
      return path.resolve(p);
    }
  };
  if (real(source) === real(target)) return same;
  let targetStat: fs.Stats;
  try {
    targetStat = fs.statSync(target);
  } catch {
    return null;
  }
  if (/\.rev\.md$/i.test(real(target))) return msg('en export skrivs aldrig över en rapport (*.rev.md)', 'an export is never written over a report (*.rev.md)');
  try {
    const sourceStat = fs.statSync(source);
    if (sourceStat.dev === targetStat.dev && sourceStat.ino === targetStat.ino) return same;
  } catch {
    // The source was read a moment ago; if it is gone now, there is nothing left to protect.
  }
  return null;
}
