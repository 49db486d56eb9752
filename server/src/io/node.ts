import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasSuffix, type FileRead, type FileStat, type RegularRead, type WorkspaceFiles } from './files.js';

/**
 * The workspace's files on disk, for the command line and the Node language server. A
 * symbolic link is followed (as `fs.stat` does); the checks that must not follow one
 * (pictures for an export) are made by `render/images.ts` with its own reader.
 */
export const nodeFiles: WorkspaceFiles = {
  stat(file: string): FileStat | null {
    try {
      // A missing file is the common answer (the configuration is looked for in every folder
      // up to the root, at every keystroke): without an exception it costs a fraction.
      const s = fs.statSync(file, { throwIfNoEntry: false });
      if (!s) return null;
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', mtimeMs: s.mtimeMs, size: s.size };
    } catch {
      return null;
    }
  },
  readText(file: string): FileRead<string> {
    try {
      return { ok: true, value: fs.readFileSync(file, 'utf8') };
    } catch (e) {
      return failure(e);
    }
  },
  readBytes(file: string): FileRead<Uint8Array> {
    try {
      return { ok: true, value: fs.readFileSync(file) };
    } catch (e) {
      return failure(e);
    }
  },
  async find(roots: readonly string[], suffix: string, limit: number): Promise<string[]> {
    const files: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 20 || files.length >= limit) return;
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full, depth + 1);
        else if (e.isFile() && hasSuffix(e.name, suffix) && files.length < limit) files.push(full);
      }
    };
    for (const root of roots) await walk(root, 0);
    return files;
  },
  realpath(file: string): string | null {
    try {
      return fs.realpathSync.native(file);
    } catch {
      return null;
    }
  },
  readRegular,
  settle<T>(step: () => T): T {
    return step();
  },
};

/**
 * The bytes of a regular file, at most `limit`, or why not. Opened without following a link
 * and without blocking, then checked with fstat, so what is read is what was checked.
 */
function readRegular(file: string, limit: number): RegularRead {
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);
  let fd: number;
  try {
    fd = fs.openSync(file, flags);
  } catch (e) {
    return { ok: false, reason: 'unreadable', code: String((e as NodeJS.ErrnoException).code ?? e) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-regular' };
    if (stat.size > limit) return { ok: false, reason: 'too-large' };
    // The size is checked again while reading: the file may grow after fstat.
    const chunks: Buffer[] = [];
    let read = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - read, 0) + 1, 1 << 20, limit + 1 - read));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      read += n;
      if (read > limit) return { ok: false, reason: 'too-large' };
      chunks.push(chunk.subarray(0, n));
    }
    return { ok: true, value: Buffer.concat(chunks, read) };
  } catch (e) {
    return { ok: false, reason: 'unreadable', code: String((e as NodeJS.ErrnoException).code ?? e) };
  } finally {
    fs.closeSync(fd);
  }
}

function failure(e: unknown): { ok: false; missing: boolean; error: string; code?: string } {
  const code = (e as NodeJS.ErrnoException).code;
  return { ok: false, missing: code === 'ENOENT', error: String(e), ...(code ? { code } : {}) };
}
