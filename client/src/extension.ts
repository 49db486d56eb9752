import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { exportDocument } from './export.js';
import { answerFileRequests } from './files.js';
import { GranskningarView } from './granskningar.js';
import { exists, importWord } from './import.js';
import { PreviewManager } from './preview.js';

let client: LanguageClient | undefined;

interface Status {
  total: number;
  complete: number;
  /** The profile's name for its units, in the plural (spec §13); older servers send none. */
  units?: string;
}

function isAuditDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.languageId === 'granska' || /\.rev\.md$/i.test(doc.uri.path));
}

/**
 * The client's options. On the desktop the server reads `file:` documents from disk; in the
 * browser (`web`) reports live in the file systems of the workspace's folders (vscode.dev's,
 * github.dev's, a test's), and the server is told where the extension's dictionary is.
 */
export function clientOptions(context: vscode.ExtensionContext, web: boolean): LanguageClientOptions {
  return {
    documentSelector: [
      ...(web ? webSchemes().map((scheme) => ({ scheme, pattern: '**/*.rev.md' })) : [{ scheme: 'file', pattern: '**/*.rev.md' }]),
      { scheme: 'untitled', language: 'granska' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.granskarc.json,*.rev.md,*.txt,*.csv}'), configurationSection: 'granska' },
    initializationOptions: web
      ? { locale: vscode.env.language, dictionaries: vscode.Uri.joinPath(context.extensionUri, 'dist', 'dictionaries').toString(true) }
      : { locale: vscode.env.language },
  };
}

/** The file systems of the workspace's folders (vscode.dev's `vscode-vfs`, a test's `vscode-test-web`). */
function webSchemes(): string[] {
  const schemes = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme));
  return schemes.size > 0 ? [...schemes] : ['vscode-vfs', 'vscode-test-web', 'file'];
}

/**
 * Everything the extension does around its language server, the same on the desktop and in
 * the browser: the entries (`node-extension.ts`, `web-extension.ts`) only make the client.
 */
export async function setUp(context: vscode.ExtensionContext, languageClient: LanguageClient, options: { web: boolean } = { web: false }): Promise<void> {
  client = languageClient;
  // A server without a disk (the browser's) reads the workspace through these requests.
  context.subscriptions.push(...answerFileRequests(client));

  // «3/4 kontrollmål kompletta» for the active report; a click opens the Problems view.
  const item = vscode.window.createStatusBarItem('granska.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Granska';
  item.command = 'workbench.actions.view.problems';
  context.subscriptions.push(item);
  let pending: NodeJS.Timeout | undefined;
  const refresh = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void updateStatus(item), 100);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) refresh();
    }),
    vscode.commands.registerCommand('granska.restartServer', async () => {
      // The Node client restarts in one step; the browser's is stopped and started.
      const c = client as (LanguageClient & { restart?: () => Promise<void> }) | undefined;
      await (c?.restart ? c.restart() : c?.stop().then(() => c.start()));
      refresh();
    }),
  );
  await client.start();
  refresh();

  // «Granskningar»: the audit year in the explorer, asked again when documents change.
  const view = new GranskningarView(client);
  void vscode.commands.executeCommand('setContext', 'granska.active', true);
  let viewTimer: NodeJS.Timeout | undefined;
  const refreshView = (delay = 800) => {
    if (viewTimer) clearTimeout(viewTimer);
    viewTimer = setTimeout(() => view.refresh(), delay);
  };
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('granska.granskningar', view),
    vscode.commands.registerCommand('granska.refreshGranskningar', () => view.refresh()),
    client.onNotification('granska/workspaceChanged', () => refreshView(100)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isAuditDocument(e.document)) refreshView();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('granska.granskningar')) view.refresh();
    }),
  );

  // The report as it will be read: a live preview, and exports to HTML and Word.
  const previews = new PreviewManager(context, client);
  const previewTarget = async (resource?: vscode.Uri): Promise<vscode.TextDocument | undefined> => {
    if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
    const doc = vscode.window.activeTextEditor?.document;
    if (isAuditDocument(doc)) return doc;
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.rev.md) to preview it.'));
    return undefined;
  };
  const started = client;
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand('granska.showPreview', async (resource?: vscode.Uri) => {
      const doc = await previewTarget(resource);
      if (doc) previews.show(doc, false);
    }),
    vscode.commands.registerCommand('granska.showPreviewToSide', async (resource?: vscode.Uri) => {
      const doc = await previewTarget(resource);
      if (doc) previews.show(doc, true);
    }),
    vscode.commands.registerCommand('granska.newReport', () => newReport(started)),
    vscode.commands.registerCommand('granska.exportHtml', (resource?: vscode.Uri) => exportDocument(started, 'html', resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('granska.newMissiv', (resource?: vscode.Uri) => createMissiv(started, resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('granska.exportDocx', (resource?: vscode.Uri) => exportDocument(started, 'docx', resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('granska.importWord', (resource?: vscode.Uri) => importWord(resource instanceof vscode.Uri ? resource : undefined, (target) => pickProfile(started, target))),
    // In the browser no PDF engine can run: the command says so before asking where to save.
    vscode.commands.registerCommand('granska.exportPdf', (resource?: vscode.Uri) => options.web
      ? void vscode.window.showErrorMessage(vscode.l10n.t('A PDF can only be made in VS Code on the desktop (with LibreOffice or Chromium installed), not in the browser. Export to Word or HTML here, or use VS Code on the desktop.'))
      : exportDocument(started, 'pdf', resource instanceof vscode.Uri ? resource : undefined)),
  );
}

interface ProfileEntry {
  name: string;
  description: string;
  builtin: boolean;
  isDefault: boolean;
}

/**
 * The house profile a report is in, picked among those its folder's configuration knows,
 * the folder's default first; `profil:` is written only when another one is picked.
 */
async function pickProfile(languageClient: LanguageClient, target: vscode.Uri): Promise<{ name: string; writeToFrontmatter: boolean } | undefined> {
  const profiles = await languageClient.sendRequest<ProfileEntry[]>('granska/profiles', { uri: target.toString() });
  if (profiles.length <= 1) return profiles[0] ? { name: profiles[0].name, writeToFrontmatter: false } : undefined;
  const picked = await vscode.window.showQuickPick(
    profiles.map((p) => ({ label: p.name, description: p.isDefault ? vscode.l10n.t('default') : p.builtin ? vscode.l10n.t('built in') : vscode.l10n.t('from .granskarc.json'), detail: p.description, entry: p })),
    { title: vscode.l10n.t('Import from Word: the house profile of the report'), matchOnDetail: true },
  );
  return picked ? { name: picked.entry.name, writeToFrontmatter: !picked.entry.isDefault } : undefined;
}

/**
 * «Granska: Ny rapport»: picks one of the house profiles the folder's configuration knows
 * and opens a new, unsaved report in its structure, with TODO where the auditor writes.
 */
async function newReport(languageClient: LanguageClient): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.with({ path: `${vscode.workspace.workspaceFolders[0].uri.path}/ny.rev.md` }).toString();
  const profiles = await languageClient.sendRequest<ProfileEntry[]>('granska/profiles', { uri });
  const picked = await vscode.window.showQuickPick(
    profiles.map((p) => ({ label: p.name, description: p.isDefault ? vscode.l10n.t('default') : p.builtin ? vscode.l10n.t('built in') : vscode.l10n.t('from .granskarc.json'), detail: p.description, name: p.name })),
    { title: vscode.l10n.t('New report: choose the house profile'), matchOnDetail: true },
  );
  if (!picked) return;
  const skeleton = await languageClient.sendRequest<{ text: string } | null>('granska/skeleton', { uri, profile: picked.name });
  if (!skeleton) return;
  const doc = await vscode.workspace.openTextDocument({ language: 'granska', content: skeleton.text });
  await vscode.window.showTextDocument(doc);
}

/**
 * Opens a new, unsaved missiv beside a report, filled in by the server from the report.
 * Saving it is the auditor's decision; an existing missiv is never overwritten.
 */
async function createMissiv(started: LanguageClient, resource?: vscode.Uri): Promise<void> {
  const doc = resource ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
  if (!isAuditDocument(doc)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.rev.md) to write its missiv.'));
    return;
  }
  const made = await started.sendRequest<{ fileName: string; text: string } | null>('granska/newMissiv', { uri: doc.uri.toString() });
  if (!made) return;
  const folder = vscode.Uri.joinPath(doc.uri, '..');
  let target = vscode.Uri.joinPath(folder, made.fileName);
  for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(folder, made.fileName.replace(/\.rev\.md$/i, `-${n}.rev.md`));
  const draft = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(draft);
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), made.text));
}

async function updateStatus(item: vscode.StatusBarItem): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!client || !isAuditDocument(doc)) {
    item.hide();
    return;
  }
  let status: Status | null = null;
  try {
    status = await client.sendRequest<Status | null>('granska/status', { uri: doc.uri.toString() });
  } catch {
    status = null;
  }
  if (!status) {
    item.hide();
    return;
  }
  const done = status.complete === status.total;
  const label = !status.units || status.units === 'kontrollmål'
    ? vscode.l10n.t('{0}/{1} kontrollmål complete', status.complete, status.total)
    : vscode.l10n.t('{0}/{1} {2} complete', status.complete, status.total, status.units);
  item.text = `$(${done ? 'pass' : 'checklist'}) ${label}`;
  let readability: { text: string } | null = null;
  try {
    readability = await client.sendRequest<{ text: string } | null>('granska/readability', { uri: doc.uri.toString() });
  } catch {
    readability = null;
  }
  const tooltip = vscode.l10n.t('Control objectives with an assessment, recommendations and a council reference. Click to show the problems.');
  // The readability line comes from the server in the user's language (LIX and sentence figures).
  item.tooltip = readability ? `${tooltip}\n\n${readability.text}` : tooltip;
  item.show();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
