import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fromBase64, toBase64 } from '../../server/src/io/base64.ts';
import type { FsReadResult } from '../../server/src/io/fs-protocol.ts';
import { MemoryFiles } from '../../server/src/io/memory-files.ts';
import { ROOT } from './lint.ts';

/**
 * Runs the browser build of the server (`dist/web/server.js`) as a web worker would: in a
 * separate JavaScript realm whose only globals are a worker's (no `require`, `process`,
 * `Buffer` or file system), messages passed by structured clone. The test plays the editor:
 * it answers the server's `granska/fs/*` requests from files held in memory, and serves the
 * extension's dictionary files for `fetch`.
 */
export class WebWorkerServer {
  readonly connection: MessageConnection;
  readonly requests: { method: string; uri: string }[] = [];
  readonly written = new Map<string, string>();
  /** What the server logged (window/logMessage). */
  readonly log: string[] = [];
  /** The `granska` settings the editor answers with; a function answers per document (multi-root). */
  settings: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>) = {};
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: (() => void)[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  /** `files`: the workspace as the editor has it, by path under `vscode-test-web://mount`. */
  constructor(readonly files: MemoryFiles, readonly scheme = 'vscode-test-web', readonly authority = 'mount') {
    const toWorker: ((data: unknown) => void)[] = [];
    const toEditor: ((data: unknown) => void)[] = [];
    const workerSelf = {
      onmessage: null as null | ((e: { data: unknown }) => void),
      addEventListener: (type: string, listener: (e: { data: unknown }) => void) => {
        if (type === 'message') toWorker.push((data) => listener({ data }));
      },
      postMessage: (data: unknown) => {
        const copy = structuredClone(data);
        setImmediate(() => toEditor.forEach((f) => f(copy)));
      },
    };
    const editorPort = {
      onmessage: null as null | ((e: { data: unknown }) => void),
      addEventListener: (type: string, listener: (e: { data: unknown }) => void) => {
        if (type === 'message') toEditor.push((data) => listener({ data }));
      },
      postMessage: (data: unknown) => {
        const copy = structuredClone(data);
        setImmediate(() => {
          workerSelf.onmessage?.({ data: copy });
          toWorker.forEach((f) => f(copy));
        });
      },
    };
    toEditor.push((data) => editorPort.onmessage?.({ data }));
    const dictionaries = path.join(ROOT, 'dist', 'dictionaries');
    const fetchDictionary = async (url: string) => {
      const name = url.replace(/^https:\/\/extension\.test\/dist\/dictionaries\//, '');
      if (name === url || !/^[a-z]+\.(aff|dic)$/.test(name)) return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
      const bytes = fs.readFileSync(path.join(dictionaries, name));
      return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    };
    // The worker's global scope is `self`, a WorkerGlobalScope (Emscripten's loader checks).
    const scope: Record<string, unknown> = {
      ...workerSelf,
      console,
      setTimeout: (f: () => void, ms?: number) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          f();
        }, ms);
        this.timers.add(t);
        return t;
      },
      clearTimeout: (t: ReturnType<typeof setTimeout>) => {
        this.timers.delete(t);
        clearTimeout(t);
      },
      setInterval,
      clearInterval,
      queueMicrotask,
      structuredClone,
      TextEncoder,
      TextDecoder,
      URL,
      atob,
      btoa,
      crypto: globalThis.crypto,
      performance,
      fetch: fetchDictionary,
      WebAssembly,
      location: new URL('https://extension.test/dist/web/server.js'),
      // A classic worker has importScripts (Emscripten tells a worker by it); the server never calls it.
      importScripts: () => {
        throw new Error('importScripts is not expected');
      },
    };
    scope.self = scope;
    Object.defineProperty(workerSelf, 'onmessage', { get: () => scope.onmessage, set: (v) => (scope.onmessage = v) });
    const context = vm.createContext(scope);
    vm.runInContext('globalThis.WorkerGlobalScope = { [Symbol.hasInstance]: (x) => x === globalThis };', context);
    vm.runInContext(fs.readFileSync(path.join(ROOT, 'dist', 'web', 'server.js'), 'utf8'), context, { filename: 'dist/web/server.js' });

    this.connection = createMessageConnection(new PortReader(editorPort), new PortWriter(editorPort));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
      const settings = this.settings;
      return params.items.map((i) => (i.section !== undefined && i.section !== 'granska' ? null : typeof settings === 'function' ? settings(i.scopeUri) : settings));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.log.push(p.message);
    });
    this.connection.onRequest('granska/fs/stat', (p: { uri: string }) => {
      this.requests.push({ method: 'stat', uri: p.uri });
      return this.files.stat(this.pathOf(p.uri));
    });
    this.connection.onRequest<FsReadResult, void>('granska/fs/read', (p: { uri: string }): FsReadResult => {
      this.requests.push({ method: 'read', uri: p.uri });
      const read = this.files.readBytes(this.pathOf(p.uri));
      return read.ok ? { data: toBase64(read.value) } : { error: read.error, missing: read.missing };
    });
    this.connection.onRequest('granska/fs/find', async (p: { roots: string[]; suffix: string; limit: number }) => {
      this.requests.push({ method: 'find', uri: p.roots.join(',') });
      return (await this.files.find(p.roots.map((r) => this.pathOf(r)), p.suffix, p.limit)).map((f) => this.uri(f));
    });
    this.connection.onRequest('granska/fs/write', (p: { uri: string; text: string }) => {
      this.written.set(this.pathOf(p.uri), p.text);
      this.files.write(this.pathOf(p.uri), p.text);
    });
    this.connection.listen();
  }

  uri(file: string): string {
    return `${this.scheme}://${this.authority}${file.split('/').map(encodeURIComponent).join('/')}`;
  }

  private pathOf(uri: string): string {
    return decodeURIComponent(new URL(uri).pathname);
  }

  /**
   * `folder`: the workspace folder, unless `options.folders` names several (multi-root);
   * `options.locale`: the editor's display language, as VS Code for the Web sends it.
   */
  async initialize(folder = '/', options: { locale?: string; folders?: { path: string; name: string }[] } = {}): Promise<unknown> {
    const locale = options.locale ?? 'sv';
    const folders = options.folders ?? [{ path: folder, name: 'ws' }];
    const result = await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: folders.map((f) => ({ uri: this.uri(f.path), name: f.name })),
      locale,
      initializationOptions: { locale, dictionaries: 'https://extension.test/dist/dictionaries' },
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(file: string, text: string, version = 1, languageId = 'granska'): string {
    const uri = this.uri(file);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  notifications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** The first published diagnostics for `uri` (after `since` notifications) that `accept` takes. */
  async diagnostics(uri: string, accept: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs = 60_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notifications(uri).slice(since).find((p) => accept(p.diagnostics, p));
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.notifications(uri).map((p) => p.diagnostics.map((d) => d.code)))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
    for (const t of this.timers) clearTimeout(t);
  }
}

type Port = { onmessage: null | ((e: { data: unknown }) => void); postMessage(data: unknown): void };

/** The editor's end of the worker's message channel. */
class PortReader extends AbstractMessageReader {
  constructor(private readonly port: Port) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.port.onmessage = (e) => callback(e.data as Message);
    return { dispose: () => (this.port.onmessage = null) };
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly port: Port) {
    super();
  }

  write(message: Message): Promise<void> {
    this.port.postMessage(message);
    return Promise.resolve();
  }

  end(): void {}
}

export { fromBase64 };
