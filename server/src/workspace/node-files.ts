import * as path from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { isFile as isFileIn, type WorkspaceFiles } from '../io/files.js';
import { nodeFiles } from '../io/node.js';
import type { OrganTable } from '../model/organs.js';
import type { AuditDocument } from '../model/types.js';
import type { RelatedDocuments } from './related.js';
import { parseRegister, REGISTER_FILE_NAME, type DecisionRegister } from './register.js';

/**
 * The workspace's files as the entry points (the command line and the language servers)
 * give them to the core: rules and the model never touch files, they get what these
 * functions read through a `WorkspaceFiles` (the disk unless another is given).
 */

/**
 * The register that applies to a folder: the configuration's `beslutsregister`, relative
 * to the configuration file, or else the nearest `beslut.csv` up from the folder.
 */
export function registerFileFor(dir: string, loaded: LoadedConfig, files: WorkspaceFiles = nodeFiles): string | null {
  const isFile = (file: string) => isFileIn(files, file);
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
export function loadRegister(file: string, organs: OrganTable, cache?: Map<string, DecisionRegister>, files: WorkspaceFiles = nodeFiles): DecisionRegister {
  const known = cache?.get(file);
  if (known) return known;
  let register: DecisionRegister;
  const read = files.readText(file);
  if (read.ok) {
    register = parseRegister(read.value, file, organs);
  } else {
    const e = read.error;
    register = {
      file,
      text: '',
      entries: [],
      usable: false,
      delimiter: ';',
      problems: [{ message: { sv: `Beslutsregistret kan inte läsas: ${String(e)}`, en: `The decision register cannot be read: ${String(e)}` }, span: { start: 0, end: 0 } }],
    };
  }
  // Not remembered while missing: the browser's host answers «missing» until it has the file (see loadConfigFor).
  if (read.ok || !read.missing) cache?.set(file, register);
  return register;
}

/** The register for a document's folder, or null when the workspace keeps none. */
export function registerFor(dir: string, loaded: LoadedConfig, cache?: Map<string, DecisionRegister>, files: WorkspaceFiles = nodeFiles): DecisionRegister | null {
  const file = registerFileFor(dir, loaded, files);
  return file ? loadRegister(file, loaded.config.organs, cache, files) : null;
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
  options: { cache?: Map<string, { mtimeMs: number; doc: AuditDocument }>; open?: (file: string) => AuditDocument | null; allowed?: (file: string) => boolean; files?: WorkspaceFiles } = {},
): RelatedDocuments {
  const files = options.files ?? nodeFiles;
  return (relative) => {
    const file = path.resolve(dir, relative);
    if (!/\.rev\.md$/i.test(file) || (options.allowed && !options.allowed(file))) return null;
    const open = options.open?.(file);
    if (open) return open;
    const stat = files.stat(file);
    if (stat?.kind !== 'file') return null;
    const known = options.cache?.get(file);
    if (known && known.mtimeMs === stat.mtimeMs) return known.doc;
    const read = files.readText(file);
    if (!read.ok) return null;
    const doc = parse(read.value, file);
    options.cache?.set(file, { mtimeMs: stat.mtimeMs, doc });
    return doc;
  };
}
