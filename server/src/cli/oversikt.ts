import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor } from '../config/load.js';
import type { LoadedConfig } from '../config/config.js';
import type { Locale } from '../i18n.js';
import { writeFileAtomic } from '../io/write-file.js';
import { parseWithConfig } from '../lint/lint.js';
import { parseIsoDate, todayIso } from '../model/dates.js';
import { overviewHtml } from '../render/overview.js';
import { overviewOf, type YearDocument } from '../workspace/overview.js';
import type { AuditDocument } from '../model/types.js';
import { relatedFromDisk } from '../workspace/node-files.js';
import type { Io } from './cli.js';
import { collectFiles } from './collect.js';

/** Reads every audit document under a folder, with paths relative to it (`/`-separated). */
export function readYear(root: string): { docs: YearDocument[]; unreadable: string[] } {
  const configs = new Map<string, LoadedConfig>();
  const docs: YearDocument[] = [];
  const unreadable: string[] = [];
  for (const file of collectFiles([root]).files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      unreadable.push(file);
      continue;
    }
    const config = loadConfigFor(path.dirname(file), configs).config;
    docs.push({ path: path.relative(root, file).split(path.sep).join('/'), doc: parseWithConfig(text, config), config });
  }
  return { docs, unreadable };
}

/**
 * `granska översikt [SÖKVÄG] [-o översikt.html] [--format html|json] [--idag ÅÅÅÅ-MM-DD]`:
 * the audit year of a folder on one page, or as JSON.
 */
export function oversiktCommand(paths: readonly string[], options: { output?: string; format?: string; today?: string }, locale: Locale, io: Io): number {
  const say = (sv: string, en: string): void => io.stderr(`${locale === 'en' ? en : sv}\n`);
  const format = options.format ?? 'html';
  if (format !== 'html' && format !== 'json') {
    say(`granska översikt: okänt format "${format}"; använd html eller json.`, `granska översikt: unknown format "${format}"; use html or json.`);
    return 2;
  }
  const today = options.today ?? todayIso();
  if (!parseIsoDate(today)?.valid) {
    say(`granska översikt: --idag ska vara ett datum ÅÅÅÅ-MM-DD, inte "${today}".`, `granska översikt: --idag must be a date YYYY-MM-DD, not "${today}".`);
    return 2;
  }
  if (paths.length > 1) {
    say('granska översikt: ange högst en mapp.', 'granska översikt: name at most one folder.');
    return 2;
  }
  const root = path.resolve(io.cwd, paths[0] ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    say(`granska: mappen finns inte: ${paths[0]}`, `granska: no such folder: ${paths[0]}`);
    return 2;
  }
  const { docs, unreadable } = readYear(root);
  for (const u of unreadable) say(`granska: kan inte läsa ${u}`, `granska: cannot read ${u}`);
  const cache = new Map<string, { mtimeMs: number; doc: AuditDocument }>();
  const parse = (text: string, file: string) => parseWithConfig(text, loadConfigFor(path.dirname(file)).config);
  const overview = overviewOf(docs, today, (docPath, relative) => relatedFromDisk(path.dirname(path.join(root, docPath)), parse, { cache })(relative));
  const out = format === 'json' ? `${JSON.stringify(overview, null, 2)}\n` : overviewHtml(overview);
  const target = options.output ?? (format === 'json' ? '-' : 'översikt.html');
  if (target === '-') {
    io.stdout(out);
    return unreadable.length > 0 ? 2 : 0;
  }
  const file = path.resolve(io.cwd, target);
  try {
    writeFileAtomic(file, out);
  } catch (e) {
    say(`granska: kan inte skriva ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, `granska: cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 2;
  }
  say(`granska översikt: skrev ${path.relative(io.cwd, file) || file} (${docs.length} dokument)`, `granska översikt: wrote ${path.relative(io.cwd, file) || file} (${docs.length} documents)`);
  return unreadable.length > 0 ? 2 : 0;
}
