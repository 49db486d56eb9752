import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type GranskaConfig } from '../../server/src/config/config.ts';
import { fileExistsFrom, loadConfigFor } from '../../server/src/config/load.ts';
import { lintText, parseWithConfig as lintParse, severityName, type GranskaDiagnostic } from '../../server/src/lint/lint.ts';
import { registerFor, relatedFromDisk } from '../../server/src/workspace/node-files.ts';
import type { WorkspaceFiles } from '../../server/src/io/files.ts';
import { nodeFiles } from '../../server/src/io/node.ts';
import { RULE_IDS } from '../../server/src/rules/index.ts';

export const ROOT = path.resolve(__dirname, '..', '..');

export function config(json?: object): GranskaConfig {
  return json ? parseConfig(JSON.stringify(json), null, RULE_IDS).config : DEFAULT_CONFIG;
}

/** Lints a text in memory, the way rule and feature tests do. */
export function lint(text: string, options: { config?: GranskaConfig; locale?: 'sv' | 'en'; fileExists?: (p: string) => boolean } = {}): GranskaDiagnostic[] {
  return lintText(text, options);
}

/**
 * Lints a file with the configuration and folder the CLI would use, from disk or from
 * other `files` (the in-memory ones the browser build's tests use).
 */
export function lintFile(file: string, files: WorkspaceFiles = nodeFiles): GranskaDiagnostic[] {
  const dir = path.dirname(file);
  const loaded = loadConfigFor(dir, undefined, files);
  const related = relatedFromDisk(dir, (text, f) => lintParse(text, loadConfigFor(path.dirname(f), undefined, files).config), { files });
  const read = files.readText(file);
  if (!read.ok) throw new Error(read.error);
  return lintText(read.value, { config: loaded.config, fileExists: fileExistsFrom(dir, undefined, files), register: registerFor(dir, loaded, undefined, files), related });
}

export function codes(diagnostics: readonly GranskaDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function summary(diagnostics: readonly GranskaDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.code}:${severityName(d.severity)}`);
}

/** The text of every `*.rev.md` below some folders of the repository. */
export function readDocuments(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rev.md')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  for (const f of folders) walk(path.join(ROOT, f));
  return out;
}
