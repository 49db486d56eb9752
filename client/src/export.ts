import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { fromBase64 } from '../../server/src/io/base64.js';
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
  // An export never replaces a report, least of all the one it was made from.
  if (/\.rev\.md$/i.test(target.path) || target.toString() === uri.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('An export is never written over a report (*.rev.md): {0}', vscode.workspace.asRelativePath(target)));
    return;
  }
  let result: ExportAnswer | null;
  try {
    const request = (): Thenable<ExportAnswer | null> => client.sendRequest<ExportAnswer | null>('granska/export', { uri: document.uri.toString(), format });
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
  await vscode.workspace.fs.writeFile(target, fromBase64(result.data));
  const open = vscode.l10n.t('Open');
  const warnings = result.warnings ?? [];
  if (warnings.length > 0) {
    // Pictures left out: each with its line, and the first one selectable in the editor.
    const show = vscode.l10n.t('Show in the report');
    const lines = warnings.map((w) => `${w.range.start.line + 1}:${w.range.start.character + 1} ${w.message}`);
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Exported to {0}, but {1} picture(s) were left out.', vscode.workspace.asRelativePath(target), warnings.length),
      { modal: false, detail: lines.join('\n') },
      show,
      open,
    );
    const channel = exportLog();
    channel.appendLine(`${uri.fsPath}:`);
    for (const line of lines) channel.appendLine(`  ${line}`);
    if (choice === show) {
      const first = warnings[0].range;
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(first.start.line, first.start.character, first.end.line, first.end.character) });
    } else if (choice === open) void vscode.env.openExternal(target);
    return;
  }
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', vscode.workspace.asRelativePath(target)), open);
  if (choice === open) void vscode.env.openExternal(target);
}

/** What the server answers: the file's bytes in base64, and the pictures it left out. */
interface ExportAnswer {
  data: string;
  warnings?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }[];
}

let log: vscode.OutputChannel | undefined;

/** The «Granska: export» output channel, where every left-out picture is listed by line. */
function exportLog(): vscode.OutputChannel {
  log ??= vscode.window.createOutputChannel('Granska: export');
  return log;
}
