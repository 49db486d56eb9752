import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, SymbolInformation } from 'vscode-languageserver-types';
import { MemoryFiles } from '../server/src/io/memory-files.ts';
import { lintFile, ROOT } from './helpers/lint.ts';
import { solidPng } from './helpers/png.ts';
import { fromBase64, WebWorkerServer } from './helpers/web-worker.ts';

/**
 * The browser build's language server (`dist/web/server.js`) in a worker's realm, with no
 * disk: every file it reads comes through the `granska/fs/*` requests, answered here from
 * memory as VS Code for the Web answers them from its file systems.
 */
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8').replace(/⟦[^⟧]*⟧/g, '');
const codes = (d: Diagnostic[]) => [...new Set(d.map((x) => String(x.code)))].sort();

describe('the browser build of the language server (dist/web/server.js in a worker realm)', function () {
  let server: WebWorkerServer | undefined;

  afterEach(async () => {
    await server?.shutdown();
    server = undefined;
  });

  it('checks a report with the configuration and register the editor gives, and asks only for workspace files', async () => {
    const files = new MemoryFiles({
      '/ws/.granskarc.json': '{ "regler": { "beslut-okant": "error" } }',
      '/ws/beslut.csv': fixture('beslut-okant.beslut.csv'),
    });
    server = new WebWorkerServer(files);
    await server.initialize('/ws');
    const uri = server.open('/ws/rapporter/rapport.rev.md', fixture('beslut-okant.fel.rev.md'));
    const found = await server.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(found), ['beslut-okant']);
    assert.ok(found.every((d) => d.severity === 1), 'the configuration read through the editor made it an error');
    assert.ok(server.requests.some((r) => r.method === 'read' && r.uri.endsWith('/ws/beslut.csv')), 'the register came from the editor');
    assert.ok(server.requests.every((r) => r.uri.startsWith('vscode-test-web://mount/')), 'every request names a file of the editor\'s file system');

    // The register removed in the editor: the watched-file change makes the server look again.
    files.delete('/ws/beslut.csv');
    const since = server.notifications(uri).length;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('/ws/beslut.csv'), type: 3 }] });
    const again = await server.diagnostics(uri, (d) => !d.some((x) => x.code === 'beslut-okant'), since);
    assert.deepEqual(again, []);
  });

  it('publishes for every sample exactly what the CLI finds on disk (spelling aside)', async () => {
    const samples = path.join(ROOT, 'samples');
    const files = new MemoryFiles();
    const reports: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else {
          files.write(`/ws/${path.relative(samples, full)}`, fs.readFileSync(full));
          if (e.name.endsWith('.rev.md')) reports.push(full);
        }
      }
    };
    walk(samples);
    server = new WebWorkerServer(files);
    await server.initialize('/ws');
    const show = (d: { range: { start: { line: number } }; code?: string | number }[]) => d.filter((x) => x.code !== 'stavning').map((x) => `${x.range.start.line}:${x.code}`);
    for (const file of reports) {
      const uri = server.open(`/ws/${path.relative(samples, file)}`, fs.readFileSync(file, 'utf8'));
      assert.deepEqual(show(await server.diagnostics(uri)), show(lintFile(file)), path.relative(ROOT, file));
    }
  });

  it('finds the report a missiv names among the editor\'s files, once it is created', async () => {
    const files = new MemoryFiles({ '/ws/.granskarc.json': '{}' });
    server = new WebWorkerServer(files);
    await server.initialize('/ws');
    const uri = server.open('/ws/missiv.rev.md', fixture('missiv-rapport.fel.rev.md'));
    const first = await server.diagnostics(uri, (d) => d.length > 0);
    assert.ok(codes(first).includes('missiv-rapport'), JSON.stringify(codes(first)));
    files.write('/ws/granskning-integraton.rev.md', '---\ntyp: rapport\ntitel: Integration\n---\n\n# Sammanfattning\n');
    const since = server.notifications(uri).length;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('/ws/granskning-integraton.rev.md'), type: 1 }] });
    // Waited for by content: the dictionary's arrival may first republish the missiv as it was.
    assert.ok(!codes(await server.diagnostics(uri, (d) => !codes(d).includes('missiv-rapport'), since)).includes('missiv-rapport'));
  });

  it('indexes the workspace through the editor: workspace symbols of a report never opened', async () => {
    const files = new MemoryFiles({ '/ws/a/annan.rev.md': '---\ntitel: Granskning av bisysslor\n---\n\n# Inledning\n\n# Bisysslor i förvaltningen\n' });
    server = new WebWorkerServer(files);
    await server.initialize('/ws');
    const deadline = Date.now() + 60_000;
    let symbols: SymbolInformation[] = [];
    while (Date.now() < deadline) {
      symbols = (await server.connection.sendRequest<SymbolInformation[] | null>('workspace/symbol', { query: 'Bisysslor' })) ?? [];
      if (symbols.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(symbols.some((s) => s.location.uri === server!.uri('/ws/a/annan.rev.md')), JSON.stringify(symbols));
  });

  it('answers the «Granskningar» view from reports never opened, read through the editor', async () => {
    const folder = path.join(ROOT, 'samples', 'hultsfred-2021');
    const files = new MemoryFiles();
    for (const name of fs.readdirSync(folder)) files.write(`/ws/${name}`, fs.readFileSync(path.join(folder, name)));
    server = new WebWorkerServer(files);
    await server.initialize('/ws');
    const reports = fs.readdirSync(folder).filter((n) => n.endsWith('.rev.md'));
    const deadline = Date.now() + 60_000;
    let overview: { documents: { path: string }[] } | null = null;
    // The index is built in the background; the view asks until every report is known.
    while (Date.now() < deadline && (overview?.documents.length ?? 0) < reports.length) {
      overview = await server.connection.sendRequest<{ documents: { path: string }[] }>('granska/overview');
      if ((overview?.documents.length ?? 0) < reports.length) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(overview?.documents.map((d) => d.path).sort(), reports.map((n) => server!.uri(`/ws/${n}`)).sort());
  });

  it('previews and exports to HTML (pictures from the editor\'s files) and Word; PDF says it needs the desktop', async () => {
    const png = solidPng(4, 3, [10, 200, 10]);
    const files = new MemoryFiles({ '/ws/bilder/diagram.png': png });
    server = new WebWorkerServer(files);
    await server.initialize('/ws');
    const uri = server.open('/ws/rapport.rev.md', '---\ntitel: Granskning av bisysslor\nkommun: Ljusdals kommun\n---\n\n# Sammanfattning\n\nText.\n\n![Diagram](bilder/diagram.png)\n');
    await server.diagnostics(uri);
    const preview = await server.connection.sendRequest<{ html: string; version: number } | null>('granska/preview', { uri });
    assert.match(preview?.html ?? '', /Sammanfattning/);

    const html = await server.connection.sendRequest<{ data: string; warnings: unknown[] }>('granska/export', { uri, format: 'html' });
    const page = new TextDecoder().decode(fromBase64(html.data));
    assert.match(page, new RegExp(`data:image/png;base64,${Buffer.from(png).toString('base64').slice(0, 40).replace(/[+/]/g, '\\$&')}`));
    assert.deepEqual(html.warnings, []);

    const docx = await server.connection.sendRequest<{ data: string }>('granska/export', { uri, format: 'docx' });
    assert.deepEqual([...fromBase64(docx.data).subarray(0, 2)], [0x50, 0x4b], 'a zip file');

    await assert.rejects(server.connection.sendRequest('granska/export', { uri, format: 'pdf' }), /PDF kan bara skapas i VS Code på datorn/);
  });

  it('checks a document too large for the Node server\'s thread in the worker itself', async () => {
    server = new WebWorkerServer(new MemoryFiles({}));
    await server.initialize('/ws');
    const paragraph = 'Nämnden har inte följt upp verksamheten under året och saknar en plan för uppföljning.\n\n';
    const text = `---\ntitel: Granskning av ett mycket långt dokument\n---\n\n# Sammanfattning\n\n${paragraph.repeat(Math.ceil(520_000 / paragraph.length))}Text[^saknas].\n`;
    assert.ok(text.length > 500_000);
    const uri = server.open('/ws/stor.rev.md', text);
    const found = await server.diagnostics(uri, (d) => d.length > 0, 0, 110_000);
    assert.ok(found.some((d) => d.code === 'fotnot-odefinierad'), JSON.stringify(codes(found)));
  });

  it('adds a word to the project\'s word list through the editor', async () => {
    const files = new MemoryFiles({ '/ws/.granskarc.json': '{\n  "ord": "ord.txt"\n}\n', '/ws/ord.txt': 'Hultsfred\n' });
    server = new WebWorkerServer(files);
    await server.initialize('/ws');
    const uri = server.open('/ws/rapport.rev.md', '# Rapport\n\nText.\n');
    await server.diagnostics(uri);
    const answer = await server.connection.sendRequest<{ written: string[] }>('workspace/executeCommand', { command: 'granska.addWord', arguments: [uri, 'Qwrtplhuset'] });
    assert.deepEqual(answer.written, ['/ws/ord.txt']);
    assert.equal(server.written.get('/ws/ord.txt'), 'Hultsfred\nQwrtplhuset\n');
  });

  it('spells with the dictionary fetched from the extension\'s files', async () => {
    server = new WebWorkerServer(new MemoryFiles({}));
    await server.initialize('/ws');
    const text = fixture('granskning-integration.rev.md').replace(/^(Vi bedömer.*)$/m, '$1\n\nNämnden har inte genomfört någon uppfölning.');
    const uri = server.open('/ws/rapport.rev.md', text);
    const found = await server.diagnostics(uri, (d) => d.some((x) => x.code === 'stavning'), 0, 30_000).catch((e: Error) => assert.fail(`${e.message}\n${server!.log.join('\n')}`));
    assert.ok(found.some((d) => d.code === 'stavning' && String(d.message).includes('uppfölning')), JSON.stringify(found.map((d) => d.message)) + server.log.join('\n'));
  });
});
