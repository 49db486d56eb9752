import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportFileName, type ExportFormat } from '../../server/src/render/names.js';

/**
 * «Granska: Exportera till HTML/Word»: the server renders the document's current text (saved
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
  const target = await vscode.window.showSaveDialog({
    defaultUri,
    filters: format === 'docx' ? { [vscode.l10n.t('Word document')]: ['docx'] } : { HTML: ['html'] },
    title: format === 'docx' ? vscode.l10n.t('Export to Word') : vscode.l10n.t('Export to HTML'),
  });
  if (!target) return;
  let result: { data: string } | null;
  try {
    result = await client.sendRequest<{ data: string } | null>('granska/export', { uri: document.uri.toString(), format });
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}', String(e)));
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
