import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { MemoryFiles } from '../../server/src/io/memory-files.ts';
import { ROOT } from './lint.ts';
import { LspClient } from './lsp-client.ts';
import { WebWorkerServer } from './web-worker.ts';

type Settings = Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>);

/**
 * One build of the language server as a test speaks to it, with a workspace of its own: the
 * Node build (`dist/server.js` over stdio, files on disk in a temporary folder) or the browser
 * build (`dist/web/server.js` in a worker realm, files held in memory and answered through
 * the `granska/fs/*` requests, as VS Code for the Web answers them). The LSP feature tests
 * run their bodies once for each, so the two file-access implementations are held to the
 * same behaviour. Paths are relative to the workspace, `/`-separated.
 */
export interface ServerUnderTest {
  /** `node` or `web`, for the few assertions where the builds differ by design. */
  readonly build: 'node' | 'web';
  readonly connection: MessageConnection;
  /** The `granska` settings the editor answers with; a function answers per document (multi-root). */
  settings: Settings;
  /** `folders`: workspace folders by relative path (none: the workspace itself for the web, no folder for Node as before). */
  initialize(locale?: string, folders?: { path: string; name: string }[]): Promise<unknown>;
  /** The document URI of a workspace file. */
  uri(file: string): string;
  /** Writes a file of the workspace, as another program (or the editor's file system) would. */
  write(file: string, text: string): void;
  mkdir(folder: string): void;
  /** Writes the file and opens it in the editor. */
  open(file: string, text: string, languageId?: string, version?: number): string;
  notifications(uri: string): PublishDiagnosticsParams[];
  diagnostics(uri: string, accept?: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean, since?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  shutdown(): Promise<void>;
}

class NodeServer implements ServerUnderTest {
  readonly build = 'node' as const;
  private readonly client = new LspClient();
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lsp-'));
  get connection(): MessageConnection {
    return this.client.connection;
  }
  get settings(): Settings {
    return this.client.settings;
  }
  set settings(s: Settings) {
    this.client.settings = s;
  }
  initialize(locale = 'sv', folders?: { path: string; name: string }[]): Promise<unknown> {
    const list = folders?.map((f) => ({ uri: this.folderUri(f.path), name: f.name })) ?? null;
    return this.client.initialize(locale, list?.[0]?.uri ?? null, list);
  }
  private folderUri(folder: string): string {
    return pathToFileURL(path.join(this.dir, folder)).href.replace(/\/$/, '');
  }
  uri(file: string): string {
    return pathToFileURL(path.join(this.dir, file)).href;
  }
  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), text);
  }
  mkdir(folder: string): void {
    fs.mkdirSync(path.join(this.dir, folder), { recursive: true });
  }
  open(file: string, text: string, languageId = 'markdown', version = 1): string {
    this.write(file, text);
    const uri = this.uri(file);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }
  notifications(uri: string): PublishDiagnosticsParams[] {
    return this.client.notifications(uri);
  }
  diagnostics(uri: string, accept?: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean, since?: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.client.diagnostics(uri, accept, since, timeoutMs);
  }
  async shutdown(): Promise<void> {
    try {
      await this.client.shutdown();
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** The browser build's workspace lies at `/ws` of the editor's (in-memory) file system. */
const WS = '/ws';

class WebServer implements ServerUnderTest {
  readonly build = 'web' as const;
  private readonly files = new MemoryFiles();
  private readonly server = new WebWorkerServer(this.files);
  get connection(): MessageConnection {
    return this.server.connection;
  }
  get settings(): Settings {
    return this.server.settings;
  }
  set settings(s: Settings) {
    this.server.settings = s;
  }
  initialize(locale = 'sv', folders?: { path: string; name: string }[]): Promise<unknown> {
    return this.server.initialize(WS, { locale, folders: folders?.map((f) => ({ path: f.path ? `${WS}/${f.path}` : WS, name: f.name })) });
  }
  uri(file: string): string {
    return this.server.uri(`${WS}/${file}`);
  }
  write(file: string, text: string): void {
    this.files.write(`${WS}/${file}`, text);
  }
  mkdir(): void {
    // A folder of the in-memory files exists as soon as a file lies under it.
  }
  open(file: string, text: string, languageId = 'markdown', version = 1): string {
    this.write(file, text);
    return this.server.open(`${WS}/${file}`, text, version, languageId);
  }
  notifications(uri: string): PublishDiagnosticsParams[] {
    return this.server.notifications(uri);
  }
  diagnostics(uri: string, accept?: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean, since?: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.server.diagnostics(uri, accept, since, timeoutMs);
  }
  shutdown(): Promise<void> {
    return this.server.shutdown();
  }
}

/** The builds the LSP feature tests run against; each is skipped when it has not been built. */
export const BUILDS: { name: string; build: 'node' | 'web'; built: () => boolean; start: () => ServerUnderTest }[] = [
  { name: 'dist/server.js over stdio, files on disk', build: 'node', built: () => fs.existsSync(path.join(ROOT, 'dist', 'server.js')), start: () => new NodeServer() },
  { name: 'dist/web/server.js in a worker realm, files from the editor', build: 'web', built: () => fs.existsSync(path.join(ROOT, 'dist', 'web', 'server.js')), start: () => new WebServer() },
];
