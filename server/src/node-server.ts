import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures, type MessageReader } from 'vscode-languageserver/node';
import { nodeFiles } from './io/node.js';
import { BACKGROUND_CHARS, BackgroundLinter, HANDOFF_DELAY_MS, startLintWorkerIfAsked, type BackgroundEvent } from './lint/background.js';
import { exportInWorker, startExportWorkerIfAsked } from './lint/background-export.js';
import { RequestSignal } from './lint/schedule.js';
import { renderer } from './renderer.js';
import { startServer } from './server.js';
import type { ServerHost } from './server-host.js';
import { addWordToProject, loadNodeSpeller } from './spelling/host.js';
import { consoleToStderr, WholeMessageWriter } from './stdio-writer.js';

/**
 * The language server on Node (`dist/server.js`, started by the VS Code client over IPC or
 * as `node dist/server.js --stdio`): the disk, worker threads for large documents, the
 * renderer loaded on first use, the dictionary from `dist/dictionaries/`.
 */
export function nodeHost(): ServerHost {
  // With GRANSKA_TRACE_BACKGROUND=1 the server tells the client what its workers do (tests watch it).
  const traced = process.env.GRANSKA_TRACE_BACKGROUND === '1';
  let listener: ((e: BackgroundEvent) => void) | undefined;
  const linter = new BackgroundLinter(__filename, (e) => listener?.(e));
  return {
    files: nodeFiles,
    uriToPath(uri) {
      try {
        return uri.startsWith('file:') ? fileURLToPath(uri) : null;
      } catch {
        return null;
      }
    },
    pathToUri: (file) => pathToFileURL(file).href,
    cwd: () => process.cwd(),
    renderer,
    background: {
      threshold: BACKGROUND_CHARS,
      handoffDelayMs: HANDOFF_DELAY_MS,
      lint: (uri, job) => linter.lint(uri, job),
      request: (uri, job) => linter.request(uri, job),
      stop: (uri) => linter.stop(uri),
      export: (job) => exportInWorker(__filename, job),
      dispose: () => linter.dispose(),
      traced,
      onEvent(l) {
        listener = l;
      },
    },
    loadSpeller: loadNodeSpeller,
    addWord: (word, loaded, settings, folder) => Promise.resolve(addWordToProject(word, loaded, settings, folder, nodeFiles)),
  };
}

// Started as a program, not when imported by tests; started as a worker, it lints or exports large documents.
if (!isMainThread) {
  if (!startExportWorkerIfAsked(workerData)) startLintWorkerIfAsked(workerData);
} else if (require.main === module) {
  const requests = new RequestSignal();
  const options = { messageStrategy: requests.strategy };
  // With `--stdio`, answers are written whole in the turn they are made (see stdio-writer.ts); other transports as vscode-languageserver opens them.
  const stdio = process.argv.slice(2).includes('--stdio');
  if (stdio) consoleToStderr();
  const connection = stdio
    ? // stdin is given as the stream itself, which vscode-languageserver wraps in its reader at run
      // time (each side separately; its types list only the pairs), so that it still exits when
      // stdin ends.
      createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new WholeMessageWriter(process.stdout), options)
    : createConnection(ProposedFeatures.all, options);
  startServer(connection, { ...nodeHost(), requestRead: () => requests.take() });
  // Input is marked as it is read, before vscode-jsonrpc handles it on a later turn (RequestSignal).
  // Listening is added after the connection's own listener, in the same turn, so no data is missed.
  if (stdio) process.stdin.on('data', requests.arrived);
  else process.on('message', requests.arrived);
}
