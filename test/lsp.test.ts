import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { applyTextEdits } from './helpers/features.ts';
import { BUILDS, type ServerUnderTest } from './helpers/server-under-test.ts';
import { ROOT } from './helpers/lint.ts';

const codes = (d: { code?: string | number }[]) => d.map((x) => x.code).sort();
const precedes = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

for (const build of BUILDS) describe(`language server: ${build.name}`, function () {
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

  const open = (name: string, text: string, languageId = 'markdown', version = 1): string => client.open(name, text, languageId, version);

  it('publishes diagnostics after didOpen, whatever the languageId, with code and source', async () => {
    await client.initialize();
    const uri = open('rapport.rev.md', report.replace('### Bedömning: Delvis uppfyllt', '### Bedömning: Delvis uppfylld'), 'markdown');
    const d = await client.diagnostics(uri, (x) => x.length > 0);
    assert.deepEqual(codes(d), ['bedomning-motsagelse', 'bedomning-skala', 'sammanstallning']);
    const skala = d.find((x) => x.code === 'bedomning-skala')!;
    assert.equal(skala.source, 'granska');
    assert.equal(skala.range.start.line, 53);
    assert.match(String(skala.message), /finns inte i skalan "uppfyllt"/);
  });

  it('ignores files that are not audit documents', async () => {
    await client.initialize();
    const other = open('README.md', '# Hej\n\nTODO xx\n');
    const uri = open('rapport.rev.md', report, 'granska');
    await client.diagnostics(uri);
    assert.equal(client.notifications(other).length, 0);
  });

  it('applies a range edit from didChange and publishes for the new version', async () => {
    await client.initialize();
    const uri = open('rapport.rev.md', report);
    assert.deepEqual(await client.diagnostics(uri), []);
    // Replace «Uppfyllt» in «### Bedömning: Uppfyllt» (line 37) with a grade not on the scale.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 37, character: 15 }, end: { line: 37, character: 23 } }, text: 'Godkänt' }],
    });
    const d = await client.diagnostics(uri, (_, p) => p.version === 2);
    assert.deepEqual(codes(d), ['bedomning-skala', 'sammanstallning']);
    assert.match(String(d.find((x) => x.code === 'bedomning-skala')!.message), /"Godkänt" finns inte i skalan/);
  });

  it('ends a fast sequence of edits with diagnostics for the final text only', async () => {
    await client.initialize();
    const uri = open('rapport.rev.md', report);
    await client.diagnostics(uri);
    const since = client.notifications(uri).length;
    // Type «TODO» one character at a time at the end of line 13, then delete it again
    // and add a footnote reference without a definition.
    const line = 13;
    const col = report.split('\n')[line].length;
    let version = 1;
    for (const [i, ch] of [...'TODO'].entries()) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character: col + i }, end: { line, character: col + i } }, text: ch }],
      });
    }
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 4 } }, text: '[^9]' }],
    });
    const d = await client.diagnostics(uri, (_, p) => p.version === version, since);
    assert.deepEqual(codes(d), ['fotnot-odefinierad']);
    const after = client.notifications(uri).slice(since);
    // Debouncing: no diagnostics were published for the intermediate versions. Version 1 may
    // be published again, unchanged (this report has no spelling findings), when the
    // dictionary becomes ready before the server has read the edits: it was still current then.
    const first = client.notifications(uri)[0];
    assert.ok(after.every((p) => p.version === version || p.version === 1), `published versions: ${after.map((p) => p.version).join(', ')}`);
    for (const p of after.filter((x) => x.version === 1)) assert.deepEqual(p.diagnostics, first.diagnostics, 'version 1 published again with other diagnostics');
    const versions = after.map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'an older version published after a newer one');
    assert.ok(after.every((p) => !p.diagnostics.some((x: { code?: string | number }) => x.code === 'platshallare')));
  });

  it('publishes after didSave and clears diagnostics on didClose', async () => {
    await client.initialize();
    const uri = open('rapport.rev.md', report.replace('Inga rekommendationer.', 'TODO'));
    await client.diagnostics(uri, (d) => d.length > 0);
    const since = client.notifications(uri).length;
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.ok((await client.diagnostics(uri, () => true, since)).length > 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.diagnostics(uri, (d) => d.length === 0, since + 1);
  });

  it('validates only on save when granska.validate is onSave', async () => {
    client.settings = { validate: 'onSave' };
    await client.initialize();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = open('rapport.rev.md', report);
    await client.diagnostics(uri);
    const since = client.notifications(uri).length;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: report.replace('Inga rekommendationer.', 'TODO') }] });
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const d = await client.diagnostics(uri, (_, p) => p.version === 2, since);
    assert.ok(d.some((x) => x.code === 'platshallare'));
    // Besides version 2, only version 1 may come again, unchanged, when the dictionary
    // becomes ready before the server has read the edit.
    const first = client.notifications(uri)[0];
    for (const p of client.notifications(uri).slice(since)) {
      if (p.version !== 2) assert.deepEqual([p.version, p.diagnostics], [1, first.diagnostics]);
    }
  });

  it('reads .granskarc.json, reloads it when it changes, and reports an invalid one in that file', async () => {
    await client.initialize();
    const text = report.replace('[^2]: KF § 155/2015-12-14', '[^2]: KF 2015-12-14 § 155');
    const uri = open('rapport.rev.md', text);
    assert.deepEqual(await client.diagnostics(uri), []);
    client.write('.granskarc.json', '{ "regler": { "referens-stil": "warning" } }');
    const rcUri = client.uri('.granskarc.json');
    let since = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 1 }] });
    // Waited for by content: the server may also republish the old findings (when its dictionary becomes ready).
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.some((x) => x.code === 'referens-stil'), since)), ['referens-stil']);
    client.write('.granskarc.json', '{ "regler": { "referens-stil": "loud" } }');
    since = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
    const problems = await client.diagnostics(rcUri, (d) => d.length > 0);
    assert.equal(problems[0].code, 'konfiguration');
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0, since), []);
  });

  it('serves a multi-root workspace: each folder with its own .granskarc.json and settings', async () => {
    // Folder «revision-a» enables the house-style rule and checks while typing; folder
    // «revision-b» has no configuration file, checks only on save, and wants English.
    client.mkdir('revision-a');
    client.mkdir('revision-b');
    client.write('revision-a/.granskarc.json', '{ "regler": { "referens-stil": "warning" } }');
    const folderB = client.uri('revision-b');
    client.settings = (scopeUri) => (scopeUri?.startsWith(`${folderB}/`) ? { validate: 'onSave', locale: 'en' } : { validate: 'onType', locale: 'sv' });
    await client.initialize('sv', [{ path: 'revision-a', name: 'revision-a' }, { path: 'revision-b', name: 'revision-b' }]);
    const text = report.replace('[^2]: KF § 155/2015-12-14', '[^2]: KF 2015-12-14 § 155');
    const a = open('revision-a/rapport.rev.md', text);
    const b = open('revision-b/rapport.rev.md', text);
    assert.deepEqual(codes(await client.diagnostics(a)), ['referens-stil']);
    assert.deepEqual(await client.diagnostics(b), []);
    // An edit that removes a grade: folder A reports it at once, folder B only on save, in English.
    const line = text.split('\n').findIndex((l) => l.startsWith('### Bedömning'));
    const edit = (uri: string) => client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
    });
    const sinceB = client.notifications(b).length;
    // B first: were it checked while typing, its diagnostics would come before A's.
    await edit(b);
    await edit(a);
    const after = await client.diagnostics(a, (d) => d.some((x) => x.code === 'kontrollmal-bedomning'));
    assert.match(String(after.find((x) => x.code === 'kontrollmal-bedomning')!.message), /saknar bedömning/);
    // Nothing is published for B's edited version before it is saved (the old version may be
    // published again, with spelling, when the dictionary becomes ready).
    assert.ok(client.notifications(b).slice(sinceB).every((p) => p.version !== 2), 'folder B checks only on save');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: b } });
    const saved = await client.diagnostics(b, (d) => d.length > 0, sinceB);
    assert.deepEqual(codes(saved).includes('referens-stil'), false);
    assert.match(String(saved.find((x) => x.code === 'kontrollmal-bedomning')!.message), /has no assessment/);
  });

  it('speaks English when the client locale is English', async () => {
    await client.initialize('en-US');
    const uri = open('rapport.rev.md', report.replace('### Bedömning: Uppfyllt', '### Bedömning:'));
    const d = await client.diagnostics(uri, (x) => x.length > 0);
    assert.match(String(d.find((x) => x.code === 'bedomning-skala')!.message), /has no grade/);
  });

  it('answers granska/status with the complete kontrollmål of a report', async () => {
    await client.initialize();
    const uri = open('rapport.rev.md', report.replace('[^2]: KF', '[^2]: KS'));
    await client.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(await client.connection.sendRequest('granska/status', { uri }), { total: 2, complete: 1 });
  });

  it('renders the current version for the preview, also while the document is invalid, and exports it', async () => {
    await client.initialize();
    const uri = open('rapport.rev.md', report);
    await client.diagnostics(uri);
    type Preview = { version: number; html: string; title: string };
    const first = await client.connection.sendRequest<Preview>('granska/preview', { uri });
    assert.equal(first.version, 1);
    assert.match(first.html, /^<article class="granska-report report/);
    assert.match(first.html, /class="grade grade-/);
    // Break the frontmatter and add a script: the preview still renders, without the script.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: report.replace(/^---\n/, '---\ntyp: [\n') + '\nNytt stycke<script>alert(1)</script>.\n' }],
    });
    const second = await client.connection.sendRequest<Preview>('granska/preview', { uri });
    assert.equal(second.version, 2);
    assert.match(second.html, /Nytt stycke/);
    assert.doesNotMatch(second.html, /<script/);
    const docx = await client.connection.sendRequest<{ data: string }>('granska/export', { uri, format: 'docx' });
    assert.equal(Buffer.from(docx.data, 'base64').subarray(0, 2).toString(), 'PK');
    const html = await client.connection.sendRequest<{ data: string }>('granska/export', { uri, format: 'html' });
    assert.match(Buffer.from(html.data, 'base64').toString('utf8'), /^<!DOCTYPE html>[\s\S]*Nytt stycke/);
    if (client.build === 'node') {
      const pdf = await client.connection.sendRequest<{ data: string }>('granska/export', { uri, format: 'pdf' });
      assert.equal(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString(), '%PDF-');
    } else {
      // The PDF engine (Chromium driven from Node) cannot run in a browser's worker: the
      // browser build says so instead of failing obscurely.
      await assert.rejects(client.connection.sendRequest('granska/export', { uri, format: 'pdf' }), /PDF kan bara skapas i VS Code på datorn/);
    }
    await assert.rejects(client.connection.sendRequest('granska/export', { uri, format: 'odt' }), /unknown format/);
    assert.equal(await client.connection.sendRequest('granska/preview', { uri: uri.replace('rapport', 'okänd') }), null);
  });

  it('speaks Swedish in an English editor when granska.locale is sv', async () => {
    client.settings = { locale: 'sv' };
    await client.initialize('en');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = open('rapport.rev.md', report.replace('### Bedömning: Uppfyllt', '### Bedömning:'));
    const d = await client.diagnostics(uri, (x) => x.some((y) => /saknar grad/.test(String(y.message))));
    assert.ok(d.some((x) => x.code === 'bedomning-skala'));
  });

  // The missiv agrees with the report it names (kommun, title, recipients), so that once the
  // report exists nothing is left to report (missiv-avvikelse compares them since v2).
  it('counts a report that is open but not yet saved as existing for the missiv', async () => {
    await client.initialize();
    const missiv = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'missiv-avvikelse.ren.rev.md'), 'utf8');
    const uri = open('missiv.rev.md', missiv);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['missiv-rapport']);
    const since = client.notifications(uri).length;
    const reportUri = client.uri('granskning-integration.rev.md');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: reportUri, languageId: 'granska', version: 1, text: report } });
    // Waited for by content: the dictionary's arrival may first republish the missiv as it was.
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0, since), []);
  });

  it('checks the report a missiv names on disk', async () => {
    await client.initialize();
    const missiv = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'missiv-avvikelse.ren.rev.md'), 'utf8');
    const uri = open('missiv.rev.md', missiv);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['missiv-rapport']);
    client.write('granskning-integration.rev.md', report);
    const since = client.notifications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('granskning-integration.rev.md'), type: 1 }] });
    // Waited for by content: the dictionary's arrival may first republish the missiv as it was.
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0, since), []);
  });

  describe('editor features', () => {
    const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;

    it('completes grades after "### Bedömning: " and footnote labels after "[^"', async () => {
      const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
      assert.ok(init.capabilities.completionProvider && init.capabilities.hoverProvider && init.capabilities.renameProvider && init.capabilities.codeActionProvider);
      const uri = open('rapport.rev.md', report.replace('### Bedömning: Delvis uppfyllt', '### Bedömning: '));
      const grades = await request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 53, character: 15 } });
      assert.deepEqual(grades.map((g) => g.label), ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt']);
      const labels = await request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 35, character: 68 } });
      assert.deepEqual(labels.map((l) => l.label), ['1', '2', '3']);
      const prose = await request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 5 } });
      assert.equal(prose.length, 0, 'no completion in running prose');
    });

    it('hovers a footnote reference with its decision, and goes to its definition', async () => {
      await client.initialize();
      const uri = open('rapport.rev.md', report);
      const h = await request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 35, character: 68 } });
      assert.match(h.contents.value, /KF § 16\/2015-02-23/);
      assert.match(h.contents.value, /kommunfullmäktige/);
      const def = await request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', { textDocument: { uri }, position: { line: 49, character: 61 } });
      assert.equal(def.uri, uri);
      assert.equal(def.range.start.line, 64);
    });

    it('renames a footnote label with an edit tied to the document version, and refuses a bad name', async () => {
      await client.initialize();
      const uri = open('rapport.rev.md', report, 'granska', 4);
      const edit = await request<{ documentChanges: { textDocument: { version: number }; edits: { range: { start: { line: number } }; newText: string }[] }[] }>('textDocument/rename', { textDocument: { uri }, position: { line: 35, character: 68 }, newName: 'program' });
      assert.equal(edit.documentChanges[0].textDocument.version, 4);
      assert.deepEqual(edit.documentChanges[0].edits.map((e) => [e.range.start.line, e.newText]), [[35, 'program'], [39, 'program'], [63, 'program']]);
      await assert.rejects(request('textDocument/rename', { textDocument: { uri }, position: { line: 35, character: 68 }, newName: 'två ord' }), /kan inte vara en fotnotsetikett/);
    });

    it('indexes the workspace: decisions cited in other reports are offered and found', async () => {
      client.write('äldre/bygglov.rev.md', '---\ntyp: granskningsrapport\ntitel: Bygglov\n---\n\n# Iakttagelser och bedömningar\n\n## Kontrollmål 1: Handläggs bygglov i tid?\n\n### Bedömning: Ej uppfyllt\n\nText.[^1]\n\n[^1]: KF § 16/2015-02-23 — Program för förbättrad asyl och integration\n');
      await client.initialize('sv', [{ path: '', name: 'ws' }]);
      const uri = open('rapport.rev.md', report.replace('[^2]: KF § 155/2015-12-14', '[^2]: '));
      // The index is built in the background after `initialized`: ask until it answers.
      let items: { label: string }[] = [];
      for (let i = 0; i < 100 && !items.some((x) => x.label.includes('Program för förbättrad')); i++) {
        items = await request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 64, character: 6 } });
        if (!items.some((x) => x.label.includes('Program för förbättrad'))) await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(items.some((x) => x.label === 'KF § 16/2015-02-23 — Program för förbättrad asyl och integration'), JSON.stringify(items.map((x) => x.label)));
      const refs = await request<{ uri: string }[]>('textDocument/references', { textDocument: { uri }, position: { line: 63, character: 9 }, context: { includeDeclaration: true } });
      assert.deepEqual(refs.map((r) => path.basename(decodeURIComponent(r.uri))), ['rapport.rev.md', 'bygglov.rev.md']);
      const symbols = await request<{ name: string }[]>('workspace/symbol', { query: 'bygglov' });
      assert.deepEqual(symbols.map((x) => x.name), ['Kontrollmål 1: Handläggs bygglov i tid? — Ej uppfyllt']);
    });

    it('fixes everything safe at once (source.fixAll), and what it fixed is gone', async () => {
      await client.initialize();
      // The heading says «Ej uppfyllt», the summary table «Delvis uppfyllt»: a safe fix.
      const text = report.replace('### Bedömning: Delvis uppfyllt', '### Bedömning: Ej uppfyllt');
      const uri = open('rapport.rev.md', text, 'granska', 3);
      // The motivation still reads as «Delvis»: that contradiction is the auditor's to settle, no fix.
      assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length > 0)), ['bedomning-motsagelse', 'sammanstallning']);
      const actions = await request<{ kind: string; edit: { documentChanges: { textDocument: { version: number }; edits: TextEdit[] }[] } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.granska']);
      const change = actions[0].edit.documentChanges[0];
      assert.equal(change.textDocument.version, 3);
      const fixed = applyTextEdits(text, change.edits);
      assert.match(fixed, /^\| Kontrollmål 2 \| Ej uppfyllt \|$/m);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: fixed }] });
      assert.deepEqual(codes(await client.diagnostics(uri, (_, p) => p.version === 4)), ['bedomning-motsagelse']);
    });

    it('outlines, folds and annotates the report, also while a heading ends in spaces', async () => {
      await client.initialize();
      // «### Bedömning:   » as it is being typed: trailing spaces, and no motivation under it yet.
      const uri = open('rapport.rev.md', report.replace('### Bedömning: Uppfyllt\n\nVi bedömer att det finns mål och aktiviteter enligt programmet.[^1]\n', '### Bedömning:   \n'));
      await client.diagnostics(uri);
      const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((s) => s.name), ['Frontmatter', 'Sammanfattning och revisionell bedömning', 'Inledning', 'Iakttagelser och bedömningar']);
      const objectives = symbols[3].children!;
      assert.deepEqual(objectives.map((s) => s.detail), ['saknar bedömning', 'Delvis uppfyllt']);
      assert.deepEqual(objectives[0].children!.map((s) => s.name), ['Iakttagelser', 'Bedömning:', 'Rekommendationer']);
      // What VS Code checks before it shows any of the outline.
      const within = (inner: Range, outer: Range) => !precedes(inner.start, outer.start) && !precedes(outer.end, inner.end);
      const walk = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [...(within(s.selectionRange, s.range) ? [] : [s.name]), ...walk(s.children ?? [])]);
      assert.deepEqual(walk(symbols), [], 'every selectionRange lies within its range');

      const folds = await request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
      // The frontmatter, a chapter and a kontrollmål fold.
      const folded = folds.map((f) => `${f.startLine}-${f.endLine}`);
      for (const r of ['0-6', '29-59', '43-59']) assert.ok(folded.includes(r), `${r} in ${folded.join(', ')}`);

      const lenses = await request<{ range: Range; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]), [
        [31, '⚠ "" finns inte på skalan · inga rekommendationer · 1 KF-referens'],
        [43, 'Delvis uppfyllt · 1 rekommendation · 1 KF-referens'],
      ]);
    });

    it('offers quick fixes for the version they were computed for', async () => {
      await client.initialize();
      const uri = open('rapport.rev.md', report.replace('### Bedömning: Delvis uppfyllt', '### Bedömning: Delvis uppfylt'), 'granska', 1);
      await client.diagnostics(uri, (d) => d.some((x) => x.code === 'bedomning-skala'));
      // The document changes before the light bulb is asked: the fix must be for version 2.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'Ny rad.\n\n' }],
      });
      const actions = await request<{ title: string; kind: string; edit: { documentChanges: { textDocument: { version: number }; edits: { range: { start: { line: number } }; newText: string }[] }[] } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 55, character: 15 }, end: { line: 55, character: 15 } },
        context: { diagnostics: [] },
      });
      const fix = actions.find((a) => a.title === 'Ändra till "Delvis uppfyllt"')!;
      assert.equal(fix.kind, 'quickfix');
      assert.equal(fix.edit.documentChanges[0].textDocument.version, 2);
      assert.deepEqual(fix.edit.documentChanges[0].edits.map((e) => [e.range.start.line, e.newText]), [[55, 'Delvis uppfyllt']]);
    });
  });
});
