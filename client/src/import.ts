import * as vscode from 'vscode';
import { localize, type Locale } from '../../server/src/i18n.js';
import { ImportError, importDocx } from '../../server/src/import/docx.js';

/**
 * «Granska: Importera från Word»: reads a .docx (the one clicked in the explorer, or one the
 * user picks) into a `.rev.md` beside it, saves its pictures in a folder beside that, opens
 * the new report and shows the Problems view, where the language server's diagnostics say
 * what remains to do. It never overwrites a file: when the name is taken, the user picks one.
 */
export async function importWord(resource?: vscode.Uri, pickProfile?: (target: vscode.Uri) => Promise<{ name: string; writeToFrontmatter: boolean } | undefined>): Promise<void> {
  const source = resource ?? (await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    title: vscode.l10n.t('Import from Word'),
  }))?.[0];
  if (!source) return;
  let target = source.with({ path: source.path.replace(/\.docx$/i, '') + '.rev.md' });
  if (await exists(target)) {
    const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: { [vscode.l10n.t('Report')]: ['rev.md'] }, title: vscode.l10n.t('Import from Word') });
    if (!chosen) return;
    if (await exists(chosen)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; the import does not overwrite it.', vscode.workspace.asRelativePath(chosen)));
      return;
    }
    target = chosen.path.endsWith('.rev.md') ? chosen : chosen.with({ path: chosen.path.replace(/(\.md)?$/i, '.rev.md') });
  }
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const folder = target.with({ path: target.path.slice(0, target.path.lastIndexOf('/')) });
  const imageFolder = `${name.replace(/\.rev\.md$/i, '')}-bilder`;
  const locale: Locale = vscode.env.language.startsWith('sv') ? 'sv' : 'en';
  // The house profile the Word report is written in (spec §13); leaving the pick cancels.
  const profile = pickProfile ? await pickProfile(target) : undefined;
  if (pickProfile && !profile) return;
  let result;
  try {
    const bytes = await vscode.workspace.fs.readFile(source);
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', vscode.workspace.asRelativePath(source)) },
      () => importDocx(bytes, { imageFolder, profile }),
    );
  } catch (e) {
    const reason = e instanceof ImportError ? localize(e.detail, locale) : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('The import failed: {0}', reason));
    return;
  }
  for (const image of result.images) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, image.path), image.data);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  // The language server lints the new report; the Problems view lists what remains to do.
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const notes = result.notes.map((n) => localize(n, locale));
  void vscode.window.showInformationMessage([vscode.l10n.t('Imported to {0}. The Problems view shows what remains to do.', vscode.workspace.asRelativePath(target)), ...notes].join(' '));
}

/** Whether a file exists, in any of VS Code's file systems. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
