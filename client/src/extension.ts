import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the Granska language server for `*.rev.md` files and wires the commands. */
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
  context.subscriptions.push(
    vscode.commands.registerCommand('granska.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
