import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

const ICON = fs.readFileSync(path.join(ROOT, 'images', 'icon.png'));

interface ExportAnswer {
  data: string;
  warnings: { range: { start: { line: number; character: number } }; message: string }[];
}

describe('granska/export in the language server (dist/server.js)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'granska-export-lsp-')));
    client = new LspClient();
  });

  afterEach(async () => {
    // A server stuck reading a pipe never answers shutdown: it is ended, so the failure shows
    // instead of a suite that never finishes (a generous limit only a hang can reach).
    await Promise.race([client.shutdown(), new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
    client.process.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('embeds pictures only from the workspace folder, never blocks on a pipe, and names each left-out picture by line', async () => {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(path.join(ws, 'rapporter'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'bilder'));
    fs.writeFileSync(path.join(ws, 'bilder', 'logga.png'), ICON);
    fs.writeFileSync(path.join(dir, 'utanför.png'), ICON);
    const pipe = process.platform !== 'win32' && spawnSync('mkfifo', [path.join(ws, 'rapporter', 'rör.png')]).status === 0;
    const text = `# Bakgrund\n\n![Logga](../bilder/logga.png)\n\n![Ut](../../utanför.png)\n\n![Webb](https://tracker.example/p.png)\n${pipe ? '\n![Rör](rör.png)\n' : ''}`;
    const file = path.join(ws, 'rapporter', 'r.rev.md');
    fs.writeFileSync(file, text);
    await client.initialize('sv', null, [{ uri: pathToFileURL(ws).href, name: 'ws' }]);
    const uri = pathToFileURL(file).href;
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const answer = await client.connection.sendRequest<ExportAnswer>('granska/export', { uri, format: 'html' });
    const html = Buffer.from(answer.data, 'base64').toString('utf8');
    assert.equal((html.match(/src="data:image\/png/g) ?? []).length, 1);
    const found = answer.warnings.map((w) => [w.range.start.line, w.message] as const);
    assert.equal(found.length, pipe ? 3 : 2, JSON.stringify(found));
    assert.equal(found[0][0], 4);
    assert.match(found[0][1], /Bilden «\.\.\/\.\.\/utanför\.png» kom inte med i exporten: filen ligger utanför arbetsytan/);
    assert.equal(found[1][0], 6);
    assert.match(found[1][1], /Bilden https:\/\/tracker\.example\/p\.png hämtas inte från nätet/);
    if (pipe) assert.match(found[2][1], /«rör\.png» kom inte med i exporten: det är ingen vanlig fil/);
    // The server still answers other requests.
    assert.ok(await client.connection.sendRequest('granska/preview', { uri }));
  });
});
