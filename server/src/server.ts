import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ResponseError,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type TextDocumentPositionParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeLens, type CompletionItem, type DocumentSymbol, type FoldingRange, type Hover, type Location, type Position, type Range, type CodeAction } from 'vscode-languageserver-types';
import type { LoadedConfig } from './config/config.js';
import { CONFIG_CODE, configProblems, fileExistsFrom, isInside, loadConfigFor } from './config/load.js';
import { isLocalRelativePath } from './rules/missiv-rapport.js';
import { ADD_WORD_COMMAND, FIX_ALL_KIND, codeActions } from './features/code-actions.js';
import { codeLenses } from './features/code-lens.js';
import { completions } from './features/completion.js';
import { featureContext, type FeatureContext } from './features/context.js';
import { foldingRanges } from './features/folding.js';
import { hover } from './features/hover.js';
import { completionsAfterEdit, EditLog, hoverAfterEdit, proseEdit, type ProseEdit, type TextEdit } from './features/after-edit.js';
import { definition, prepareRename, references, rename, renameProblem } from './features/navigation.js';
import { newMissiv } from './features/new-missiv.js';
import { todayIso } from './model/dates.js';
import { controlObjectiveStatus, readability } from './features/status.js';
import { profileList, skeletonFor } from './features/new-report.js';
import { describeStats } from './spelling/prose.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { localeFrom, localize, msg, type Locale } from './i18n.js';
import type { BackgroundEvent, BackgroundFeature, FeatureJob } from './lint/background.js';
import type { BackgroundRename } from './lint/background-navigation.js';
import { lintDocument, lintStepwise, parseOptions, parseWithConfig } from './lint/lint.js';
import { later, ValidationQueue } from './lint/schedule.js';
import { nextTurn } from './next-turn.js';
import { parseNextVersion } from './model/parse.js';
import { EXPORT_FORMATS } from './render/names.js';
import type { AuditDocument } from './model/types.js';
import { positionFromClient, shiftPositions, startsWithBom } from './bom-positions.js';
import { indexFile, indexFiles, indexText, WorkspaceIndex, type FolderStyle } from './workspace/index.js';
import { forgetSpellingSettings, withSpellingSettings, type SpellingSettings } from './spelling/settings.js';
import { currentSpeller, onSpellerReady, type Speller } from './spelling/speller.js';
import { warmSpelling } from './spelling/check.js';
import { DEFAULT_CONFIG, type GranskaConfig } from './config/config.js';
import { registerFor, relatedFromDisk } from './workspace/node-files.js';
import { overviewOf, type YearDocument } from './workspace/overview.js';
import type { RelatedDocuments } from './workspace/related.js';
import { registerProblems } from './workspace/register-problems.js';
import { REGISTER_CODE, type DecisionRegister } from './workspace/register.js';
import type { ServerHost } from './server-host.js';
import { firstDiagnosticsPublished } from './code-cache.js';

/**
 * The only module that knows LSP (with its two entries, `node-server.ts` and
 * `web-server.ts`, which only make the connection and the host). It keeps documents in
 * sync, decides when to validate, and turns the core's plain results into notifications;
 * all checking happens in the core, and files are read through the host.
 */

interface Settings {
  validate: 'onType' | 'onSave';
  debounceMs: number;
  /** `auto` follows the editor's language; auditors writing Swedish in an English editor pick `sv`. */
  locale: 'auto' | Locale;
  /** `granska.stavning`: spelling on or off in this folder. */
  stavning: boolean;
  /** `granska.ordlista`: the word file used when `.granskarc.json` names none; relative to the workspace folder. */
  ordlista: string;
}

const DEFAULT_SETTINGS: Settings = { validate: 'onType', debounceMs: 250, locale: 'auto', stavning: true, ordlista: '' };

export function isAuditDocument(uri: string): boolean {
  return /\.rev\.md$/i.test(uri.split(/[?#]/)[0]);
}


export function startServer(connection: Connection, host: ServerHost): { filesArrived(): void } {
  const { files } = host;
  // Every request and every validation looks up a document's folder; parsing its URI (a
  // WHATWG URL) was a fifth of a completion's time in the server after its parse. The
  // answer for a URI never changes, so it is kept (for a bounded number of URIs).
  const paths = new Map<string, string | null>();
  const uriToPath = (uri: string): string | null => {
    let file = paths.get(uri);
    if (file === undefined) {
      if (paths.size >= 1000) paths.clear();
      file = host.uriToPath(uri);
      paths.set(uri, file);
    }
    return file;
  };
  // The host's paths become URIs the way the Node server always made them, under the same name.
  const pathToFileURL = (file: string) => ({ href: host.pathToUri(file) });
  // Each document's last changes, so that a request right after keystrokes can be answered
  // from the model of the version before them (see `features/after-edit.ts`).
  const edits = new EditLog();
  const documents = new TextDocuments({
    create: TextDocument.create,
    update(doc, changes, version) {
      edits.note(doc.uri, doc.version, version, changeOf(doc, changes));
      return TextDocument.update(doc, changes, version);
    },
  });
  /** What cancels each document's pending check. */
  const timers = new Map<string, () => void>();
  const configCache = new Map<string, LoadedConfig>();
  // The last model of each open document, with the version it was built for: the next
  // version re-parses only what changed, and features answer from the current one.
  // The configuration it was parsed with is kept to tell whether it still applies.
  const models = new Map<string, { version: number; model: AuditDocument; config: LoadedConfig['config'] }>();
  // The version whose diagnostics were last published for each open document.
  const validatedVersions = new Map<string, number>();
  // Large documents are linted by workers (this bundle, started as a worker).
  const background = host.background;
  // Validation of the other documents, in slices between messages.
  const validation = new ValidationQueue(undefined, undefined, () => host.requestRead?.() ?? false);
  // With tracing on (GRANSKA_TRACE_BACKGROUND=1), the server tells the client what its workers
  // do, and when the request thread itself parses a document the size of those it gives workers.
  const trace = background?.traced ? (e: BackgroundEvent) => void connection.sendNotification('granska/background', e) : undefined;
  if (trace) background?.onEvent(trace);
  const backgroundNames = new Map<string, boolean>();
  // The version of each large document last handed to its worker.
  const backgroundVersions = new Map<string, number>();
  // Every audit document of the workspace, compactly; open documents are re-indexed lazily.
  const index = new WorkspaceIndex();
  let workspaceRoots: string[] = [];
  const publishedConfigs = new Set<string>();
  // The beslutsregister of each folder, read once and dropped when a CSV or configuration changes.
  const registers = new Map<string, DecisionRegister>();
  const sentRegisters = new WeakSet<DecisionRegister>();
  // Reports that other documents name (a missiv's report, an uppföljning's earlier ones), from disk.
  const relatedCache = new Map<string, { mtimeMs: number; doc: AuditDocument }>();
  let editorLocale: Locale = 'sv';
  const localeOf = (s: Settings): Locale => (s.locale === 'auto' ? editorLocale : s.locale);
  let canPullSettings = false;
  // Settings per document: in a multi-root workspace each folder may set its own.
  const docSettings = new Map<string, Promise<Settings>>();

  connection.onInitialize((params: InitializeParams) => {
    host.initialize?.(params.initializationOptions);
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
        executeCommandProvider: { commands: [ADD_WORD_COMMAND] },
      },
      serverInfo: { name: 'granska' },
    };
  });

  connection.onInitialized(() => {
    if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'granska' }).catch(() => undefined);
    void indexWorkspace();
  });

  /** Reads every `*.rev.md` under the workspace folders into the index, a few milliseconds at a time between requests. */
  async function indexWorkspace(): Promise<void> {
    const found = await files.find(workspaceRoots, '.rev.md', 5000);
    await indexFiles(index, files, found, { uriOf: (file) => pathToFileURL(file).href, styleOf: folderStyle, skip: (uri) => !!documents.get(uri), forget: forgetFileCaches });
    // The «Granskningar» view asks again once every document is known.
    void connection.sendNotification('granska/workspaceChanged');
  }

  const folderStyle: FolderStyle = (dir) => {
    const { config } = loadConfigFor(dir, configCache, files);
    return { organs: config.organs, style: config.style };
  };

  function indexFromDisk(file: string): void {
    const uri = pathToFileURL(file).href;
    if (documents.get(uri)) return;
    void indexFile(index, files, uri, file, folderStyle, forgetFileCaches, () => !documents.get(uri));
  }

  /** Indexes an open document from its buffer when the index is next read, not at every keystroke. */
  function indexLater(uri: string): void {
    if (!isAuditDocument(uri)) return;
    // A large document is indexed by its worker; until then the index keeps its last entry
    // (a pending lazy entry from when it was smaller must not index it here).
    if (largeDocument(uri)) {
      index.setLazy(uri, () => null);
      return;
    }
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
        stavning: s?.stavning !== false,
        ordlista: typeof s?.ordlista === 'string' ? s.ordlista.trim() : '',
      };
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  function configFor(uri: string): { loaded: LoadedConfig; dir: string | null } {
    const file = uriToPath(uri);
    if (!file) return { loaded: loadConfigFor(host.cwd(), configCache, files), dir: null };
    const dir = path.dirname(file);
    return { loaded: loadConfigFor(dir, configCache, files), dir };
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

  /**
   * Other audit documents as a document names them: an open editor's current version
   * first (unsaved edits count), else the file, only inside the workspace folders.
   */
  function relatedOf(dir: string): RelatedDocuments {
    const inWorkspace = (file: string) => workspaceRoots.length === 0 || workspaceRoots.some((r) => !path.relative(r, file).startsWith('..') && !path.isAbsolute(path.relative(r, file)));
    return relatedFromDisk(dir, (text, file) => {
      const c = loadConfigFor(path.dirname(file), configCache, files).config;
      return parseWithConfig(text, c);
    }, {
      files,
      cache: relatedCache,
      allowed: inWorkspace,
      open: (file) => {
        const open = documents.all().find((d) => uriToPath(d.uri) === file);
        return open ? modelFor(open) : null;
      },
    });
  }

  function registerOf(uri: string, known: { loaded: LoadedConfig; dir: string | null } = configFor(uri)): DecisionRegister | null {
    return known.dir ? registerFor(known.dir, known.loaded, registers, files) : null;
  }

  /** The register's problems go to the register file, once per load, like the configuration's. */
  function publishRegisterProblems(register: DecisionRegister | null, locale: Locale): void {
    if (!register?.file || sentRegisters.has(register)) return;
    sentRegisters.add(register);
    const uri = pathToFileURL(register.file).href;
    const diagnostics = registerProblems(register, locale).map((p) => ({ ...p, severity: DiagnosticSeverity.Error, code: REGISTER_CODE, source: 'granska' }));
    if (diagnostics.length === 0 && !publishedConfigs.has(uri)) return;
    publishedConfigs.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /**
   * Runs a step that reads files through the host, then `then` with its result: at once on
   * the disk, or once every file the step asked for has come from the editor.
   */
  function whenSettled<T>(step: () => T, then: (result: T) => void): void {
    const result = files.settle(step, forgetFileCaches);
    if (result instanceof Promise) {
      result.then(then, (e: unknown) => connection.console.error(`Granska: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
    } else then(result);
  }

  /** A request's answer once the files it reads are there: at once on the disk. */
  function settled<T>(step: () => T): T | Promise<T> {
    return files.settle(step, forgetFileCaches);
  }

  /** Drops what was derived from files read before the rest arrived (the browser host's files). */
  function forgetFileCaches(): void {
    for (const c of [...configCache.values()].map((x) => x.config).concat(DEFAULT_CONFIG)) forgetSpellingSettings(c);
    configCache.clear();
    registers.clear();
    relatedCache.clear();
    // A model parsed before its configuration arrived was parsed with the defaults.
    models.clear();
  }

  function validate(doc: TextDocument, settings: Settings): void {
    if (!isAuditDocument(doc.uri)) return;
    const version = doc.version;
    const locale = localeOf(settings);
    // A large document is linted by a worker, so that other documents' requests are answered meanwhile.
    if (background && isLarge(doc)) {
      const { loaded, dir } = configFor(doc.uri);
      publishConfigProblems(loaded, locale);
      const openFiles = documents.all().map((d) => uriToPath(d.uri)).filter((p): p is string => p !== null);
      backgroundVersions.set(doc.uri, version);
      // Handing the text over copies it, which holds this thread for a while (15 ms at 10 MB):
      // requests that came with the text (a hover in another report) are answered first.
      setTimeout(() => {
        if (!background || documents.get(doc.uri)?.version !== version) return;
        void background.lint(doc.uri, { version, text: doc.getText(), dir, root: dir ? rootOf(dir) : null, openFiles, locale, uri: doc.uri }).then((r) => {
          const current = documents.get(doc.uri);
          if (!r || !current || current.version !== r.version) return;
          if (r.index) index.set(r.index);
          backgroundNames.set(doc.uri, r.namesAReport);
          void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: r.diagnostics });
        });
      }, background.handoffDelayMs);
      return;
    }
    background?.stop(doc.uri);
    backgroundVersions.delete(doc.uri);
    const publish = (loaded: LoadedConfig, config: GranskaConfig, register: DecisionRegister | null, found: ReturnType<typeof lintDocument>) => {
      publishConfigProblems(loaded, locale);
      publishRegisterProblems(register, locale);
      const diagnostics = shiftPositions(found, doc.uri, startsWithBom(doc.getText()), 'toClient');
      // A result is never published for a version the editor has already replaced.
      const current = documents.get(doc.uri);
      if (!current || current.version !== version) return;
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
      validatedVersions.set(doc.uri, version);
      firstDiagnosticsPublished();
      // The dictionary loads after the first diagnostics are out, never before them; once it
      // is ready every open document is checked again, now with spelling.
      if (!currentSpeller() && (config.rules['stavning'] ?? 'info') !== 'off') startSpeller();
    };
    // What the check reads besides the text: the configuration, the register and the
    // documents beside it (files read through the host).
    const inputs = () => {
      const found = configFor(doc.uri);
      const { loaded, dir } = found;
      const config = effectiveConfig(doc.uri, loaded.config, settings);
      const register = registerOf(doc.uri, found);
      return { loaded, register, env: { config, fileExists: dir ? existsOnDiskOrOpen(dir) : undefined, register, related: dir ? relatedOf(dir) : undefined, locale } };
    };
    if (files.prefetch) {
      // The browser's files arrive a request at a time, after the step that asked for them:
      // the whole check runs again until it read nothing new (files.settle), so it is not
      // sliced; its result is published only if its version is still current.
      whenSettled(() => {
        const { loaded, register, env } = inputs();
        return { loaded, register, config: env.config, found: lintDocument(modelFor(doc, loaded), env) };
      }, ({ loaded, config, register, found }) => publish(loaded, config, register, found));
      return;
    }
    const { loaded, register, env } = inputs();
    // The model and the rules run in slices between other messages (see lint/schedule.ts):
    // requests are answered meanwhile, and a newer version cancels this one between slices.
    validation.start(doc.uri, {
      isCurrent: () => documents.get(doc.uri)?.version === version,
      *steps() {
        const model = modelFor(doc, loaded);
        yield;
        return yield* lintStepwise(model, env);
      },
      done: (found) => publish(loaded, env.config, register, found),
      failed: (e) => connection.console.error(`Granska: checking ${doc.uri} failed: ${String(e)}`),
    });
  }

  let spellerRequested = false;
  function startSpeller(): void {
    if (spellerRequested) return;
    spellerRequested = true;
    nextTurn(() => {
      host.loadSpeller().catch((e: unknown) => {
        connection.console.error(`Granska: the Swedish dictionary could not be loaded: ${String(e)}`);
      });
    });
  }
  onSpellerReady((speller) => {
    // A large document's worker checks no spelling, and warming it would parse it here.
    for (const d of documents.all()) if (isAuditDocument(d.uri) && !largeDocument(d.uri)) warmThenValidate(d.uri, speller);
  });

  /**
   * Spells a document's blocks in slices of 15 ms between other messages, then checks it
   * again: a long report's first spelling never holds up the editor for its whole length.
   */
  function warmThenValidate(uri: string, speller: Speller): void {
    const doc = documents.get(uri);
    if (!doc) return;
    // Republished with spelling only when the published diagnostics are the current
    // version's: a newer version is checked when its own time comes (after the debounce,
    // or on save for a folder that checks only on save), never early because of the dictionary.
    if (warmSpelling(modelFor(doc), speller, 15)) {
      if (validatedVersions.get(uri) === doc.version) schedule(doc, 0, true);
    } else nextTurn(() => warmThenValidate(uri, speller));
  }

  /** The workspace folder a document lies in, or its own folder. */
  function folderOf(uri: string, dir: string | null): string {
    const file = uriToPath(uri);
    const root = file ? workspaceRoots.filter((r) => file.startsWith(r + path.sep)).sort((a, b) => b.length - a.length)[0] : undefined;
    return root ?? dir ?? workspaceRoots[0] ?? host.cwd();
  }

  function spellingSettings(uri: string, settings: Settings): SpellingSettings {
    const file = uriToPath(uri);
    const folder = folderOf(uri, file ? path.dirname(file) : null);
    return { enabled: settings.stavning, wordFile: settings.ordlista ? path.resolve(folder, settings.ordlista) : null };
  }

  /** The project's configuration with the folder's editor settings (spelling on or off, the word file) applied. */
  function effectiveConfig(uri: string, config: GranskaConfig, settings: Settings): GranskaConfig {
    return withSpellingSettings(config, spellingSettings(uri, settings), files);
  }

  // «Add to the word list»: the server writes the word file (atomically), reads the
  // configuration again and checks every open document with the new word.
  connection.onExecuteCommand(async (p) => {
    if (p.command !== ADD_WORD_COMMAND) return null;
    const [uri, word] = (p.arguments ?? []) as [unknown, unknown];
    if (typeof uri !== 'string' || typeof word !== 'string' || word.trim() === '' || /\s/.test(word.trim())) return null;
    const settings = await settingsFor(uri);
    const { loaded, dir } = configFor(uri);
    try {
      const written = await host.addWord(word.trim(), loaded, spellingSettings(uri, settings), folderOf(uri, dir));
      forgetSpellingSettings(loaded.config);
      configCache.clear();
      for (const d of documents.all()) schedule(d, 0);
      return { written };
    } catch (e) {
      throw new ResponseError(-32603, localize(msg(`Ordlistan kunde inte skrivas: ${String(e)}`, `The word list could not be written: ${String(e)}`), localeOf(settings)));
    }
  });

  /** The model of a document's current version, built from the previous one when it is outdated. */
  function modelFor(doc: TextDocument, loaded: LoadedConfig = configFor(doc.uri).loaded): AuditDocument {
    const known = models.get(doc.uri);
    if (known && known.version === doc.version) return known.model;
    const model = parseNextVersion(known?.model ?? null, doc.getText(), parseOptions(loaded.config));
    if (trace && background && model.text.length > background.threshold) trace({ uri: doc.uri, version: doc.version, event: 'parsed on request thread' });
    models.set(doc.uri, { version: doc.version, model, config: loaded.config });
    return model;
  }

  /** Whether a document is large enough for a worker: linted, answered and exported off the request thread. */
  function isLarge(doc: TextDocument): boolean {
    return background !== null && doc.getText().length > background.threshold;
  }

  /** An open audit document large enough to be linted by a worker, or null. */
  function largeDocument(uri: string): TextDocument | null {
    const doc = documents.get(uri);
    return doc && isAuditDocument(uri) && isLarge(doc) ? doc : null;
  }

  /**
   * A feature of a large document, answered by its worker from the model it keeps, so that
   * the request thread never parses the document; the request waits for this version's lint,
   * started now if the debounce still holds it. Undefined when a newer version came first.
   */
  async function fromWorker(doc: TextDocument, feature: BackgroundFeature, position?: { line: number; character: number }, extra: Pick<FeatureJob, 'includeDeclaration' | 'newName' | 'endOffset' | 'only' | 'diagnostics'> = {}): Promise<unknown> {
    const settings = await settingsFor(doc.uri);
    const bom = startsWithBom(doc.getText());
    const offset = position ? Math.max(0, doc.offsetAt(position) - (bom ? 1 : 0)) : 0;
    if (backgroundVersions.get(doc.uri) !== doc.version) schedule(doc, 0);
    if (!background) return undefined;
    const result = await background.request(doc.uri, { version: doc.version, feature, offset, dir: configFor(doc.uri).dir, locale: localeOf(settings), ...extra });
    return result === undefined ? undefined : shiftPositions(result, doc.uri, bom, 'toClient');
  }

  /**
   * A document's change in offsets of the text it applies to, when it is one range replaced
   * in a buffer without a BOM; null for anything else.
   */
  function changeOf(doc: TextDocument, changes: readonly { range?: Range; text: string }[]): TextEdit | null {
    const change = changes.length === 1 ? changes[0] : undefined;
    if (!change?.range || startsWithBom(doc.getText())) return null;
    // As `TextDocument.update` applies it: a range given end first is read start first.
    const a = doc.offsetAt(change.range.start);
    const b = doc.offsetAt(change.range.end);
    return { start: Math.min(a, b), end: Math.max(a, b), text: change.text };
  }

  /**
   * The model of the version before a document's current one, with the change since, when
   * that change is a keystroke in running text that requests can be answered across without
   * parsing the new version (`features/after-edit.ts`); null otherwise.
   */
  function modelBeforeEdit(doc: TextDocument, loaded: LoadedConfig): { model: AuditDocument; prose: ProseEdit } | null {
    const known = models.get(doc.uri);
    if (!known || known.config !== loaded.config) return null;
    const edit = edits.since(doc.uri, known.model.text, known.version, doc.version);
    const prose = edit ? proseEdit(known.model, edit) : null;
    return prose ? { model: known.model, prose } : null;
  }

  /**
   * Everything a feature needs for one document, or null for files that are not audit documents.
   * With `beforeParse`, the context may hold the previous version's model and the keystroke
   * since (`prose`), for a request that can be answered without parsing; `current` then gives
   * the context of the current version.
   */
  async function contextFor(uri: string, beforeParse = false): Promise<{ ctx: FeatureContext; doc: TextDocument; dir: string | null; bom: boolean; prose?: ProseEdit; current?: () => FeatureContext } | null> {
    const doc = documents.get(uri);
    if (!doc || !isAuditDocument(uri)) return null;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current) return null;
    const { loaded, dir, config, register } = await files.settle(() => {
      const found = configFor(uri);
      return { loaded: found.loaded, dir: found.dir, config: effectiveConfig(uri, found.loaded.config, settings), register: registerOf(uri, found) };
    }, forgetFileCaches);
    if (documents.get(uri) !== current) return contextFor(uri, beforeParse);
    // The local date as `toLocaleDateString('sv-SE')` gives it, without setting up ICU (see todayIso).
    const today = todayIso();
    const init = { uri, config, locale: localeOf(settings), index, today, register, related: dir ? relatedOf(dir) : undefined };
    // Read in the same turn as the answer: the next validation consumes the previous model.
    const before = beforeParse ? modelBeforeEdit(current, loaded) : null;
    // The keystroke starts after the first character, so the buffer has no BOM, as before it.
    if (before) return { ctx: featureContext(before.model, init), doc: current, dir, bom: false, prose: before.prose, current: () => featureContext(modelFor(current, loaded), init) };
    return { ctx: featureContext(modelFor(current, loaded), init), doc: current, dir, bom: startsWithBom(current.getText()) };
  }

  // A buffer that starts with a BOM counts it on line 0; the model does not (see bom-positions.ts).
  type Context = { ctx: FeatureContext; bom: boolean };
  const offsetOf = (c: Context, p: TextDocumentPositionParams) => c.ctx.doc.lines.offsetAt(positionFromClient(p.position, c.bom));
  const toClient = <T>(c: Context, value: T): T => shiftPositions(value, c.ctx.uri, c.bom, 'toClient');

  /**
   * Completion or hover: right after a keystroke from the previous version's model when
   * `fast` can answer there (`features/after-edit.ts`), otherwise `full` on the current
   * version's; null for a file that is no audit document.
   */
  async function answerAfterEdit<T>(
    p: TextDocumentPositionParams,
    fast: (ctx: FeatureContext, prose: ProseEdit, position: Position) => T | undefined,
    full: (ctx: FeatureContext, offset: number) => T,
  ): Promise<T | null> {
    const c = await contextFor(p.textDocument.uri, true);
    if (!c) return null;
    if (c.prose && c.current) {
      const answer = fast(c.ctx, c.prose, positionFromClient(p.position, c.bom));
      if (answer !== undefined) return toClient(c, answer);
      c.ctx = c.current();
    }
    return toClient(c, full(c.ctx, offsetOf(c, p)));
  }

  /**
   * A report a missiv names exists when it is on disk or open in the editor: a report just
   * created and not yet saved is no broken link.
   */
  /** The workspace folder of a document's folder, or the folder itself outside every workspace folder. */
  function rootOf(dir: string): string {
    return workspaceRoots.find((r) => isInside(r, dir)) ?? dir;
  }

  function existsOnDiskOrOpen(dir: string): (relative: string) => boolean {
    // Only inside the document's workspace folder (or its own folder outside any).
    const root = rootOf(dir);
    const onDisk = fileExistsFrom(dir, root, files);
    return (relative) => {
      if (onDisk(relative)) return true;
      const wanted = path.resolve(dir, relative);
      return isLocalRelativePath(relative) && isInside(root, wanted) && documents.all().some((d) => uriToPath(d.uri) === wanted);
    };
  }

  /**
   * Checks a document after `delay`. A `recheck` (the dictionary or files arrived, nothing the
   * user did) checks only what was checked before: in a folder that checks on save, a version
   * edited since its last check waits for its save, even when the edit came while this waited.
   */
  const userChecks = new Set<string>();
  function schedule(doc: TextDocument, delay: number, recheck = false): void {
    timers.get(doc.uri)?.();
    // A recheck never replaces a check the user asked for (an edit, a save) that still waits.
    if (!recheck) userChecks.add(doc.uri);
    timers.set(doc.uri, later(() => {
      timers.delete(doc.uri);
      const asked = userChecks.delete(doc.uri);
      void settingsFor(doc.uri).then((settings) => {
        const current = documents.get(doc.uri);
        if (!current) return;
        if (!asked && settings.validate === 'onSave' && validatedVersions.get(doc.uri) !== current.version) return;
        validate(current, settings);
      });
    }, delay));
  }

  /** Documents whose findings depend on other files: those that name a `rapport` or `tidigare` reports. */
  function namesAReport(uri: string): boolean {
    const fields = models.get(uri)?.model.frontmatter?.fields;
    return fields ? fields.has('rapport') || fields.has('tidigare') : backgroundNames.get(uri) ?? false;
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
    // An edited report may be the one an open missiv or uppföljning names: check those again,
    // from the edited buffer, without waiting for a save.
    if (isAuditDocument(doc.uri)) for (const d of documents.all()) if (d.uri !== doc.uri && namesAReport(d.uri)) schedule(d, DEFAULT_SETTINGS.debounceMs);
  });
  documents.onDidSave((e) => schedule(e.document, 0));
  documents.onDidClose((e) => {
    timers.get(e.document.uri)?.();
    timers.delete(e.document.uri);
    models.delete(e.document.uri);
    edits.forget(e.document.uri);
    validation.cancel(e.document.uri);
    validatedVersions.delete(e.document.uri);
    background?.stop(e.document.uri);
    backgroundNames.delete(e.document.uri);
    backgroundVersions.delete(e.document.uri);
    docSettings.delete(e.document.uri);
    // Closed, the document is indexed from disk again (it may have been closed unsaved).
    const file = uriToPath(e.document.uri);
    if (file && isAuditDocument(e.document.uri)) indexFromDisk(file);
    if (isAuditDocument(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    docSettings.clear();
    for (const d of documents.all()) schedule(d, 0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    host.filesChanged?.(params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => p !== null));
    let configChanged = false;
    let registersChanged = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (isAuditDocument(change.uri) && !documents.get(change.uri)) {
        if (change.type === FileChangeType.Deleted) index.delete(change.uri);
        else indexFromDisk(file);
      }
      // A word file edited by hand (or by another tool) is read again with its configuration.
      if (file.endsWith('.txt')) {
        if ([...configCache.values()].some((c) => c.config.wordFile === file)) configChanged = true;
        // The word file of the `granska.ordlista` setting is read into the effective configuration.
        for (const c of [...configCache.values()].map((x) => x.config).concat(DEFAULT_CONFIG)) forgetSpellingSettings(c);
        for (const d of documents.all()) schedule(d, 0);
      }
      if (/\.csv$/i.test(file)) {
        // Any CSV may be the register a configuration names; reading it again is cheap.
        registersChanged = true;
        if (change.type === FileChangeType.Deleted && publishedConfigs.has(change.uri)) {
          publishedConfigs.delete(change.uri);
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        }
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
    if (configChanged || registersChanged) registers.clear();
    if (params.changes.some((c) => isAuditDocument(c.uri))) void connection.sendNotification('granska/workspaceChanged');
    for (const d of documents.all()) if (configChanged || registersChanged || namesAReport(d.uri)) schedule(d, 0);
  });

  // «Granska: Ny rapport»: the profiles a folder knows, and a new report in one of them.
  connection.onRequest('granska/profiles', (params: { uri?: string }) => settled(() => profileList(configFor(params.uri ?? workspaceRootUri()).loaded.config)));
  connection.onRequest('granska/skeleton', async (params: { uri?: string; profile: string }) => {
    const config = (await settled(() => configFor(params.uri ?? workspaceRootUri()))).loaded.config;
    return skeletonFor(config, params.profile, todayIso());
  });

  /** A URI inside the first workspace folder, so that a command without a document reads that folder's configuration. */
  function workspaceRootUri(): string {
    return workspaceRoots.length > 0 ? pathToFileURL(path.join(workspaceRoots[0], 'ny.rev.md')).href : 'untitled:ny.rev.md';
  }

  // The status bar's «3/4 kontrollmål kompletta»: answered from the last model of the document.
  connection.onRequest('granska/status', async (params: { uri: string }) => {
    const large = largeDocument(params.uri);
    if (large) return (await fromWorker(large, 'status')) ?? null;
    const doc = documents.get(params.uri);
    if (!doc || !isAuditDocument(params.uri)) return null;
    return settled(() => controlObjectiveStatus(modelFor(doc), configFor(params.uri).loaded.config));
  });

  // The status bar's tooltip: the document's readability (LIX) and sentence figures.
  connection.onRequest('granska/readability', async (params: { uri: string }) => {
    const large = largeDocument(params.uri);
    if (large) return (await fromWorker(large, 'readability')) ?? null;
    const c = await contextFor(params.uri);
    if (!c) return null;
    const stats = readability(c.ctx.doc, c.ctx.config);
    return { ...stats, text: describeStats(stats, c.ctx.locale, stats.limit) };
  });

  // The preview and the exports render the current version's model; the answer names the
  // version, so the client never shows an older rendering over a newer one.
  connection.onRequest('granska/preview', async (params: { uri: string }) => {
    const large = largeDocument(params.uri);
    if (large) {
      const version = large.version;
      const preview = (await fromWorker(large, 'preview')) as { html: string } | undefined;
      return preview ? { version, ...preview } : null;
    }
    const doc = documents.get(params.uri);
    if (!doc || !isAuditDocument(params.uri)) return null;
    return settled(() => {
      const { loaded } = configFor(params.uri);
      return { version: doc.version, ...host.renderer().previewOf(modelFor(doc, loaded), loaded.config) };
    });
  });
  connection.onRequest('granska/export', async (params: { uri: string; format: string }) => {
    const doc = documents.get(params.uri);
    if (!doc || !isAuditDocument(params.uri)) return null;
    const format = EXPORT_FORMATS.find((f) => f === params.format);
    if (!format) throw new ResponseError(-32602, `unknown format: ${params.format}`);
    const { loaded, dir } = await settled(() => configFor(params.uri));
    // Pictures are embedded only from the workspace folder that holds the report (the
    // longest match, for nested folders), or from the report's own folder outside any.
    const file = uriToPath(params.uri);
    const root = file ? workspaceRoots.filter((r) => !path.relative(r, file).startsWith('..') && !path.isAbsolute(path.relative(r, file))).sort((a, b) => b.length - a.length)[0] ?? dir : null;
    const locale = localeOf(await settingsFor(params.uri));
    if (background && isLarge(doc)) {
      // A large document is exported in a thread of its own, of the version asked for.
      const outcome = await background.export({ text: doc.getText(), format, folder: dir, root, locale });
      if (outcome.ok) return { data: outcome.data, warnings: outcome.warnings };
      throw new ResponseError(-32603, outcome.detail ? localize(outcome.detail, locale) : outcome.message);
    }
    try {
      return await host.renderer().exportOf(modelFor(doc, loaded), format, loaded.config, dir, root, locale);
    } catch (e) {
      // A missing PDF engine or an unreadable Word template says what to do, in the user's language.
      throw new ResponseError(-32603, isExportError(e) ? localize(e.detail, locale) : String(e instanceof Error ? e.message : e));
    }
  });

  // The «Granskningar» view: the workspace's audit year, each document from its open editor
  // or from disk (parsed once per modification), named by URI.
  connection.onRequest('granska/overview', () => settled(() => {
    const docs: YearDocument[] = [];
    for (const entry of index.all()) {
      const file = uriToPath(entry.uri);
      if (!file) continue;
      const { loaded } = configFor(entry.uri);
      const doc = relatedOf(path.dirname(file))(path.basename(file));
      if (doc) docs.push({ path: entry.uri, doc, config: loaded.config });
    }
    return overviewOf(docs, todayIso(), (from, relative) => {
      const file = uriToPath(from);
      return file ? relatedOf(path.dirname(file))(relative) : null;
    });
  }));

  // A new missiv for a report, filled from its current version; the client opens it unsaved.
  connection.onRequest('granska/newMissiv', (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    if (!doc || !isAuditDocument(params.uri)) return null;
    const file = uriToPath(params.uri);
    return newMissiv(modelFor(doc), file ? path.basename(file) : 'rapport.rev.md', todayIso());
  });

  // Editor features: each handler builds the context of the current version and asks its module.
  connection.onCompletion(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'completion', p.position)) ?? []) as CompletionItem[];
    return (await answerAfterEdit(p, completionsAfterEdit, completions)) ?? [];
  });
  connection.onHover(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'hover', p.position)) ?? null) as Hover | null;
    return answerAfterEdit(p, hoverAfterEdit, hover);
  });
  connection.onDefinition(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'definition', p.position)) ?? null) as Location | null;
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, definition(c.ctx, offsetOf(c, p))) : null;
  });
  connection.onReferences(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'references', p.position, { includeDeclaration: p.context.includeDeclaration })) ?? []) as Location[];
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, references(c.ctx, offsetOf(c, p), p.context.includeDeclaration)) : [];
  });
  connection.onPrepareRename(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'prepareRename', p.position)) ?? null) as { range: Range; placeholder: string } | null;
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, prepareRename(c.ctx, offsetOf(c, p))) : null;
  });
  connection.onRenameRequest(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) {
      const answer = (await fromWorker(large, 'rename', p.position, { newName: p.newName })) as BackgroundRename | undefined;
      if (answer?.problem) throw new ResponseError(-32602, localize(answer.problem, localeOf(await settingsFor(large.uri))));
      return answer?.edit ? withVersion(answer.edit, large) : null;
    }
    const c = await contextFor(p.textDocument.uri);
    if (!c) return null;
    const problem = renameProblem(c.ctx, offsetOf(c, p), p.newName);
    if (problem) throw new ResponseError(-32602, localize(problem, c.ctx.locale));
    const edit = rename(c.ctx, offsetOf(c, p), p.newName);
    return edit ? toClient(c, withVersion(edit, c.doc)) : null;
  });
  connection.onDocumentSymbol(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'documentSymbol')) ?? []) as DocumentSymbol[];
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, documentSymbols(c.ctx)) : [];
  });
  connection.onWorkspaceSymbol((p) => workspaceSymbols(index, p.query));
  connection.onFoldingRanges(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'foldingRange')) ?? []) as FoldingRange[];
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, foldingRanges(c.ctx)) : [];
  });
  connection.onCodeLens(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) return ((await fromWorker(large, 'codeLens')) ?? []) as CodeLens[];
    const c = await contextFor(p.textDocument.uri);
    return c ? toClient(c, codeLenses(c.ctx)) : [];
  });
  connection.onCodeAction(async (p) => {
    const large = largeDocument(p.textDocument.uri);
    if (large) {
      // The worker reads the range as offsets in the text without its BOM, like a position.
      const bom = startsWithBom(large.getText());
      const endOffset = Math.max(0, large.offsetAt(p.range.end) - (bom ? 1 : 0));
      const diagnostics = shiftPositions(p.context.diagnostics, large.uri, bom, 'fromClient');
      return ((await fromWorker(large, 'codeAction', p.range.start, { endOffset, only: p.context.only, diagnostics })) ?? []) as CodeAction[];
    }
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
    background?.dispose();
    for (const cancel of timers.values()) cancel();
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();

  return {
    // Files the editor sent after a step had finished without them: check every document again.
    filesArrived(): void {
      forgetFileCaches();
      for (const d of documents.all()) schedule(d, 0, true);
      void connection.sendNotification('granska/workspaceChanged');
    },
  };
}

/**
 * An export's own error (no PDF engine, an unreadable Word template) carries its message in
 * both languages. It comes from the lazily loaded renderer bundle, whose classes are not this
 * bundle's, so it is recognised by its shape.
 */
function isExportError(e: unknown): e is { detail: { sv: string; en: string } } {
  const detail = (e as { detail?: { sv?: unknown; en?: unknown } } | null)?.detail;
  return typeof detail?.sv === 'string' && typeof detail.en === 'string';
}
