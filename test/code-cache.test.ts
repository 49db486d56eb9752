import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

/**
 * `dist/server.js` runs the server bundle through V8's code cache, kept in `dist/cache/`.
 * The tests run a copy of the built files, so that the real cache is left alone.
 */
describe('the language server with its code cache (dist/server.js)', function () {
  this.timeout(120_000);
  let tmp: string;
  let dist: string;
  const report = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8').replace('### Bedömning: Delvis uppfyllt', '### Bedömning: Delvis uppfylld');
  const expected = ['bedomning-motsagelse', 'bedomning-skala', 'sammanstallning'];

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-code-cache-'));
    dist = path.join(tmp, 'dist');
    fs.mkdirSync(dist);
    for (const f of fs.readdirSync(path.join(ROOT, 'dist'))) {
      if (f === 'cache') continue;
      fs.cpSync(path.join(ROOT, 'dist', f), path.join(dist, f), { recursive: true });
    }
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const caches = () => (fs.existsSync(path.join(dist, 'cache')) ? fs.readdirSync(path.join(dist, 'cache')).filter((f) => f.endsWith('.bin')) : []);

  /** One editor session: start, open the report, read its diagnostics, shut down. */
  async function session(): Promise<string[]> {
    const client = new LspClient(path.join(dist, 'server.js'));
    try {
      await client.initialize();
      const file = path.join(tmp, 'rapport.rev.md');
      fs.writeFileSync(file, report);
      const uri = pathToFileURL(file).href;
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version: 1, text: report } });
      const d = await client.diagnostics(uri, (x) => x.length > 0);
      return d.map((x) => String(x.code)).sort();
    } finally {
      await client.shutdown();
    }
  }

  it('writes the cache after the first diagnostics, then starts from it without writing it again', async () => {
    assert.deepEqual(await session(), expected);
    assert.equal(caches().length, 1, 'one cache after the first session');
    const file = path.join(dist, 'cache', caches()[0]);
    const first = fs.readFileSync(file);
    assert.ok(first.length > 10_000, `the cache holds compiled code (${first.length} bytes)`);
    const mtime = fs.statSync(file).mtimeMs;
    assert.deepEqual(await session(), expected);
    assert.deepEqual(caches(), [path.basename(file)]);
    assert.equal(fs.statSync(file).mtimeMs, mtime, 'an accepted cache is not written again');
  });

  it('starts and checks as usual from a damaged cache, and replaces it, keeping the caches of other runtimes', async () => {
    assert.equal(caches().length, 1);
    const file = path.join(dist, 'cache', caches()[0]);
    // The same bundle's cache for another runtime (VS Code's Electron beside a system Node).
    const other = file.replace(/\.[0-9a-f]{8}\.bin$/, '.00000000.bin');
    fs.copyFileSync(file, other);
    const garbage = Buffer.alloc(50_000, 7);
    fs.writeFileSync(file, garbage);
    assert.deepEqual(await session(), expected);
    assert.ok(!fs.readFileSync(file).equals(garbage), 'the damaged cache was replaced');
    assert.ok(fs.existsSync(other), "another runtime's cache is kept");
    fs.rmSync(other);
    assert.deepEqual(await session(), expected);
  });

  it('writes no cache for a server stopped before its first diagnostics', async () => {
    const cacheDir = path.join(dist, 'cache');
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const client = new LspClient(path.join(dist, 'server.js'));
    await client.initialize();
    await client.shutdown();
    assert.deepEqual(caches(), []);
    assert.deepEqual(await session(), expected);
    assert.equal(caches().length, 1, 'the next session with a document writes it');
  });

  it('gives a rebuilt bundle its own cache and removes the old one', async () => {
    const old = caches();
    assert.equal(old.length, 1);
    // A rebuild changes the bundle's size and time; an old cache must never be applied to it.
    fs.appendFileSync(path.join(dist, 'server-main.js'), '\n// rebuilt\n');
    assert.deepEqual(await session(), expected);
    const now = caches();
    assert.equal(now.length, 1);
    assert.notEqual(now[0], old[0]);
  });
});
