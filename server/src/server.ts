import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ResponseError,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type TextDocumentPositionParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LoadedConfig } from './config/config.js';
import { CONFIG_CODE, configProblems, fileExistsFrom, loadConfigFor } from './config/load.js';
import { FIX_ALL_KIND, codeActions } from './features/code-actions.js';
import { codeLenses } from './features/code-lens.js';
import { completions } from './features/completion.js';
import { featureContext, type FeatureContext } from './features/context.js';
import { foldingRanges } from './features/folding.js';
import { hover } from './features/hover.js';
import { definition, prepareRename, references, rename, renameProblem } from './features/navigation.js';
import { controlObjectiveStatus } from './features/status.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { localeFrom, localize, type Locale } from './i18n.js';
import { lintDocument, parseOptions } from './lint/lint.js';
import { parseNextVersion } from './model/parse.js';
import { EXPORT_FORMATS } from './render/names.js';
import type { AuditDocument } from './model/types.js';
import { positionFromClient, shiftPositions, startsWithBom } from './bom-positions.js';
import { indexText, WorkspaceIndex } from './workspace/index.js';
import { renderer } from './renderer.js';

/**
 * The only module that knows LSP. It keeps documents in sync, decides when to validate,
 * and turns the core's plain results into notifications; all checking happens in the core.
 */

interface Settings {
  validate: 'onType' | 'onSave';
  debounceMs: number;
  /** `auto` follows the editor's language; auditors writing Swedish in an English editor pick `sv`. */
  locale: 'auto' | Locale;
}

const DEFAULT_SETTINGS: Settings = { validate: 'onType', debounceMs: 250, locale: 'auto' };

export function isAuditDocument(uri: string): boolean {
  return /\.rev\.md$/i.test(uri.split(/[?#]/)[0]);
}

function uriToPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  const configCache = new Map<string, LoadedConfig>();
  // The last model of each open document, with the version it was built for: the next
  // version re-parses only what changed, and features answer from the current one.
  const models = new Map<string, { version: number; model: AuditDocument }>();
  // Every audit document of the workspace, compactly; open documents are re-indexed lazily.
  const index = new WorkspaceIndex();
  let workspaceRoots: string[] = [];
  const publishedConfigs = new Set<string>();
  let editorLocale: Locale = 'sv';
  const localeOf = (s: Settings): Locale => (s.locale === 'auto' ? editorLocale : s.locale);
  let canPullSettings = false;
  // Settings per document: in a multi-root workspace each folder may set its own.
  const docSettings = new Map<string, Promise<Settings>>();

  connection.onInitialize((params: InitializeParams) => {
    editorLocale = localeFrom(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    canPullSettings = !!params.capabilities.workspace?.configuration;
    workspaceRoots = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []))
      .map(uriToPath)
      .filter((p): p is string => p !== null);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true } },
        completionProvider: { triggerCharacters: ['^', ':', ' ', '#', '['] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'granska' },
    };
  });

  connection.onInitialized(() => {
    if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'granska' }).catch(() => undefined);
    void indexWorkspace();
  });

  /** Reads every `*.rev.md` under the workspace folders into the index, without blocking requests. */
  async function indexWorkspace(): Promise<void> {
    const files: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 20 || files.length >= 5000) return;
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
        else if (e.isFile() && /\.rev\.md$/i.test(e.name)) files.push(full);
      }
    };
    for (const root of workspaceRoots) await walk(root, 0);
    for (const file of files) await indexFile(file);
  }

  async function indexFile(file: string): Promise<void> {
    const uri = pathToFileURL(file).href;
    if (documents.get(uri)) return;
    try {
      const text = await fs.promises.readFile(file, 'utf8');
      const { config } = loadConfigFor(path.dirname(file), configCache);
      index.set(indexText(uri, text, config.organs, config.style));
    } catch {
      index.delete(uri);
    }
  }

  /** Indexes an open document from its buffer when the index is next read, not at every keystroke. */
  function indexLater(uri: string): void {
    if (!isAuditDocument(uri)) return;
    index.setLazy(uri, () => {
      const doc = documents.get(uri);
      if (!doc) return null;
      const { config } = configFor(uri).loaded;
      return indexText(uri, doc.getText(), config.organs, config.style);
    });
  }

  function settingsFor(uri: string): Promise<Settings> {
    let pending = docSettings.get(uri);
    if (!pending) {
      pending = fetchSettings(uri);
      docSettings.set(uri, pending);
    }
    return pending;
  }

  async function fetchSettings(uri: string): Promise<Settings> {
    if (!canPullSettings) return DEFAULT_SETTINGS;
    try {
      const s = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'granska' })) as Partial<Settings> | null;
      return {
        validate: s?.validate === 'onSave' ? 'onSave' : 'onType',
        debounceMs: typeof s?.debounceMs === 'number' && s.debounceMs >= 0 ? s.debounceMs : DEFAULT_SETTINGS.debounceMs,
        locale: s?.locale === 'sv' || s?.locale === 'en' ? s.locale : 'auto',
      };
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  function configFor(uri: string): { loaded: LoadedConfig; dir: string | null } {
    const file = uriToPath(uri);
    if (!file) return { loaded: loadConfigFor(process.cwd(), configCache), dir: null };
    const dir = path.dirname(file);
    return { loaded: loadConfigFor(dir, configCache), dir };
  }

  // Configuration problems are sent once per load of the file, not at every keystroke.
  const sentConfigs = new WeakSet<LoadedConfig>();

  function publishConfigProblems(loaded: LoadedConfig, locale: Locale): void {
    if (!loaded.file || sentConfigs.has(loaded)) return;
    sentConfigs.add(loaded);
    const uri = pathToFileURL(loaded.file).href;
    const diagnostics = configProblems(loaded, locale).map((p) => ({ ...p, severity: DiagnosticSeverity.Error, code: CONFIG_CODE, source: 'granska' }));
    if (diagnostics.length === 0 && !publishedConfigs.has(uri)) return;
    publishedConfigs.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  function validate(doc: TextDocument, settings: Settings): void {
    if (!isAuditDocument(doc.uri)) return;
    const version = doc.version;
    const { loaded, dir } = configFor(doc.uri);
    const locale = localeOf(settings);
    publishConfigProblems(loaded, locale);
    const model = modelFor(doc, loaded);
    const found = lintDocument(model, { config: loaded.config, fileExists: dir ? existsOnDiskOrOpen(dir) : undefined, locale });
    const diagnostics = shiftPositions(found, doc.uri, startsWithBom(doc.getText()), 'toClient');
    // Checking is synchronous today, but a result must never be published for a version
    // the editor has already replaced, should any step become asynchronous.
    const current = documents.get(doc.uri);
    if (!current || current.version !== version) return;
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  /** The model of a document's current version, built from the previous one when it is outdated. */
  function modelFor(doc: TextDocument, loaded: LoadedConfig = configFor(doc.uri).loaded): AuditDocument {
    const known = models.get(doc.uri);
    if (known && known.version === doc.version) return known.model;
    const model = parseNextVersion(known?.model ?? null, doc.getText(), parseOptions(loaded.config));
    models.set(doc.uri, { version: doc.version, model });
    return model;
  }

  /** Everything a feature needs for one document, or null for files that are not audit documents. */
  async function contextFor(uri: string): Promise<{ ctx: FeatureContext; doc: TextDocument; dir: string | null; bom: boolean } | null> {
    const doc = documents.get(uri);
    if (!doc || !isAuditDocument(uri)) return null;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current) return null;
    const { loaded, dir } = configFor(uri);
    const model = modelFor(current, loaded);
    const today = new Date().toLocaleDateString('sv-SE');
    return { ctx: featureContext(model, { uri, config: loaded.config, locale: localeOf(settings), index, today }), doc: current, dir, bom: startsWithBom(current.getText()) };
  }

  // A buffer that starts with a BOM counts it on line 0; the model does not (see bom-positions.ts).
  type Context = { ctx: FeatureContext; bom: boolean };
  const offsetOf = (c: Context, p: TextDocumentPositionParams) => c.ctx.doc.lines.offsetAt(positionFromClient(p.position, c.bom));
  const toClient = <T>(c: Context, value: T): T => shiftPositions(value, c.ctx.uri, c.bom, 'toClient');

  /**
   * A report a missiv names exists when it is on disk or open in the editor: a report just
   * created and not yet saved is no broken link.
   */
  function existsOnDiskOrOpen(dir: string): (relative: string) => boolean {
    const onDisk = fileExistsFrom(dir);
    return (relative) => {
      if (onDisk(relative)) return true;
      const wanted = path.resolve(dir, relative);
      return documents.all().some((d) => uriToPath(d.uri) === wanted);
    };
  }

  function schedule(doc: TextDocument, delay: number): void {
    const pending = timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      void settingsFor(doc.uri).then((settings) => {
        const current = documents.get(doc.uri);
        if (current) validate(current, settings);
      });
    }, delay));
  }

  /** Documents whose findings depend on other files: those that name a `rapport`. */
  function namesAReport(uri: string): boolean {
    return models.get(uri)?.model.frontmatter?.fields.has('rapport') ?? false;
  }

  documents.onDidOpen((e) => {
    schedule(e.document, 0);
    indexLater(e.document.uri);
    // A newly opened report may be the one a missiv names.
    for (const d of documents.all()) if (d.uri !== e.document.uri && namesAReport(d.uri)) schedule(d, DEFAULT_SETTINGS.debounceMs);
  });
  documents.onDidChangeContent((e) => {
    const doc = e.document;
    indexLater(doc.uri);
    void settingsFor(doc.uri).then((settings) => {
      if (settings.validate === 'onType' && documents.get(doc.uri)) schedule(doc, settings.debounceMs);
    });
  });
  documents.onDidSave((e) => schedule(e.document, 0));
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    models.delete(e.document.uri);
    docSettings.delete(e.document.uri);
    // Closed, the document is indexed from disk again (it may have been closed unsaved).
    const file = uriToPath(e.document.uri);
    if (file && isAuditDocument(e.document.uri)) void indexFile(file);
    if (isAuditDocument(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    docSettings.clear();
    for (const d of documents.all()) schedule(d, 0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (isAuditDocument(change.uri) && !documents.get(change.uri)) {
        if (change.type === FileChangeType.Deleted) index.delete(change.uri);
        else void indexFile(file);
      }
      if (path.basename(file) === '.granskarc.json') {
        configChanged = true;
        if (change.type === FileChangeType.Deleted && publishedConfigs.has(change.uri)) {
          publishedConfigs.delete(change.uri);
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        }
      }
    }
    // A new configuration concerns every document; a report created or deleted only those
    // that name one.
    if (configChanged) configCache.clear();
    for (const d of documents.all()) if (configChanged || namesAReport(d.uri)) schedule(d, 0);
  });

  // The status bar's «3/4 kontrollmål kompletta»: answered from the last model of the document.
  connection.onRequest('granska/status', (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    if (!doc || !isAuditDocument(params.uri)) return null;
    return controlObjectiveStatus(modelFor(doc), configFor(params.uri).loaded.config);
  });

  // The preview and the exports render the current version's model; the answer names the
  // version, so the client never shows an older rendering over a newer one.
  connection.onRequest('granska/preview', (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    if (!doc || !isAuditDocument(params.uri)) return null;
    const { loaded } = configFor(params.uri);
    return { version: doc.version, ...renderer().previewOf(modelFor(doc, loaded), loaded.config) };
  });
  connection.onRequest('granska/export', async (params: { uri: string; format: string }) => {
    const doc = documents.get(params.uri);
    if (!doc || !isAuditDocument(params.uri)) return null;
    const format = EXPORT_FORMATS.find((f) => f === params.format);
    if (!format) throw new ResponseError(-32602, `unknown format: ${params.format}`);
    const { loaded, dir } = configFor(params.uri);
    return renderer().exportOf(modelFor(doc, loaded), format, loaded.config, dir);
  });

  // Editor features: each handler builds the context of the current version and asks its module.
  connection.onCompletion(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, completions(c.ctx, offsetOf(c, p))) : [];
  });
  connection.onHover(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, hover(c.ctx, offsetOf(c, p))) : null;
  });
  connection.onDefinition(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, definition(c.ctx, offsetOf(c, p))) : null;
  });
  connection.onReferences(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, references(c.ctx, offsetOf(c, p), p.context.includeDeclaration)) : [];
  });
  connection.onPrepareRename(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, prepareRename(c.ctx, offsetOf(c, p))) : null;
  });
  connection.onRenameRequest(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    if (!c) return null;
    const problem = renameProblem(c.ctx, offsetOf(c, p), p.newName);
    if (problem) throw new ResponseError(-32602, localize(problem, c.ctx.locale));
    const edit = rename(c.ctx, offsetOf(c, p), p.newName);
    return edit ? toClient(c, withVersion(edit, c.doc)) : null;
  });
  connection.onDocumentSymbol(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, documentSymbols(c.ctx)) : [];
  });
  connection.onWorkspaceSymbol((p) => workspaceSymbols(index, p.query));
  connection.onFoldingRanges(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, foldingRanges(c.ctx)) : [];
  });
  connection.onCodeLens(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, codeLenses(c.ctx)) : [];
  });
  connection.onCodeAction(async (p) => {
    const c = await contextFor(p.textDocument.uri);
    if (!c) return [];
    const range = shiftPositions(p.range, c.ctx.uri, c.bom, 'fromClient');
    const start = c.ctx.doc.lines.offsetAt(range.start);
    const end = c.ctx.doc.lines.offsetAt(range.end);
    const diagnostics = shiftPositions(p.context.diagnostics, c.ctx.uri, c.bom, 'fromClient');
    return toClient(c, codeActions(c.ctx, { start, end, version: c.doc.version, only: p.context.only, diagnostics }, {
      fileExists: c.dir ? existsOnDiskOrOpen(c.dir) : undefined,
    }));
  });

  /** Ties an edit of one document to the version it was computed for. */
  function withVersion(edit: WorkspaceEdit, doc: TextDocument): WorkspaceEdit {
    const edits = edit.changes?.[doc.uri] ?? [];
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  }

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
}

// Started as a program (`node dist/server.js --stdio`), not when imported by tests.
if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
