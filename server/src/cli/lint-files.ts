import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { CONFIG_CODE, configProblems, fileExistsFrom, loadConfigFor } from '../config/load.js';
import type { Locale } from '../i18n.js';
import { writeFileAtomic } from '../io/write-file.js';
import { fixAll } from '../lint/fix.js';
import { parseWithConfig, runRules, toDiagnostic, severityName } from '../lint/lint.js';
import { documentStats } from '../spelling/prose.js';
import type { AuditDocument } from '../model/types.js';
import { registerFor, relatedFromDisk } from '../workspace/node-files.js';
import { registerProblems } from '../workspace/register-problems.js';
import { REGISTER_CODE, type DecisionRegister } from '../workspace/register.js';
import type { FileResult } from './format.js';

export class UsageError extends Error {}

/** Expands the paths given on the command line: directories are searched for `*.rev.md`. */
export function collectFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.rev.md')) files.push(p);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, missing };
}

export interface LintRun {
  results: FileResult[];
  unreadable: { file: string; reason: string }[];
  /** Files whose fixes could not be written; each is left as it was. */
  unwritable: { file: string; reason: string }[];
  fixed: string[];
}

/** Lints files as the CLI does: nearest configuration per folder, optional safe fixes written back. */
export function lintFiles(files: readonly string[], options: { fix: boolean; locale: Locale }): LintRun {
  const cache = new Map<string, LoadedConfig>();
  const reportedConfigs = new Set<string>();
  const registers = new Map<string, DecisionRegister>();
  const relatedCache = new Map<string, { mtimeMs: number; doc: AuditDocument }>();
  const parseRelated = (t: string, f: string) => parseWithConfig(t, loadConfigFor(path.dirname(f), cache).config);
  const run: LintRun = { results: [], unreadable: [], unwritable: [], fixed: [] };
  for (const file of files) {
    const dir = path.dirname(path.resolve(file));
    const loaded = loadConfigFor(dir, cache);
    if (loaded.file && loaded.problems.length > 0 && !reportedConfigs.has(loaded.file)) {
      reportedConfigs.add(loaded.file);
      run.results.push({
        file: path.relative(process.cwd(), loaded.file) || loaded.file,
        diagnostics: configProblems(loaded, options.locale).map((p) => ({ code: CONFIG_CODE, severity: 'error', message: p.message, range: p.range })),
      });
    }
    // The beslutsregister's problems are reported once, on the register file, like the configuration's.
    const register = registerFor(dir, loaded, registers);
    if (register?.file && register.problems.length > 0 && !reportedConfigs.has(register.file)) {
      reportedConfigs.add(register.file);
      run.results.push({
        file: path.relative(process.cwd(), register.file) || register.file,
        diagnostics: registerProblems(register, options.locale).map((p) => ({ code: REGISTER_CODE, severity: 'error', message: p.message, range: p.range })),
      });
    }
    let text: string;
    try {
      const bytes = fs.readFileSync(file);
      text = bytes.toString('utf8');
    } catch (e) {
      run.unreadable.push({ file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      continue;
    }
    const env = { config: loaded.config, fileExists: fileExistsFrom(dir), register, related: relatedFromDisk(dir, parseRelated, { cache: relatedCache }) };
    if (options.fix) {
      // The fixes' spans are offsets into the model's text, which has no BOM: fix that text
      // and put the BOM back when writing, so that nothing shifts by one character.
      const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
      const body = bom ? text.slice(1) : text;
      const fixed = fixAll(body, (t) => runRules(parseWithConfig(t, loaded.config), env));
      if (fixed.changed) {
        try {
          writeFileAtomic(file, bom + fixed.text);
          run.fixed.push(file);
          text = bom + fixed.text;
        } catch (e) {
          run.unwritable.push({ file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
        }
      }
    }
    const doc = parseWithConfig(text, loaded.config);
    const diagnostics = runRules(doc, env).map((f) => toDiagnostic(doc, f, options.locale));
    const stats = documentStats(doc, loaded.config.sentenceLength);
    run.results.push({
      file,
      diagnostics: diagnostics.map((d) => ({ code: d.code, severity: severityName(d.severity), message: d.message, range: d.range })),
      statistics: { words: stats.words, sentences: stats.sentences, lix: stats.lix, longSentences: stats.longSentences },
    });
  }
  return run;
}
