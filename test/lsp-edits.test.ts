import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

const BOM = '\ufeff';

/**
 * A report whose first line holds things the server answers about and edits: a footnote
 * definition (rename) with a decision reference (hover, references) and a malformed one (a
 * diagnostic, a quick fix, «fix all»).
 */
const TEXT = [
  '[^1]: KS § 12/2020-02-10 och KF §16/2015-02-23',
  '',
  '# Sammanfattning',
  '',
  'Kommunfullmäktige beslutade om programmet.[^1] Beslutet följs upp.[^2]',
  '',
  '[^2]: KS §12/2020-02-10',
  '',
].join('\n');

type Versioned = { documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[] };

/** Applies a server's edit to a buffer exactly as an editor does, BOM and all. */
function apply(text: string, edit: Versioned | null, uri: string): string {
  assert.ok(edit, 'an edit');
  const change = edit.documentChanges.find((c) => c.textDocument.uri === uri)!;
  return TextDocument.applyEdits(TextDocument.create(uri, 'granska', 1, text), change.edits);
}

/** A value with every position on line 0 one character later: where the same place is in a buffer with a BOM. */
function later<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    const p = v as Position;
    return v !== null && typeof v === 'object' && typeof p.line === 'number' && typeof p.character === 'number' && p.line === 0 ? { ...p, character: p.character + 1 } : v;
  }) as T;
}

describe('edits and positions the language server sends (issue 16): a buffer that starts with a BOM, rename', function () {
  let dir: string;
  // One server per buffer, so that neither sees the other in its workspace index.
  let plainServer: LspClient;
  let bomServer: LspClient;
  let plain: string;
  let bom: string;
  const request = <T>(method: string, params: { textDocument: { uri: string }; [key: string]: unknown }) =>
    (params.textDocument.uri === bom ? bomServer : plainServer).connection.sendRequest(method, params) as Promise<T>;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lsp-bom-'));
    plainServer = new LspClient();
    bomServer = new LspClient();
    await Promise.all([plainServer.initialize(), bomServer.initialize()]);
    // The same report twice: once as most editors hold it, once with the BOM in the buffer.
    plain = open(plainServer, 'utan-bom.rev.md', TEXT);
    bom = open(bomServer, 'med-bom.rev.md', BOM + TEXT);
  });

  afterEach(async () => {
    await Promise.all([plainServer.shutdown(), bomServer.shutdown()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function open(client: LspClient, name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version: 1, text } });
    return uri;
  }

  it('publishes diagnostics where they are in a buffer with a BOM', async () => {
    const expected = await plainServer.diagnostics(plain);
    assert.ok(expected.some((d) => d.code === 'referens-format' && d.range.start.line === 0));
    assert.deepEqual(await bomServer.diagnostics(bom), later(expected));
  });

  it('applies every quick fix and «fix all» to the buffer as to one without a BOM, keeping the BOM', async () => {
    const ask = async (uri: string, diagnostics: Diagnostic[]) => {
      const d = diagnostics.find((x) => x.code === 'referens-format' && x.range.start.line === 0)!;
      return request<{ title: string; kind: string; edit: Versioned }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    };
    const plainActions = await ask(plain, await plainServer.diagnostics(plain));
    const bomActions = await ask(bom, await bomServer.diagnostics(bom));
    assert.deepEqual(bomActions.map((a) => [a.title, a.kind]), plainActions.map((a) => [a.title, a.kind]));
    assert.ok(plainActions.some((a) => a.kind === 'quickfix') && plainActions.some((a) => a.kind === 'source.fixAll.granska'));
    plainActions.forEach((a, i) => {
      const fixed = apply(TEXT, a.edit, plain);
      assert.notEqual(fixed, TEXT);
      assert.equal(apply(BOM + TEXT, bomActions[i].edit, bom), BOM + fixed, a.title);
    });
    assert.ok(apply(BOM + TEXT, bomActions.find((a) => a.kind === 'source.fixAll.granska')!.edit, bom).startsWith(`${BOM}[^1]: KS § 12/2020-02-10 och KF § 16/2015-02-23\n`));
  });

  it('renames a label on the first line in place, keeping the BOM', async () => {
    const plainEdit = await request<Versioned>('textDocument/rename', { textDocument: { uri: plain }, position: { line: 0, character: 2 }, newName: 'program' });
    const bomEdit = await request<Versioned>('textDocument/rename', { textDocument: { uri: bom }, position: { line: 0, character: 3 }, newName: 'program' });
    const renamed = apply(TEXT, plainEdit, plain);
    assert.equal(renamed, TEXT.replaceAll('[^1]', '[^program]'));
    assert.equal(apply(BOM + TEXT, bomEdit, bom), BOM + renamed);
  });

  it('answers every position of the first line as it answers the same place without a BOM', async () => {
    await bomServer.diagnostics(bom);
    const line0 = TEXT.split('\n')[0];
    let completed: { textEdit?: unknown }[] = [];
    for (let character = 0; character <= line0.length; character++) {
      // Completion is compared on the label only: after it, decisions are offered from the
      // workspace index, whose line scan does not read a definition behind a BOM.
      const methods = ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename'];
      for (const method of character <= 4 ? [...methods, 'textDocument/completion'] : methods) {
        const params = (uri: string, c: number) => ({ textDocument: { uri }, position: { line: 0, character: c }, context: { includeDeclaration: true } });
        const answer = await request(method, params(plain, character));
        if (method === 'textDocument/references' && character === 8) assert.equal((answer as unknown[]).length, 1, 'the decision is found');
        if (method === 'textDocument/completion' && character === 3) completed = answer as { textEdit?: unknown }[];
        const expected = JSON.stringify(later(answer)).replaceAll(plain, bom);
        assert.equal(JSON.stringify(await request(method, params(bom, character + 1))), expected, `${method} at 0:${character}`);
      }
    }
    assert.ok(completed.some((item) => item.textEdit), 'a label completion on the first line edits it');
    const symbols = await request('textDocument/documentSymbol', { textDocument: { uri: plain } });
    assert.deepEqual(await request('textDocument/documentSymbol', { textDocument: { uri: bom } }), later(symbols));
  });

  it('refuses a rename that would break or merge footnotes, with the reason (issue 16, item 16)', async () => {
    const rename = (newName: string) => request('textDocument/rename', { textDocument: { uri: plain }, position: { line: 0, character: 2 }, newName });
    await assert.rejects(rename('2'), /Fotnoten \[\^2\] finns redan: att byta namn till den skulle slå ihop två fotnoter/);
    await assert.rejects(rename('program\\'), /ett \\ sist gör att \] inte längre avslutar etiketten/);
    await assert.rejects(rename('x'.repeat(1000)), /högst 999 tecken/);
    await assert.rejects(rename('två ord'), /kan inte vara en fotnotsetikett/);
  });
});
