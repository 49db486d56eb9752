import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { localize, type Locale } from '../i18n.js';
import { LineIndex } from '../model/text.js';
import { RULE_IDS } from '../rules/index.js';
import { DEFAULT_CONFIG, findConfigFile, parseConfig, type LoadedConfig } from './config.js';

/** The diagnostic code of problems in `.granskarc.json`. It is not a rule and cannot be switched off. */
export const CONFIG_CODE = 'konfiguration';

export function defaultLoadedConfig(): LoadedConfig {
  return { config: DEFAULT_CONFIG, file: null, text: '', problems: [] };
}

/** Reads the configuration file nearest to a folder from disk; defaults when there is none. */
export function loadConfigFor(dir: string, cache?: Map<string, LoadedConfig>): LoadedConfig {
  const file = findConfigFile(dir, (f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
  if (!file) return defaultLoadedConfig();
  const cached = cache?.get(file);
  if (cached) return cached;
  let loaded: LoadedConfig;
  try {
    loaded = parseConfig(fs.readFileSync(file, 'utf8'), file, RULE_IDS);
  } catch (e) {
    loaded = {
      ...defaultLoadedConfig(),
      file,
      problems: [{ message: { sv: `Konfigurationsfilen kan inte läsas: ${String(e)}`, en: `The configuration file cannot be read: ${String(e)}` }, span: { start: 0, end: 0 } }],
    };
  }
  cache?.set(file, loaded);
  return loaded;
}

/** Configuration problems as plain diagnostics positioned in the configuration file. */
export function configProblems(loaded: LoadedConfig, locale: Locale): { range: Range; message: string }[] {
  const lines = new LineIndex(loaded.text);
  return loaded.problems.map((p) => ({ range: lines.range(p.span.start, p.span.end), message: localize(p.message, locale) }));
}

/** A file-existence check relative to a document's folder. */
export function fileExistsFrom(dir: string): (relative: string) => boolean {
  return (relative) => {
    try {
      return fs.statSync(path.resolve(dir, relative)).isFile();
    } catch {
      return false;
    }
  };
}
