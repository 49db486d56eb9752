/**
 * The one interface through which the core reads the workspace's files. The Node hosts (the
 * command line and the Node language server) read the disk (`io/node.ts`); the browser's
 * language server has no disk and asks the editor (`io/client-files.ts`); tests also use an
 * in-memory set of files (`io/memory-files.ts`). Paths are absolute paths in the host's own
 * form (the disk's on Node, `/`-separated URI paths in the browser).
 *
 * Reads are synchronous because the core is: configuration lookup, the register and other
 * reports are read while a version is linted, and linting is one synchronous step. A host
 * whose files arrive later (the browser's) answers what it already has and runs the step
 * again once the rest has arrived (`settle`). Nothing here throws for a missing file.
 */

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  /** Modification time in milliseconds; what caches of parsed files are keyed by. */
  mtimeMs: number;
  size: number;
}

/**
 * A read's outcome: the content, or why there is none (`missing` when the file does not
 * exist; `code` the system's error code, such as `EISDIR`, where there is one).
 */
export type FileRead<T> = { ok: true; value: T } | { ok: false; missing: boolean; error: string; code?: string };

export interface WorkspaceFiles {
  /** What a path is, or null when nothing is there. */
  stat(file: string): FileStat | null;
  /** A file's text (UTF-8). */
  readText(file: string): FileRead<string>;
  /** A file's bytes. */
  readBytes(file: string): FileRead<Uint8Array>;
  /**
   * Every regular file under the folders whose name ends with `suffix` (ignoring case),
   * skipping names that start with a dot and `node_modules`, at most `limit` of them.
   */
  find(roots: readonly string[], suffix: string, limit: number): Promise<string[]>;
  /** The path with every symbolic link resolved, or null when nothing is there. */
  realpath(file: string): string | null;
  /**
   * At most `limit` bytes of a regular file, for a report's pictures: never through a link
   * at the last step, never blocking on a pipe, the size checked while reading.
   */
  readRegular(file: string, limit: number): RegularRead;
  /**
   * Runs a synchronous step that reads files. Hosts that read synchronously run it once; a
   * host that fetches files runs it, fetches what it asked for and did not have, and runs it
   * again until it asked for nothing new, so the result is that of the files as they are;
   * `beforeRetry` drops what the caller derived from the incomplete reads.
   */
  settle<T>(step: () => T, beforeRetry?: () => void): T | Promise<T>;
  /**
   * Starts reading many files at once and resolves when they are there (the browser's,
   * which come one request each); hosts that read synchronously have none.
   */
  prefetch?(files: readonly string[]): Promise<void>;
}

/** A regular file's bytes, or why not: `unreadable` carries the system's code. */
export type RegularRead = { ok: true; value: Uint8Array } | { ok: false; reason: 'unreadable'; code: string } | { ok: false; reason: 'not-regular' } | { ok: false; reason: 'too-large' };

/** Whether a path names an existing regular file. */
export function isFile(files: WorkspaceFiles, file: string): boolean {
  return files.stat(file)?.kind === 'file';
}

/** A file's text, or null when it cannot be read for any reason. */
export function textOrNull(files: WorkspaceFiles, file: string): string | null {
  const read = files.readText(file);
  return read.ok ? read.value : null;
}

/** Decodes UTF-8 as Node's `readFileSync(file, 'utf8')` does (invalid bytes become U+FFFD, a BOM is kept). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Whether a file name ends with a suffix, ignoring case (`Rapport.REV.md` is a report). */
export function hasSuffix(name: string, suffix: string): boolean {
  return name.toLowerCase().endsWith(suffix.toLowerCase());
}

/**
 * `readRegular` for files without links or pipes (memory, the editor's): a file of the
 * kind `file`, no larger than the limit.
 */
export function readRegularVia(files: Pick<WorkspaceFiles, 'stat' | 'readBytes'>, file: string, limit: number): RegularRead {
  const stat = files.stat(file);
  if (!stat) return { ok: false, reason: 'unreadable', code: 'ENOENT' };
  if (stat.kind !== 'file') return { ok: false, reason: 'not-regular' };
  if (stat.size > limit) return { ok: false, reason: 'too-large' };
  const read = files.readBytes(file);
  if (!read.ok) return { ok: false, reason: 'unreadable', code: read.missing ? 'ENOENT' : read.error };
  return read.value.length > limit ? { ok: false, reason: 'too-large' } : read;
}

/** `realpath` for files without links: the normalized path when something is there. */
export function realpathVia(files: Pick<WorkspaceFiles, 'stat'>, file: string): string | null {
  const parts: string[] = [];
  for (const p of file.replace(/\\/g, '/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  const normal = `/${parts.join('/')}`;
  return files.stat(normal) ? normal : null;
}
