import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasSuffix, type FileRead, type FileStat, type WorkspaceFiles } from './files.js';

/**
 * The workspace's files on disk, for the command line and the Node language server. A
 * symbolic link is followed (as `fs.stat` does); the checks that must not follow one
 * (pictures for an export) are made by `render/images.ts` with its own reader.
 */
export const nodeFiles: WorkspaceFiles = {
  stat(file: string): FileStat | null {
    try {
      const s = fs.statSync(file);
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
  settle<T>(step: () => T): T {
    return step();
  },
};

function failure(e: unknown): { ok: false; missing: boolean; error: string } {
  return { ok: false, missing: (e as NodeJS.ErrnoException).code === 'ENOENT', error: String(e) };
}
