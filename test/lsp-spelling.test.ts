import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-types';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

const spelling = (d: Diagnostic[]) => d.filter((x) => x.code === 'stavning');
const wordOf = (d: Diagnostic) => String(d.message).match(/"([^"]+)"/)![1];

describe('spelling over stdio (dist/server.js)', function () {
  let dir: string;
  let client: LspClient;
  const report = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');
  // Line 13 of the fixture is prose; a misspelt word and a name go at its end.
  const lines = report.split('\n');
  const line = lines.findIndex((l) => l.startsWith('Vi bedömer'));
  const text = [...lines.slice(0, line + 1), '', 'Nämnden har inte genomfört någon uppfölning av Qwrtplhuset.', ...lines.slice(line + 1)].join('\n');
  const typoLine = line + 2;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lsp-stavning-'));
    client = new LspClient();
  });

  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function open(name: string, body: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    const uri = pathToFileURL(file).href;
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: body } });
    return uri;
  }

  it('publishes structure first, then republishes with spelling once the dictionary is loaded', async () => {
    await client.initialize('sv', pathToFileURL(dir).href);
    const uri = open('rapport.rev.md', text);
    const first = await client.diagnostics(uri);
    assert.deepEqual(spelling(first), [], 'the first diagnostics do not wait for the dictionary');
    const later = await client.diagnostics(uri, (d) => spelling(d).length > 0);
    assert.deepEqual(spelling(later).map((d) => [d.range.start.line, wordOf(d), d.severity]), [
      [typoLine, 'uppfölning', 3],
      [typoLine, 'Qwrtplhuset', 3],
    ]);
  });

  it('offers suggestions that replace the word, and «add to the word list» clears the diagnostic', async () => {
    await client.initialize('sv', pathToFileURL(dir).href, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
    const uri = open('rapport.rev.md', text);
    const found = spelling(await client.diagnostics(uri, (d) => spelling(d).length > 0));
    const typo = found.find((d) => String(d.message).includes('uppfölning'))!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: typo.range,
      context: { diagnostics: [typo], only: ['quickfix'] },
    })) as CodeAction[];
    const change = actions.find((a) => a.title === 'Ändra till "uppföljning"');
    assert.ok(change, actions.map((a) => a.title).join(', '));
    const edit = change.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(edit.textDocument.version, 1);
    assert.deepEqual(edit.edits[0], { range: typo.range, newText: 'uppföljning' });

    const name = found.find((d) => String(d.message).includes('Qwrtplhuset'))!;
    const nameActions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: name.range,
      context: { diagnostics: [name], only: ['quickfix'] },
    })) as CodeAction[];
    const add = nameActions.find((a) => a.title === 'Lägg till "Qwrtplhuset" i ordlistan')!;
    assert.equal(add.command?.command, 'granska.addWord');
    const since = client.notifications(uri).length;
    await client.connection.sendRequest('workspace/executeCommand', { command: add.command.command, arguments: add.command.arguments });
    assert.equal(fs.readFileSync(path.join(dir, 'ordlista.txt'), 'utf8'), 'Qwrtplhuset\n');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, '.granskarc.json'), 'utf8')), { ord: 'ordlista.txt' });
    const after = await client.diagnostics(uri, () => true, since);
    assert.deepEqual(spelling(after).map((d) => wordOf(d)), ['uppfölning']);

    // The word file edited by hand: the editor reports the change and the server reads it again.
    fs.appendFileSync(path.join(dir, 'ordlista.txt'), 'uppfölning\n');
    const since2 = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'ordlista.txt')).href, type: 2 }] });
    assert.deepEqual(spelling(await client.diagnostics(uri, () => true, since2)), []);
  });

  it('follows granska.stavning and granska.ordlista per folder', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(a, 'egna-ord.txt'), 'Qwrtplhuset\n');
    client.settings = (scopeUri) => (scopeUri?.startsWith(`${pathToFileURL(b).href}/`) ? { stavning: false } : { ordlista: 'egna-ord.txt' });
    await client.initialize('sv', null, [{ uri: pathToFileURL(a).href, name: 'a' }, { uri: pathToFileURL(b).href, name: 'b' }]);
    const inA = open('a/rapport.rev.md', text);
    const inB = open('b/rapport.rev.md', text);
    const found = await client.diagnostics(inA, (d) => spelling(d).length > 0);
    assert.deepEqual(spelling(found).map(wordOf), ['uppfölning'], 'the word file of the setting is read');
    // Folder b has spelling off: once a has spelling, b has been checked again without it.
    assert.deepEqual(spelling(await client.diagnostics(inB)), []);
    await client.diagnostics(inB, (_, p) => client.notifications(inB).indexOf(p) >= 1);
    assert.deepEqual(client.notifications(inB).flatMap((p) => spelling(p.diagnostics)), []);
  });
});
