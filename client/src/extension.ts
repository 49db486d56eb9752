import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { exportDocument } from './export.js';
import { importWord } from './import.js';
import { PreviewManager } from './preview.js';

let client: LanguageClient | undefined;

interface Status {
  total: number;
  complete: number;
}

function isAuditDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.languageId === 'granska' || /\.rev\.md$/i.test(doc.uri.path));
}

/** Starts the Granska language server for `*.rev.md` files, the status bar and the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.rev.md' },
      { scheme: 'untitled', language: 'granska' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.granskarc.json,*.rev.md}'), configurationSection: 'granska' },
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('granska', 'Granska', serverOptions, clientOptions);

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
      await client?.restart();
      refresh();
    }),
  );
  await client.start();
  refresh();

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
    vscode.commands.registerCommand('granska.exportHtml', (resource?: vscode.Uri) => exportDocument(started, 'html', resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('granska.exportDocx', (resource?: vscode.Uri) => exportDocument(started, 'docx', resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('granska.importWord', (resource?: vscode.Uri) => importWord(resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('granska.exportPdf', (resource?: vscode.Uri) => exportDocument(started, 'pdf', resource instanceof vscode.Uri ? resource : undefined)),
  );
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
  item.text = `$(${done ? 'pass' : 'checklist'}) ${vscode.l10n.t('{0}/{1} kontrollmål complete', status.complete, status.total)}`;
  item.tooltip = vscode.l10n.t('Control objectives with an assessment, recommendations and a council reference. Click to show the problems.');
  item.show();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
