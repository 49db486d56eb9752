import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportFileName, type ExportFormat } from '../../server/src/render/names.js';

/**
 * «Granska: Exportera till HTML/Word/PDF»: the server renders the document's current text (saved
 * or not), the user picks where the file goes, and the extension writes it.
 */
export async function exportDocument(client: LanguageClient, format: ExportFormat, resource?: vscode.Uri): Promise<void> {
  const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || !/\.rev\.md$/i.test(uri.path)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.rev.md) to export it.'));
    return;
  }
  // Opening the document syncs it to the server, which renders what is in the editor.
  const document = await vscode.workspace.openTextDocument(uri);
  // Next to the report, in whatever file system it lives in (local, remote, WSL).
  const defaultUri = uri.scheme === 'untitled' ? undefined : uri.with({ path: exportFileName(uri.path, format) });
  const dialog = {
    html: { filters: { HTML: ['html'] }, title: vscode.l10n.t('Export to HTML') },
    docx: { filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Export to Word') },
    pdf: { filters: { [vscode.l10n.t('PDF document')]: ['pdf'] }, title: vscode.l10n.t('Export to PDF') },
  }[format];
  const target = await vscode.window.showSaveDialog({ defaultUri, ...dialog });
  if (!target) return;
  let result: { data: string } | null;
  try {
    const request = (): Thenable<{ data: string } | null> => client.sendRequest<{ data: string } | null>('granska/export', { uri: document.uri.toString(), format });
    // A PDF takes LibreOffice or a browser some seconds to make: the user sees that it is under way.
    result = format === 'pdf'
      ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Making the PDF…') }, request)
      : await request();
  } catch (e) {
    // The server's message says what failed and, for a PDF, what to install.
    void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}', e instanceof Error ? e.message : String(e)));
    return;
  }
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}', uri.fsPath));
    return;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', vscode.workspace.asRelativePath(target)), open);
  if (choice === open) void vscode.env.openExternal(target);
}
