import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

const codes = (d: { code?: string | number }[]) => d.map((x) => x.code).sort();

describe('language server: the audit year across files', function () {
  let dir: string;
  let client: LspClient;
  const report = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-year-'));
    client = new LspClient();
  });

  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function open(name: string, text: string, version = 1): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version, text } });
    return uri;
  }

  it('reads and watches the beslutsregister: unlisted decisions, then the register fixed, then broken', async () => {
    const csv = path.join(dir, 'beslut.csv');
    const csvUri = pathToFileURL(csv).href;
    fs.writeFileSync(csv, 'organ;paragraf;datum;rubrik\r\nKF;16;2015-02-23;Program\r\n');
    await client.initialize();
    const uri = open('rapport.rev.md', report);
    const first = await client.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(first), ['beslut-okant']);
    assert.match(String(first[0].message), /KF § 155\/2015-12-14" finns inte i beslutsregistret/);

    fs.writeFileSync(csv, 'organ;paragraf;datum;rubrik\r\nKF;16;2015-02-23;Program\r\nKF;155;2015-12-14;Enhet\r\n');
    let since = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: csvUri, type: 2 }] });
    assert.deepEqual(await client.diagnostics(uri, () => true, since), []);

    fs.writeFileSync(csv, 'organ;paragraf;rubrik\r\nKF;16;Program\r\n');
    since = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: csvUri, type: 2 }] });
    const onRegister = await client.diagnostics(csvUri, (d) => d.length > 0);
    assert.deepEqual(onRegister.map((d) => [d.code, d.range.start.line]), [['beslutsregister', 0]]);
    // An unusable register checks nothing, rather than flagging every reference.
    assert.deepEqual(await client.diagnostics(uri, () => true, since), []);
  });
});
