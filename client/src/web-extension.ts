import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, deactivate, setUp } from './extension.js';

/**
 * The browser entry (`dist/web/extension.js`, VS Code for the Web: vscode.dev, github.dev):
 * the language server runs in a web worker (`dist/web/server.js`) and reads the workspace
 * through this client.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A new worker at each start, so that «Granska: Starta om servern» starts a fresh one.
  const serverOptions = () => Promise.resolve(new Worker(serverMain.toString(true)));
  await setUp(context, new LanguageClient('granska', 'Granska', serverOptions, clientOptions(context, true)), { web: true });
}

export { deactivate };
