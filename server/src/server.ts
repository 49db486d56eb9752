import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LoadedConfig } from './config/config.js';
import { CONFIG_CODE, configProblems, fileExistsFrom, loadConfigFor } from './config/load.js';
import { controlObjectiveStatus } from './features/status.js';
import { localeFrom, type Locale } from './i18n.js';
import { lintDocument } from './lint/lint.js';
import { parseNextVersion } from './model/parse.js';
import type { AuditDocument } from './model/types.js';

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
  // The last model of each open document: the next version re-parses only what changed.
  const models = new Map<string, AuditDocument>();
  const publishedConfigs = new Set<string>();
  let editorLocale: Locale = 'sv';
  const localeOf = (s: Settings): Locale => (s.locale === 'auto' ? editorLocale : s.locale);
  let canPullSettings = false;
  // Settings per document: in a multi-root workspace each folder may set its own.
  const docSettings = new Map<string, Promise<Settings>>();

  connection.onInitialize((params: InitializeParams) => {
    editorLocale = localeFrom(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    canPullSettings = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'granska' },
    };
  });

  connection.onInitialized(() => {
    if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'granska' }).catch(() => undefined);
  });

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
    const model = parseNextVersion(models.get(doc.uri) ?? null, doc.getText(), { organs: loaded.config.organs, style: loaded.config.style });
    models.set(doc.uri, model);
    const diagnostics = lintDocument(model, { config: loaded.config, fileExists: dir ? existsOnDiskOrOpen(dir) : undefined, locale });
    // Checking is synchronous today, but a result must never be published for a version
    // the editor has already replaced, should any step become asynchronous.
    const current = documents.get(doc.uri);
    if (!current || current.version !== version) return;
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

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
    return models.get(uri)?.frontmatter?.fields.has('rapport') ?? false;
  }

  documents.onDidOpen((e) => {
    schedule(e.document, 0);
    // A newly opened report may be the one a missiv names.
    for (const d of documents.all()) if (d.uri !== e.document.uri && namesAReport(d.uri)) schedule(d, DEFAULT_SETTINGS.debounceMs);
  });
  documents.onDidChangeContent((e) => {
    const doc = e.document;
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
    const model = models.get(params.uri);
    if (!model) return null;
    return controlObjectiveStatus(model, configFor(params.uri).loaded.config);
  });

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
