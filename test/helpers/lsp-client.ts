import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from './lint.ts';

/**
 * Starts the bundled `dist/server.js --stdio` and speaks LSP to it, the way an editor does.
 * Tests wait on conditions (the diagnostics they expect), never on sleeps. The server may
 * legitimately publish a version again, unchanged but for spelling, when its dictionary
 * becomes ready (at a moment no test controls): after an edit or a file change, wait for
 * the expected content or version, not for the next notification.
 */
export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: (() => void)[] = [];
  readonly configurationRequests: unknown[] = [];
  /** The `granska` settings the client answers with; a function answers per document (multi-root). */
  settings: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>) = {};

  /** `server` is the script to start; the built `dist/server.js` unless a test runs a copy. */
  constructor(server = path.join(ROOT, 'dist', 'server.js')) {
    this.process = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(params);
      const settings = this.settings;
      return params.items.map((i) => (i.section !== 'granska' ? null : typeof settings === 'function' ? settings(i.scopeUri) : settings));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(locale = 'sv', rootUri: string | null = null, workspaceFolders: { uri: string; name: string }[] | null = null): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders,
      locale,
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** All diagnostics notifications received for a document, oldest first. */
  notifications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Resolves with the first published diagnostics for `uri` (after `since` notifications) that satisfy `accept`. */
  async diagnostics(uri: string, accept: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notifications(uri).slice(since).find((p) => accept(p.diagnostics, p));
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.notifications(uri).map((p) => p.diagnostics.map((d: Diagnostic) => d.code)))}`);
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
    await this.connection.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    this.connection.dispose();
  }
}
