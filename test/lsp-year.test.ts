import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILDS, type ServerUnderTest } from './helpers/server-under-test.ts';
import { ROOT } from './helpers/lint.ts';

const codes = (d: { code?: string | number }[]) => d.map((x) => x.code).sort();

for (const build of BUILDS) describe(`language server: the audit year across files (${build.name})`, function () {
  let client: ServerUnderTest;
  const report = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');

  before(function () {
    if (!build.built()) this.skip();
  });

  beforeEach(() => {
    client = build.start();
  });

  afterEach(async () => {
    await client.shutdown();
  });

  const open = (name: string, text: string, version = 1): string => client.open(name, text, 'granska', version);

  it('reads and watches the beslutsregister: unlisted decisions, then the register fixed, then broken', async () => {
    const csvUri = client.uri('beslut.csv');
    client.write('beslut.csv', 'organ;paragraf;datum;rubrik\r\nKF;16;2015-02-23;Program\r\n');
    await client.initialize();
    const uri = open('rapport.rev.md', report);
    const first = await client.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(first), ['beslut-okant']);
    assert.match(String(first[0].message), /KF § 155\/2015-12-14" finns inte i beslutsregistret/);

    client.write('beslut.csv', 'organ;paragraf;datum;rubrik\r\nKF;16;2015-02-23;Program\r\nKF;155;2015-12-14;Enhet\r\n');
    let since = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: csvUri, type: 2 }] });
    // Waited for by content: the dictionary's arrival may first republish the findings the
    // server had before it was told of the change.
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0, since), []);

    client.write('beslut.csv', 'organ;paragraf;rubrik\r\nKF;16;Program\r\n');
    since = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: csvUri, type: 2 }] });
    const onRegister = await client.diagnostics(csvUri, (d) => d.length > 0);
    assert.deepEqual(onRegister.map((d) => [d.code, d.range.start.line]), [['beslutsregister', 0]]);
    // An unusable register checks nothing, rather than flagging every reference.
    assert.deepEqual(await client.diagnostics(uri, () => true, since), []);
  });

  it('checks a missiv against its report as the report is edited, unsaved, and hovers the report\'s grades', async () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'rules');
    const missiv = fs.readFileSync(path.join(fixtures, 'missiv-avvikelse.ren.rev.md'), 'utf8');
    await client.initialize();
    const reportUri = open('granskning-integration.rev.md', report);
    const missivUri = open('missiv.rev.md', missiv);
    assert.deepEqual(await client.diagnostics(missivUri), []);
    // The report's kommun changes in the editor only: the missiv now disagrees with it.
    const since = client.notifications(missivUri).length;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: reportUri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 18 } }, text: 'Vimmerby' }],
    });
    const changed = await client.diagnostics(missivUri, (d) => d.length > 0, since);
    assert.deepEqual(changed.map((d) => [d.code, d.range.start.line]), [['missiv-avvikelse', 2]]);
    assert.match(String(changed[0].message), /"Vimmerby kommun"/);
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: missivUri }, position: { line: 9, character: 2 } })) as { contents: { value: string } };
    assert.match(h.contents.value, /Kontrollmål 1: \*\*Uppfyllt\*\*/);
    assert.match(h.contents.value, /Kontrollmål 2: \*\*Delvis uppfyllt\*\*/);
  });

  it('answers granska/newMissiv with a missiv filled from the open report\'s current version', async () => {
    await client.initialize();
    const uri = open('granskning-integration.rev.md', report);
    await client.diagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 27 } }, text: 'socialnämnden' }],
    });
    const made = (await client.connection.sendRequest('granska/newMissiv', { uri })) as { fileName: string; text: string };
    assert.equal(made.fileName, 'missiv-granskning-integration.rev.md');
    assert.match(made.text, /^till: \[socialnämnden\]$/m);
    assert.match(made.text, /^rapport: granskning-integration\.rev\.md$/m);
  });

  it('updates an uppföljning\'s diagnostics as its earlier report is edited, unsaved, and jumps to the earlier recommendation', async () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'rules');
    const followUp = fs.readFileSync(path.join(fixtures, 'uppfoljning-rekommendation.ren.rev.md'), 'utf8');
    await client.initialize();
    const earlierUri = open('granskning-integration.rev.md', report);
    const uri = open('uppfoljning.rev.md', followUp);
    assert.deepEqual(await client.diagnostics(uri), []);
    const line = report.split('\n').indexOf('- Dokumentera genomförd återrapportering i protokollen.');
    const since = client.notifications(uri).length;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: earlierUri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 43 }, end: { line, character: 54 } }, text: 'nämndens protokoll' }],
    });
    const changed = await client.diagnostics(uri, (d) => d.length > 0, since);
    assert.deepEqual(changed.map((d) => d.code), ['uppfoljning-rekommendation']);
    assert.match(String(changed[0].message), /"Dokumentera genomförd återrapportering i nämndens protokoll\."/);
    // Undone in the editor, the uppföljning is clean again, still without a save.
    const again = client.notifications(uri).length;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: earlierUri, version: 3 },
      contentChanges: [{ range: { start: { line, character: 43 }, end: { line, character: 61 } }, text: 'protokollen' }],
    });
    // Waited for by content: the dictionary's arrival may republish the uppföljning as it was
    // against version 2 before the server has read version 3.
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0, again), []);
    const row = followUp.split('\n').findIndex((l) => l.startsWith('| Dokumentera'));
    const loc = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: row, character: 5 } })) as { uri: string; range: { start: { line: number } } };
    assert.equal(loc.uri, earlierUri);
    assert.equal(loc.range.start.line, line);
  });
});
