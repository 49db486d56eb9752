import { hasSuffix, readRegularVia, realpathVia, type FileRead, type FileStat, type RegularRead, type WorkspaceFiles } from './files.js';

/**
 * Files held in memory, by absolute `/`-separated path: what the tests run the core on
 * beside the disk, and the cache the browser's client-backed files fill. A folder exists
 * when a file lies under it.
 */
export class MemoryFiles implements WorkspaceFiles {
  private readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  private clock = 1;

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [file, content] of Object.entries(initial)) this.write(file, content);
  }

  write(file: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(normalize(file), { bytes, mtimeMs: this.clock++ });
  }

  delete(file: string): void {
    this.files.delete(normalize(file));
  }

  stat(file: string): FileStat | null {
    const key = normalize(file);
    const known = this.files.get(key);
    if (known) return { kind: 'file', mtimeMs: known.mtimeMs, size: known.bytes.length };
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const name of this.files.keys()) if (name.startsWith(prefix)) return { kind: 'directory', mtimeMs: 0, size: 0 };
    return null;
  }

  readBytes(file: string): FileRead<Uint8Array> {
    const known = this.files.get(normalize(file));
    if (known) return { ok: true, value: known.bytes };
    const isDir = this.stat(file)?.kind === 'directory';
    return { ok: false, missing: !isDir, error: isDir ? `EISDIR: ${file}` : `ENOENT: ${file}`, code: isDir ? 'EISDIR' : 'ENOENT' };
  }

  readText(file: string): FileRead<string> {
    const read = this.readBytes(file);
    return read.ok ? { ok: true, value: new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.value) } : read;
  }

  find(roots: readonly string[], suffix: string, limit: number): Promise<string[]> {
    const found: string[] = [];
    for (const root of roots) {
      const prefix = normalize(root).replace(/\/?$/, '/');
      for (const file of [...this.files.keys()].sort()) {
        if (found.length >= limit) break;
        if (!file.startsWith(prefix)) continue;
        const parts = file.slice(prefix.length).split('/');
        if (parts.slice(0, -1).some((p) => p.startsWith('.') || p === 'node_modules')) continue;
        const name = parts[parts.length - 1];
        if (!name.startsWith('.') && hasSuffix(name, suffix)) found.push(file);
      }
    }
    return Promise.resolve(found);
  }

  realpath(file: string): string | null {
    return realpathVia(this, file);
  }

  readRegular(file: string, limit: number): RegularRead {
    return readRegularVia(this, file, limit);
  }

  settle<T>(step: () => T): T {
    return step();
  }
}

/** One spelling of a path: `/` separators, no trailing separator, no `.` segments. */
function normalize(file: string): string {
  const parts: string[] = [];
  for (const p of file.replace(/\\/g, '/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}
