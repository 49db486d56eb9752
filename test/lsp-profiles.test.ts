import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

/** House profiles over LSP: the «new report» requests, and a document read with the folder's own profile. */
describe('house profiles over stdio (dist/server.js)', function () {
  let dir: string;
  let client: LspClient;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lsp-profiles-'));
    // A house that calls its results chapter «Våra iakttagelser» and its units «Granskningsmål».
    fs.writeFileSync(path.join(dir, '.granskarc.json'), JSON.stringify({
      profil: 'vår-byrå',
      profiler: { 'vår-byrå': { bas: 'kontrollmal-slutkapitel', enheter: { namn: 'Granskningsmål', bestämd: 'Granskningsmålet', plural: 'granskningsmål' } } },
    }));
    client = new LspClient();
    await client.initialize('sv', pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
  });

  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the folder\'s profiles, its own default first, and writes a new report in it that lints clean but for its TODOs', async () => {
    const uri = pathToFileURL(path.join(dir, 'ny.rev.md')).href;
    const profiles = await client.connection.sendRequest<{ name: string; isDefault: boolean; builtin: boolean }[]>('granska/profiles', { uri });
    assert.equal(profiles[0].name, 'vår-byrå');
    assert.equal(profiles[0].isDefault, true);
    assert.ok(profiles.some((p) => p.name === 'kontrollmal' && p.builtin));
    const skeleton = await client.connection.sendRequest<{ text: string } | null>('granska/skeleton', { uri, profile: 'vår-byrå' });
    assert.ok(skeleton && /^## Granskningsmål 1: /m.test(skeleton.text), skeleton?.text);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version: 1, text: skeleton.text } });
    const clean = await client.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual([...new Set(clean.map((d) => d.code))], ['platshallare']);
    // The same report without its assessments: the unit is named as the house names it.
    const broken = skeleton.text.replace(/^\*\*Bedömning:\*\* .*$/gmu, 'Text utan grad.');
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    const found = await client.diagnostics(uri, (_d, p) => p.version === 2);
    const skala = found.filter((d) => d.code === 'bedomning-skala');
    assert.equal(skala.length, 2, JSON.stringify(found.map((d) => d.message)));
    assert.match(String(skala[0].message), /granskningsmål 1/);
    assert.equal(await client.connection.sendRequest('granska/skeleton', { uri, profile: 'finns-inte' }), null);
  });
});
