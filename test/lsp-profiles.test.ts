import * as assert from 'node:assert/strict';
import { BUILDS, type ServerUnderTest } from './helpers/server-under-test.ts';

/** House profiles over LSP: the «new report» requests, and a document read with the folder's own profile. */
for (const build of BUILDS) describe(`house profiles over LSP (${build.name})`, function () {
  let client: ServerUnderTest;

  before(function () {
    if (!build.built()) this.skip();
  });

  beforeEach(async () => {
    client = build.start();
    // A house that calls its results chapter «Våra iakttagelser» and its units «Granskningsmål».
    client.write('.granskarc.json', JSON.stringify({
      profil: 'vår-byrå',
      profiler: { 'vår-byrå': { bas: 'kontrollmal-slutkapitel', enheter: { namn: 'Granskningsmål', bestämd: 'Granskningsmålet', plural: 'granskningsmål' } } },
    }));
    await client.initialize('sv', [{ path: '', name: 'ws' }]);
  });

  afterEach(async () => {
    await client.shutdown();
  });

  it('lists the folder\'s profiles, its own default first, and writes a new report in it that lints clean but for its TODOs', async () => {
    const uri = client.uri('ny.rev.md');
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
