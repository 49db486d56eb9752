import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import type { OrganTable } from '../model/organs.js';
import type { AuditDocument } from '../model/types.js';
import type { RelatedDocuments } from './related.js';
import { parseRegister, REGISTER_FILE_NAME, type DecisionRegister } from './register.js';

/**
 * The Node side of the workspace's files, used only by the entry points (the command line
 * and the language server): rules and the model never touch the file system, they get
 * what these functions read.
 */

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The register that applies to a folder: the configuration's `beslutsregister`, relative
 * to the configuration file, or else the nearest `beslut.csv` up from the folder.
 */
export function registerFileFor(dir: string, loaded: LoadedConfig): string | null {
  if (loaded.config.registerPath && loaded.file) {
    const configured = path.resolve(path.dirname(loaded.file), loaded.config.registerPath);
    return isFile(configured) ? configured : null;
  }
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, REGISTER_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** Reads a register from disk; an unreadable file gives an unusable register with one problem. */
export function loadRegister(file: string, organs: OrganTable, cache?: Map<string, DecisionRegister>): DecisionRegister {
  const known = cache?.get(file);
  if (known) return known;
  let register: DecisionRegister;
  try {
    register = parseRegister(fs.readFileSync(file, 'utf8'), file, organs);
  } catch (e) {
    register = {
      file,
      text: '',
      entries: [],
      usable: false,
      delimiter: ';',
      problems: [{ message: { sv: `Beslutsregistret kan inte läsas: ${String(e)}`, en: `The decision register cannot be read: ${String(e)}` }, span: { start: 0, end: 0 } }],
    };
  }
  cache?.set(file, register);
  return register;
}

/** The register for a document's folder, or null when the workspace keeps none. */
export function registerFor(dir: string, loaded: LoadedConfig, cache?: Map<string, DecisionRegister>): DecisionRegister | null {
  const file = registerFileFor(dir, loaded);
  return file ? loadRegister(file, loaded.config.organs, cache) : null;
}

/**
 * Other audit documents from disk, relative to a document's folder, each parsed once per
 * modification time. Only `*.rev.md` files are read: a report is untrusted input, and its
 * `rapport` or `tidigare` must not make Granska open any other file. `open` gives the
 * model of a document open in an editor, which wins over the file on disk; `allowed`
 * limits reading to the workspace.
 */
export function relatedFromDisk(
  dir: string,
  parse: (text: string, file: string) => AuditDocument,
  options: { cache?: Map<string, { mtimeMs: number; doc: AuditDocument }>; open?: (file: string) => AuditDocument | null; allowed?: (file: string) => boolean } = {},
): RelatedDocuments {
  return (relative) => {
    const file = path.resolve(dir, relative);
    if (!/\.rev\.md$/i.test(file) || (options.allowed && !options.allowed(file))) return null;
    const open = options.open?.(file);
    if (open) return open;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return null;
      const known = options.cache?.get(file);
      if (known && known.mtimeMs === stat.mtimeMs) return known.doc;
      const doc = parse(fs.readFileSync(file, 'utf8'), file);
      options.cache?.set(file, { mtimeMs: stat.mtimeMs, doc });
      return doc;
    } catch {
      return null;
    }
  };
}
