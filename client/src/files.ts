import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { toBase64 } from '../../server/src/io/base64.js';
import { FS_FIND, FS_READ, FS_STAT, FS_WRITE, type FsFindParams, type FsFindResult, type FsReadParams, type FsReadResult, type FsStatParams, type FsStatResult, type FsWriteParams } from '../../server/src/io/fs-protocol.js';

/**
 * The editor's answers to a language server that has no disk (the browser's): files of the
 * workspace read, stat'ed, found and (the word list) written through VS Code's file system
 * API, whichever file system the workspace lives in. A missing file is an answer (null, or
 * `missing`), never an error. Only files inside the workspace's folders are answered: the
 * server reads what reports name, and a report is untrusted input.
 */
export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest<FsStatResult, void>(FS_STAT, async (params: FsStatParams): Promise<FsStatResult> => {
      const uri = inWorkspace(params.uri);
      if (!uri) return null;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        const kind = stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other';
        return { kind, mtimeMs: stat.mtime, size: stat.size };
      } catch {
        return null;
      }
    }),
    client.onRequest<FsReadResult, void>(FS_READ, async (params: FsReadParams): Promise<FsReadResult> => {
      const uri = inWorkspace(params.uri);
      if (!uri) return { error: `outside the workspace: ${params.uri}`, missing: true };
      try {
        return { data: toBase64(await vscode.workspace.fs.readFile(uri)) };
      } catch (e) {
        return { error: String(e), missing: e instanceof vscode.FileSystemError && e.code === 'FileNotFound' };
      }
    }),
    client.onRequest<FsFindResult, void>(FS_FIND, async (params: FsFindParams): Promise<FsFindResult> => {
      const found: string[] = [];
      for (const root of params.roots) {
        const folder = inWorkspace(root);
        if (!folder || found.length >= params.limit) continue;
        const suffix = params.suffix.replace(/[^A-Za-z0-9._-]/g, '');
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/*${suffix}`), '**/{node_modules,.*}/**', params.limit - found.length);
        found.push(...uris.map((u) => u.toString()));
      }
      return found;
    }),
    client.onRequest<void, void>(FS_WRITE, async (params: FsWriteParams): Promise<void> => {
      const uri = inWorkspace(params.uri);
      if (!uri) throw new Error(`outside the workspace: ${params.uri}`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(params.text));
    }),
  ];
}

/** The URI when it lies inside one of the workspace's folders, else undefined. */
function inWorkspace(text: string): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  // getWorkspaceFolder compares paths as given: `..` segments must not lead out of it.
  return uri.path.split('/').includes('..') ? undefined : uri;
}
