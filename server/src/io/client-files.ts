import { fromBase64 } from './base64.js';
import { decodeUtf8, readRegularVia, realpathVia, type FileRead, type FileStat, type RegularRead, type WorkspaceFiles } from './files.js';
import type { FsFindResult, FsReadResult, FsStatResult } from './fs-protocol.js';

/** How the files reach the server: the editor's answers to the `granska/fs/*` requests. */
export interface FileRequests {
  stat(uri: string): Promise<FsStatResult>;
  read(uri: string): Promise<FsReadResult>;
  find(roots: string[], suffix: string, limit: number): Promise<FsFindResult>;
}

type Known<T> = { value: T } | undefined;

/**
 * The workspace's files as the editor gives them, for a language server without a disk.
 * What has been asked is kept until the editor says the file changed (`forget`); a read of
 * something not yet known answers «missing» and asks the editor. `settle` runs a step again
 * once everything it asked for has arrived, so its result is that of the files as they are;
 * what arrives outside a step is announced through `onArrival`, so the server can check again.
 */
export class ClientFiles implements WorkspaceFiles {
  private readonly stats = new Map<string, FsStatResult>();
  private readonly contents = new Map<string, FileRead<Uint8Array>>();
  /** Bytes held in `contents`; the least recently read go when there are more than `budget`. */
  private held = 0;
  /** Steps under way: what they read stays until they are done, whatever the budget. */
  private settling = 0;
  private readonly inFlight = new Map<string, { done: Promise<void>; awaited: boolean }>();
  /** The fetches a running step started, when a step is running. */
  private started: Promise<void>[] | null = null;

  constructor(
    private readonly requests: FileRequests,
    private readonly toUri: (file: string) => string,
    private readonly toPath: (uri: string) => string | null,
    private readonly onArrival: () => void = () => undefined,
    private readonly budget = 64 * 2 ** 20,
  ) {}

  stat(file: string): FileStat | null {
    const known: Known<FsStatResult> = this.stats.has(file) ? { value: this.stats.get(file) ?? null } : undefined;
    if (known) return known.value;
    this.fetch(`stat:${file}`, async () => {
      this.stats.set(file, await this.requests.stat(this.toUri(file)).catch(() => null));
    });
    return null;
  }

  readBytes(file: string): FileRead<Uint8Array> {
    const known = this.contents.get(file);
    if (known) {
      // Most recently read last, so that eviction takes the oldest.
      this.contents.delete(file);
      this.contents.set(file, known);
      return known;
    }
    this.fetch(`read:${file}`, async () => {
      const answer = await this.requests.read(this.toUri(file)).catch((e: unknown) => ({ error: String(e), missing: false }));
      this.keep(file, 'data' in answer ? { ok: true, value: fromBase64(answer.data) } : { ok: false, missing: answer.missing, error: answer.error, ...(answer.missing ? { code: 'ENOENT' } : {}) });
    });
    return { ok: false, missing: true, error: `not yet read: ${file}` };
  }

  readText(file: string): FileRead<string> {
    const read = this.readBytes(file);
    return read.ok ? { ok: true, value: decodeUtf8(read.value) } : read;
  }

  async find(roots: readonly string[], suffix: string, limit: number): Promise<string[]> {
    const uris = await this.requests.find(roots.map((r) => this.toUri(r)), suffix, limit).catch(() => [] as string[]);
    return uris.map((u) => this.toPath(u)).filter((p): p is string => p !== null);
  }

  realpath(file: string): string | null {
    return realpathVia(this, file);
  }

  readRegular(file: string, limit: number): RegularRead {
    return readRegularVia(this, file, limit);
  }

  async settle<T>(step: () => T, beforeRetry?: () => void): Promise<T> {
    this.settling++;
    try {
      return await this.rounds(step, beforeRetry);
    } finally {
      this.settling--;
      this.trim();
    }
  }

  private async rounds<T>(step: () => T, beforeRetry?: () => void): Promise<T> {
    // A handful of rounds: configuration, then the files it names, then what those name.
    for (let round = 0; ; round++) {
      const outer = this.started;
      const started: Promise<void>[] = [];
      this.started = started;
      let result: T;
      try {
        result = step();
      } finally {
        this.started = outer;
      }
      if (started.length === 0 || round >= 8) return result;
      await Promise.all(started);
      beforeRetry?.();
    }
  }

  async prefetch(paths: readonly string[]): Promise<void> {
    await this.settle(() => {
      for (const file of paths) this.readBytes(file);
    });
  }

  /** Forgets what was read of a file (the editor said it changed, was created or deleted). */
  forget(file: string): void {
    this.stats.delete(file);
    this.drop(file);
  }

  forgetAll(): void {
    this.stats.clear();
    this.contents.clear();
    this.held = 0;
  }

  /**
   * Keeps a file's content, within the budget: a workspace of thousands of reports is read
   * once for the index, and its contents need not all stay in the worker's memory. A step
   * that needs an evicted file again asks for it again.
   */
  private keep(file: string, read: FileRead<Uint8Array>): void {
    this.drop(file);
    this.contents.set(file, read);
    this.held += read.ok ? read.value.length : 0;
    this.trim();
  }

  private trim(): void {
    if (this.settling > 0) return;
    for (const oldest of this.contents.keys()) {
      if (this.held <= this.budget) break;
      this.drop(oldest);
    }
  }

  private drop(file: string): void {
    const known = this.contents.get(file);
    if (!known) return;
    this.held -= known.ok ? known.value.length : 0;
    this.contents.delete(file);
  }

  private fetch(key: string, run: () => Promise<void>): void {
    let pending = this.inFlight.get(key);
    if (!pending) {
      const entry = { done: Promise.resolve(), awaited: true };
      entry.done = run().finally(() => {
        this.inFlight.delete(key);
        // Asked outside a step, nobody waits for this answer: the server is told, to check again.
        if (!entry.awaited) this.onArrival();
      });
      this.inFlight.set(key, (pending = entry));
    }
    if (this.started) this.started.push(pending.done);
    else pending.awaited = false;
  }
}
