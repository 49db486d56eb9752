import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import type { OrganTable } from '../model/organs.js';
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
