import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { exportOf, previewOf } from './features/preview.js';
import { ClientFiles } from './io/client-files.js';
import { FS_FIND, FS_READ, FS_STAT, FS_WRITE, type FsFindParams, type FsFindResult, type FsReadParams, type FsReadResult, type FsStatParams, type FsStatResult, type FsWriteParams } from './io/fs-protocol.js';
import { textOrNull } from './io/files.js';
import { UriPaths } from './io/uri-paths.js';
import { RequestSignal } from './lint/schedule.js';
import { startServer } from './server.js';
import type { ServerHost } from './server-host.js';
import { loadSpeller } from './spelling/speller.js';
import { createHunspellEngine } from './spelling/engine.js';
import { planAddWord } from './spelling/word-list.js';

/**
 * The language server in a web worker (`dist/web/server.js`), for VS Code for the Web
 * (vscode.dev, github.dev): the same handlers as on Node, with files read through the
 * editor (`granska/fs/*` requests), large documents linted in place (a worker has no
 * worker threads of its own to spare), the renderer bundled in, and the dictionary fetched
 * from the extension's own files, whose address the client sends at start.
 */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

// Requests read are marked so that validation slices let their answers out first (RequestSignal).
const requests = new RequestSignal();
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: requests.strategy });
// Marked as it arrives too: vscode-jsonrpc handles a message on a later zero timer, queued behind a slice queued before it came.
self.addEventListener('message', requests.arrived);
const paths = new UriPaths();
let server: { filesArrived(): void } | undefined;
const files = new ClientFiles(
  {
    stat: (uri) => connection.sendRequest<FsStatResult>(FS_STAT, { uri } satisfies FsStatParams),
    read: (uri) => connection.sendRequest<FsReadResult>(FS_READ, { uri } satisfies FsReadParams),
    find: (roots, suffix, limit) => connection.sendRequest<FsFindResult>(FS_FIND, { roots, suffix, limit } satisfies FsFindParams),
  },
  (file) => paths.toUri(file),
  (uri) => paths.toPath(uri),
  () => server?.filesArrived(),
);

// Where the dictionary lies: the client names the extension's `dist/dictionaries/` folder.
let dictionaries: string | null = null;

const host: ServerHost = {
  requestRead: () => requests.take(),
  files,
  uriToPath: (uri) => paths.toPath(uri),
  pathToUri: (file) => paths.toUri(file),
  cwd: () => '/',
  initialize(options) {
    const named = (options as { dictionaries?: unknown } | undefined)?.dictionaries;
    dictionaries = typeof named === 'string' ? named : null;
  },
  renderer: () => ({
    previewOf,
    exportOf(doc, format, config, folder, root, locale) {
      // The editor tells of changes only to reports and configuration: pictures and the
      // Word template are read afresh for each export.
      files.forgetAll();
      return exportOf(doc, format, config, folder, root, locale, files);
    },
  }),
  background: null,
  loadSpeller: () => loadSpeller(async () => {
    if (!dictionaries) throw new Error('the client named no dictionary folder');
    const base = dictionaries.endsWith('/') ? dictionaries : `${dictionaries}/`;
    const [aff, dic] = await Promise.all(['sv.aff', 'sv.dic'].map(async (name) => {
      const response = await fetch(`${base}${name}`);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }));
    return { aff, dic };
  }, createHunspellEngine),
  async addWord(word, loaded, settings, folder) {
    // The files are read as the editor has them, and written by the editor.
    const writes = await files.settle(() => planAddWord(word, { configFile: loaded.file, configText: loaded.text, config: loaded.config, fallbackWordFile: settings.wordFile }, (file) => textOrNull(files, file), folder));
    for (const w of writes) {
      await connection.sendRequest(FS_WRITE, { uri: paths.toUri(w.file), text: w.text } satisfies FsWriteParams);
      files.forget(w.file);
    }
    return writes.map((w) => w.file);
  },
  filesChanged: () => files.forgetAll(),
};

server = startServer(connection, host);
