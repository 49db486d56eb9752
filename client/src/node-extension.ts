import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, deactivate, setUp } from './extension.js';
import { SERVER_NODE_FLAGS } from './server-flags.js';

/** The desktop entry (`dist/extension.js`): the language server as a Node process over IPC. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  await setUp(context, new LanguageClient('granska', 'Granska', serverOptions, clientOptions(context, false)));
}

export { deactivate };
