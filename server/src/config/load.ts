import * as path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isFile, type WorkspaceFiles } from '../io/files.js';
import { nodeFiles } from '../io/node.js';
import type { Range } from 'vscode-languageserver-types';
import { localize, type Locale } from '../i18n.js';
import { LineIndex } from '../model/text.js';
import { RULE_IDS } from '../rules/index.js';
import { isLocalRelativePath } from '../rules/missiv-rapport.js';
import { DEFAULT_CONFIG, findConfigFile, parseConfig, type LoadedConfig } from './config.js';

/** The diagnostic code of problems in `.granskarc.json`. It is not a rule and cannot be switched off. */
export const CONFIG_CODE = 'konfiguration';

export function defaultLoadedConfig(): LoadedConfig {
  return { config: DEFAULT_CONFIG, file: null, text: '', problems: [] };
}

/**
 * Reads the configuration file nearest to a folder (from disk unless other `files` are
 * given); defaults when there is none.
 */
export function loadConfigFor(dir: string, cache?: Map<string, LoadedConfig>, files: WorkspaceFiles = nodeFiles): LoadedConfig {
  const file = findConfigFile(dir, (f) => isFile(files, f));
  if (!file) return defaultLoadedConfig();
  const cached = cache?.get(file);
  if (cached) return cached;
  let loaded: LoadedConfig;
  const read = files.readText(file);
  if (read.ok) {
    loaded = withWordFile(parseConfig(read.value, file, RULE_IDS), files);
  } else {
    loaded = {
      ...defaultLoadedConfig(),
      file,
      problems: [{ message: { sv: `Konfigurationsfilen kan inte läsas: ${read.error}`, en: `The configuration file cannot be read: ${read.error}` }, span: { start: 0, end: 0 } }],
    };
  }
  // A file that went missing between the lookup and the read is not remembered as
  // unreadable; nor is one the browser's host has not fetched yet (it answers «missing» until
  // then): another step, sharing the cache, would take that for the configuration.
  if (read.ok || !read.missing) cache?.set(file, loaded);
  return loaded;
}

/** The words of a word file's text, one a line (blank lines and `#` comments skipped). */
export function wordsOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** The words of the word file `ord` names; throws when it cannot be read. */
export function readWordFile(file: string, files: WorkspaceFiles = nodeFiles): string[] {
  const read = files.readText(file);
  if (!read.ok) throw new Error(read.error);
  return wordsOf(read.value);
}

/** Adds the words of the configuration's word file; a file that cannot be read is a problem of the configuration. */
function withWordFile(loaded: LoadedConfig, files: WorkspaceFiles): LoadedConfig {
  const wordFile = loaded.config.wordFile;
  if (!wordFile) return loaded;
  const read = files.readText(wordFile);
  if (read.ok) {
    return { ...loaded, config: { ...loaded.config, words: [...loaded.config.words, ...wordsOf(read.value)] } };
  } else {
    const node = findNodeAtLocation(parseTree(loaded.text) ?? { type: 'null', offset: 0, length: 0 }, ['ord']);
    const code = read.missing ? 'finns inte' : `kan inte läsas (${read.error})`;
    const codeEn = read.missing ? 'does not exist' : `cannot be read (${read.error})`;
    return {
      ...loaded,
      problems: [...loaded.problems, {
        message: { sv: `Ordfilen ${wordFile} ${code}. Skapa den (ett ord per rad) eller ändra "ord".`, en: `The word file ${wordFile} ${codeEn}. Create it (one word a line) or change "ord".` },
        span: node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 },
      }],
    };
  }
}

/** Configuration problems as plain diagnostics positioned in the configuration file. */
export function configProblems(loaded: LoadedConfig, locale: Locale): { range: Range; message: string }[] {
  const lines = new LineIndex(loaded.text);
  return loaded.problems.map((p) => ({ range: lines.range(p.span.start, p.span.end), message: localize(p.message, locale) }));
}

/**
 * The workspace of a document on the command line: the nearest folder at or above it that
 * holds `.granskarc.json` or `.git`, else the document's own folder.
 */
export function workspaceRootFor(dir: string, files: WorkspaceFiles = nodeFiles): string {
  for (let d = path.resolve(dir); ; ) {
    if (files.stat(path.join(d, '.granskarc.json')) || files.stat(path.join(d, '.git'))) return d;
    const parent = path.dirname(d);
    if (parent === d) return path.resolve(dir);
    d = parent;
  }
}

/** Whether `file` (absolute) lies inside the folder `root` (absolute). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * A file-existence check relative to a document's folder that never looks outside the
 * workspace `root` (default: the workspace found from the folder): a path of another form
 * or leading out of it is answered «no» without touching the file system.
 */
export function fileExistsFrom(dir: string, root?: string, files: WorkspaceFiles = nodeFiles): (relative: string) => boolean {
  return (relative) => {
    if (!isLocalRelativePath(relative)) return false;
    const file = path.resolve(dir, relative);
    // Found only when asked: most documents name no other file.
    root ??= workspaceRootFor(dir, files);
    if (!isInside(root, file)) return false;
    return isFile(files, file);
  };
}
