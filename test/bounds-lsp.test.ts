import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateReport } from '../bench/generate.ts';
import { HOSTILE } from '../bench/hostile.ts';
import { codeActions } from '../server/src/features/code-actions.ts';
import { featureContext } from '../server/src/features/context.ts';
import { definition, prepareRename, references, rename } from '../server/src/features/navigation.ts';
import { exportOf, previewOf } from '../server/src/features/preview.ts';
import { readability } from '../server/src/features/status.ts';
import { DEFAULT_CONFIG } from '../server/src/config/config.ts';
import { describeStats } from '../server/src/spelling/prose.ts';
import { documentSymbols } from '../server/src/features/symbols.ts';
import { BACKGROUND_CHARS } from '../server/src/lint/background.ts';
import { parseAuditDocument } from '../server/src/model/parse.ts';
import { MAX_DIAGNOSTICS } from '../server/src/lint/lint.ts';
import { LspClient } from './helpers/lsp-client.ts';
import { ROOT } from './helpers/lint.ts';

describe('language server stays responsive on large hostile documents (dist/server.js)', function () {
  let dir: string;
  let client: LspClient;
  const report = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-bounds-'));
    // The server reports what its lint workers do (`granska/background`) when asked to.
    process.env.GRANSKA_TRACE_BACKGROUND = '1';
    client = new LspClient();
    delete process.env.GRANSKA_TRACE_BACKGROUND;
  });

  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The worker events the server reports (`granska/background`), and a wait for one: tests
   * wait for what the server says it did, never for a fixed time.
   */
  function backgroundEvents(): { events: { uri: string; version: number; event: string }[]; until: (ok: () => boolean) => Promise<void> } {
    const events: { uri: string; version: number; event: string }[] = [];
    const waiters: (() => void)[] = [];
    client.connection.onNotification('granska/background', (e: { uri: string; version: number; event: string }) => {
      events.push(e);
      for (const w of waiters.splice(0)) w();
    });
    const until = async (ok: () => boolean) => {
      while (!ok()) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    return { events, until };
  }

  /**
   * A document of broken text with more diagnostics than the editor is sent, just large
   * enough to be linted by a worker: its lint still takes seconds, and every test that lints
   * it costs CPU time that a loaded machine may not have (a whole megabyte took about 5 s of
   * the server's CPU time per test, so three of them overran the time-out under load).
   */
  function hostileOverThreshold(): string {
    const text = HOSTILE.find((h) => h.id === 'many-diagnostics')!.make(0.6);
    assert.ok(text.length > BACKGROUND_CHARS);
    return text;
  }

  /**
   * Starts the server with the report open and its diagnostics in; `bigEvents` gives what the
   * workers did with `stor.rev.md`, the large document the test opens next.
   */
  async function reportOpenWatchingLarge(): Promise<{ small: string; bigEvents: () => string[] }> {
    await client.initialize();
    const small = open('rapport.rev.md', report);
    await client.diagnostics(small);
    const background = backgroundEvents();
    return { small, bigEvents: () => background.events.filter((e) => e.uri.endsWith('stor.rev.md')).map((e) => e.event) };
  }

  function open(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version: 1, text } });
    return uri;
  }

  it('answers a hover on another document while over half a megabyte of broken text is linted, then sends capped diagnostics', async () => {
    const { events, until } = backgroundEvents();
    await client.initialize();
    const small = open('rapport.rev.md', report);
    await client.diagnostics(small);
    const big = open('stor.rev.md', hostileOverThreshold());
    // The hover is sent once the server has started on the large document: before, it then
    // answered nothing else until it had finished.
    await until(() => events.some((e) => e.uri === big && e.version === 1 && e.event === 'started'));
    const h = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: small }, position: { line: 35, character: 68 } });
    assert.match(h.contents.value, /KF § 16\/2015-02-23/);
    assert.equal(client.notifications(big).length, 0, 'the hover was answered before the large document was linted');
    const d = await client.diagnostics(big, (x) => x.length > 0, 0, 300_000);
    assert.equal(d.length, MAX_DIAGNOSTICS + 1);
    assert.ok(d.some((x) => /problem till som inte visas/.test(String(x.message))));
    // No diagnostic carries a fix that grows with the document.
    assert.ok(JSON.stringify(d).length < 2_000_000);
  });

  it('stops the work on an older version of a large document when a newer one arrives, and never publishes the older one', async () => {
    const { events, until } = backgroundEvents();
    await client.initialize();
    const worst = hostileOverThreshold();
    const big = open('stor.rev.md', worst);
    await until(() => events.some((e) => e.uri === big && e.version === 1 && e.event === 'started'));
    // Version 1 is in its worker (it takes seconds); version 2 replaces it.
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: big, version: 2 }, contentChanges: [{ text: worst + 'Se KF §3/2015-2-3.\n' }] });
    const d = await client.diagnostics(big, () => true, 0, 300_000);
    // The first diagnostics published are version 2's, and version 1's worker was stopped
    // (reported once its thread had ended) without finishing.
    assert.deepEqual(client.notifications(big).map((p) => p.version), [2]);
    assert.equal(d.length, MAX_DIAGNOSTICS + 1);
    await until(() => events.some((e) => e.uri === big && e.version === 1 && e.event === 'stopped'));
    assert.deepEqual(events.filter((e) => e.uri === big).map((e) => `${e.event} ${e.version}`).filter((e) => e !== 'stopped 1'), ['started 1', 'started 2', 'finished 2']);
  });

  it('answers features of a large document from its worker, while requests for other documents go first', async () => {
    await client.initialize();
    const small = open('rapport.rev.md', report);
    await client.diagnostics(small);
    const events: string[] = [];
    client.connection.onNotification('granska/background', (e: { uri: string; version: number; event: string }) => {
      if (e.uri.endsWith('stor.rev.md')) events.push(e.event);
    });
    // Just over the threshold, so that it goes to a worker (see hostileOverThreshold).
    const text = generateReport(BACKGROUND_CHARS * 1.2, 7);
    const big = open('stor.rev.md', text);
    const symbols = client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: big } });
    const folding = client.connection.sendRequest<unknown[]>('textDocument/foldingRange', { textDocument: { uri: big } });
    const status = client.connection.sendRequest<{ total: number } | null>('granska/status', { uri: big });
    const h = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: small }, position: { line: 35, character: 68 } });
    assert.match(h.contents.value, /KF § 16\/2015-02-23/);
    assert.deepEqual(await symbols, JSON.parse(JSON.stringify(documentSymbols(featureContext(parseAuditDocument(text))))));
    assert.ok((await folding).length > 100);
    assert.ok(await status);
    const hoverBig = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: big }, position: { line: text.split('\n').findIndex((l) => l.startsWith('## Kontrollmål 1:')), character: 5 } });
    assert.ok(hoverBig && hoverBig.contents.value.length > 0);
    // The answers came from the worker: the request thread never parsed the large document.
    assert.ok(events.includes('finished'));
    assert.ok(!events.includes('parsed on request thread'), events.join(', '));
  });

  it('answers definition, references, rename, code actions, readability and the preview of a large document without parsing it on the request thread, and a hover on another document meanwhile', async () => {
    const { small, bigEvents } = await reportOpenWatchingLarge();
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
    assert.ok(bigEvents().includes('finished'));
    assert.ok(!bigEvents().includes('parsed on request thread'), bigEvents().join(', '));
  });

  it('exports a large document in a thread of its own: a hover on another document is answered first, and the export is the one the request thread makes', async () => {
    const { small, bigEvents } = await reportOpenWatchingLarge();
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
    assert.ok(!bigEvents().includes('parsed on request thread'), bigEvents().join(', '));
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
