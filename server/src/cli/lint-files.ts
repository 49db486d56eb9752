import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { CONFIG_CODE, configProblems, fileExistsFrom, loadConfigFor } from '../config/load.js';
import { writeFileAtomic } from '../io/write-file.js';
import { fixAll } from '../lint/fix.js';
import { parseWithConfig, runRules, toDiagnostic, severityName } from '../lint/lint.js';
import { documentStats } from '../spelling/prose.js';
import type { AuditDocument } from '../model/types.js';
import { registerFor, relatedFromDisk } from '../workspace/node-files.js';
import { registerProblems } from '../workspace/register-problems.js';
import { REGISTER_CODE, type DecisionRegister } from '../workspace/register.js';
import { mergeFileLints, type FileLint, type LintOptions, type LintRun } from './lint-run.js';

export class UsageError extends Error {}

export { collectFiles } from './collect.js';
export { mergeFileLints, type FileLint, type LintOptions, type LintRun } from './lint-run.js';

/**
 * What one thread keeps between files: configurations per folder, registers, and the other
 * documents cross-document rules read, each parsed once per modification time.
 */
export interface LintState {
  configs: Map<string, LoadedConfig>;
  registers: Map<string, DecisionRegister>;
  related: Map<string, { mtimeMs: number; doc: AuditDocument }>;
}

export function newLintState(): LintState {
  return { configs: new Map(), registers: new Map(), related: new Map() };
}

/** Lints one file as the CLI does: nearest configuration, its register, optional safe fixes written back. */
export function lintFile(file: string, options: LintOptions, state: LintState): FileLint {
  const parseRelated = (t: string, f: string) => parseWithConfig(t, loadConfigFor(path.dirname(f), state.configs).config);
  const out: FileLint = { sources: [] };
  const dir = path.dirname(path.resolve(file));
  const loaded = loadConfigFor(dir, state.configs);
  if (loaded.file && loaded.problems.length > 0) {
    out.sources.push({
      file: path.relative(process.cwd(), loaded.file) || loaded.file,
      diagnostics: configProblems(loaded, options.locale).map((p) => ({ code: CONFIG_CODE, severity: 'error', message: p.message, range: p.range })),
    });
  }
  // The beslutsregister's problems are reported once, on the register file, like the configuration's.
  const register = registerFor(dir, loaded, state.registers);
  if (register?.file && register.problems.length > 0) {
    out.sources.push({
      file: path.relative(process.cwd(), register.file) || register.file,
      diagnostics: registerProblems(register, options.locale).map((p) => ({ code: REGISTER_CODE, severity: 'error', message: p.message, range: p.range })),
    });
  }
  let text: string;
  try {
    const bytes = fs.readFileSync(file);
    text = bytes.toString('utf8');
  } catch (e) {
    out.unreadable = { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) };
    return out;
  }
  const env = { config: loaded.config, fileExists: fileExistsFrom(dir), register, related: relatedFromDisk(dir, parseRelated, { cache: state.related }) };
  if (options.fix) {
    // The fixes' spans are offsets into the model's text, which has no BOM: fix that text
    // and put the BOM back when writing, so that nothing shifts by one character.
    const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const body = bom ? text.slice(1) : text;
    const fixed = fixAll(body, (t) => runRules(parseWithConfig(t, loaded.config), env));
    if (fixed.changed) {
      try {
        writeFileAtomic(file, bom + fixed.text);
        out.fixed = file;
        text = bom + fixed.text;
      } catch (e) {
        out.unwritable = { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) };
      }
    }
  }
  const doc = parseWithConfig(text, loaded.config);
  const diagnostics = runRules(doc, env).map((f) => toDiagnostic(doc, f, options.locale));
  out.result = {
    file,
    diagnostics: diagnostics.map((d) => ({ code: d.code, severity: severityName(d.severity), message: d.message, range: d.range })),
  };
  if (options.statistics !== false) {
    const stats = documentStats(doc, loaded.config.sentenceLength);
    out.result.statistics = { words: stats.words, sentences: stats.sentences, lix: stats.lix, longSentences: stats.longSentences };
  }
  return out;
}

/** Lints files on this thread, one after another. */
export function lintFiles(files: readonly string[], options: LintOptions): LintRun {
  const state = newLintState();
  return mergeFileLints(files.map((f) => lintFile(f, options, state)));
}
