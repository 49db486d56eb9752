import * as assert from 'node:assert/strict';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The server writes its own answers to stdout (server/src/stdio-writer.ts) and hands stdin to
// vscode-languageserver as a stream: it must still end as the protocol says.
describe('language server over stdio: its own writer, the protocol’s ending', function () {
  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  const exited = (client: LspClient) =>
    new Promise<number | null>((resolve) => {
      if (client.process.exitCode !== null) resolve(client.process.exitCode);
      else client.process.once('exit', (code) => resolve(code));
    });

  it('answers requests and exits with 0 after shutdown and exit', async () => {
    const client = new LspClient();
    const result = (await client.initialize()) as { capabilities?: { completionProvider?: unknown } };
    assert.ok(result.capabilities?.completionProvider, 'initialize was not answered with the capabilities');
    await client.shutdown();
    assert.equal(client.process.exitCode, 0);
  });

  it('exits, with 1, when the editor closes stdin without a shutdown', async () => {
    const client = new LspClient();
    await client.initialize();
    client.process.stdin!.end();
    assert.equal(await exited(client), 1);
    client.connection.dispose();
  });
});
