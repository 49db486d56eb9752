import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateReport } from '../bench/generate.ts';
import { codeActions } from '../server/src/features/code-actions.ts';
import { featureContext } from '../server/src/features/context.ts';
import { definition, prepareRename, references, rename } from '../server/src/features/navigation.ts';
import { exportOf, previewOf } from '../server/src/features/preview.ts';
import { DEFAULT_CONFIG } from '../server/src/config/config.ts';
import { readability } from '../server/src/features/status.ts';
import { BACKGROUND_CHARS } from '../server/src/lint/background.ts';
import { parseAuditDocument } from '../server/src/model/parse.ts';
import { describeStats } from '../server/src/spelling/prose.ts';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

describe('language server answers navigation in a large document from its worker (dist/server.js)', function () {
  let dir: string;
  let client: LspClient;
  const report = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-bounds-nav-'));
    // The server reports what its lint workers do, and a large document parsed on the request thread.
    process.env.GRANSKA_TRACE_BACKGROUND = '1';
    client = new LspClient();
    delete process.env.GRANSKA_TRACE_BACKGROUND;
  });

  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function open(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version: 1, text } });
    return uri;
  }

  it('answers definition, references, rename, code actions, readability and the preview of a large document without parsing it on the request thread, and a hover on another document meanwhile', async () => {
    await client.initialize();
    const small = open('rapport.rev.md', report);
    await client.diagnostics(small);
    const events: string[] = [];
    client.connection.onNotification('granska/background', (e: { uri: string; version: number; event: string }) => {
      if (e.uri.endsWith('stor.rev.md')) events.push(e.event);
    });
    // Just over the threshold, so that it goes to a worker.
    // A reference to a footnote that is not defined, at its end: a finding with a quick fix.
    const text = `${generateReport(BACKGROUND_CHARS * 1.2, 7)}\nSe KF § 16/2015-02-23[^saknas].\n`;
    const big = open('stor.rev.md', text);
    // A footnote reference in the prose (not its definition), where every navigation feature has an answer.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => !l.startsWith('[^') && /\[\^[^\]]+\](?!:)/.test(l));
    assert.ok(line >= 0, 'the generated report has a footnote reference');
    const character = lines[line].search(/\[\^[^\]]+\](?!:)/) + 2;
    const at = { textDocument: { uri: big }, position: { line, character } };

    const def = client.connection.sendRequest('textDocument/definition', at);
    const refs = client.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } });
    const prepared = client.connection.sendRequest('textDocument/prepareRename', at);
    const renamed = client.connection.sendRequest('textDocument/rename', { ...at, newName: 'omdöpt' });
    const taken = client.connection.sendRequest('textDocument/rename', { ...at, newName: 'två ord' }).then(() => null, (e: Error) => e.message);
    const stats = client.connection.sendRequest<{ text: string } | null>('granska/readability', { uri: big });
    const preview = client.connection.sendRequest<{ version: number; html: string } | null>('granska/preview', { uri: big });
    const lastLine = lines.length - 2;
    const range = { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: lines[lastLine].length } };
    const actions = client.connection.sendRequest<unknown[]>('textDocument/codeAction', { textDocument: { uri: big }, range, context: { diagnostics: [], only: ['quickfix'] } });
    // Another document's hover is answered while the large one is parsed and linted in its worker.
    const h = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: small }, position: { line: 35, character: 68 } });
    assert.match(h.contents.value, /KF § 16\/2015-02-23/);

    // The same answers as the request thread gives from a model of its own.
    const model = parseAuditDocument(text);
    const ctx = featureContext(model, { uri: big });
    const offset = model.lines.offsetAt({ line, character });
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    assert.deepEqual(await def, plain(definition(ctx, offset)));
    assert.ok(await def);
    assert.deepEqual(await refs, plain(references(ctx, offset, true)));
    assert.ok(((await refs) as unknown[]).length >= 2);
    assert.deepEqual(await prepared, plain(prepareRename(ctx, offset)));
    const edit = rename(ctx, offset, 'omdöpt')!;
    assert.deepEqual(await renamed, plain({ documentChanges: [{ textDocument: { uri: big, version: 1 }, edits: edit.changes![big] }] }));
    assert.match(String(await taken), /fotnotsetikett|footnote label/);
    const expected = readability(model, ctx.config);
    assert.equal((await stats)?.text, describeStats(expected, 'sv', expected.limit));
    assert.deepEqual(await preview, { version: 1, html: previewOf(model, ctx.config).html });
    const expectedActions = codeActions(ctx, { start: model.lines.offsetAt(range.start), end: model.lines.offsetAt(range.end), version: 1, only: ['quickfix'], diagnostics: [] });
    assert.ok(expectedActions.length > 0);
    assert.deepEqual(await actions, plain(expectedActions));

    // The answers came from the worker: the request thread never parsed the large document.
    assert.ok(events.includes('finished'));
    assert.ok(!events.includes('parsed on request thread'), events.join(', '));
  });

  it('exports a large document in a thread of its own: a hover on another document is answered first, and the export is the one the request thread makes', async () => {
    await client.initialize();
    const small = open('rapport.rev.md', report);
    await client.diagnostics(small);
    const events: string[] = [];
    client.connection.onNotification('granska/background', (e: { uri: string; event: string }) => {
      if (e.uri.endsWith('stor.rev.md')) events.push(e.event);
    });
    const text = generateReport(BACKGROUND_CHARS * 1.2, 11);
    const big = open('stor.rev.md', text);
    const order: string[] = [];
    const exported = client.connection
      .sendRequest<{ data: string; warnings: unknown[] }>('granska/export', { uri: big, format: 'html' })
      .then((r) => (order.push('export'), r));
    const hovered = client.connection
      .sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: small }, position: { line: 35, character: 68 } })
      .then((h) => (order.push('hover'), h));
    assert.match((await hovered).contents.value, /KF § 16\/2015-02-23/);
    const result = await exported;
    // The hover did not wait for the export, which parses and renders the whole report.
    assert.deepEqual(order, ['hover', 'export']);
    const expected = await exportOf(parseAuditDocument(text), 'html', DEFAULT_CONFIG, dir, dir, 'sv');
    assert.equal(Buffer.from(result.data, 'base64').toString('utf8'), Buffer.from(expected.data, 'base64').toString('utf8'));
    assert.deepEqual(result.warnings, JSON.parse(JSON.stringify(expected.warnings)));
    assert.ok(!events.includes('parsed on request thread'), events.join(', '));
  });

  it('says in Swedish why a large document cannot be exported when its Word template is missing', async () => {
    fs.writeFileSync(path.join(dir, '.granskarc.json'), '{ "wordmall": "mallar/saknas.dotx" }');
    await client.initialize();
    const big = open('stor.rev.md', generateReport(BACKGROUND_CHARS * 1.2, 12));
    const error = await client.connection.sendRequest('granska/export', { uri: big, format: 'docx' }).then(() => null, (e: Error) => e.message);
    assert.match(String(error), /saknas\.dotx/);
    assert.match(String(error), /[Ww]ordmall/);
  });
});
