import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { ROOT } from './helpers/lint.ts';

/**
 * The browser build (VS Code for the Web) reaches nothing of Node: the build's metafiles
 * (`dist/web/*.meta.json`, what esbuild bundled and from where) name no Node built-in, no
 * module left outside the bundle but `vscode`, and none of the Node-only modules.
 */
interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
}

/** esbuild's own helpers (`keepNames`), written into the bundle. */
const RUNTIME = '<runtime>';
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Modules that read the disk, start processes or threads, or speak LSP over Node's streams. */
const NODE_ONLY = [
  'server/src/io/node.ts',
  'server/src/io/write-file.ts',
  'server/src/render/pdf.ts',
  'server/src/lint/background.ts',
  'server/src/spelling/dictionary-node.ts',
  'server/src/spelling/host.ts',
  'server/src/renderer.ts',
  'server/src/node-server.ts',
  'server/src/cli.ts',
  'client/src/node-extension.ts',
  'node_modules/vscode-languageserver/lib/node/',
  'node_modules/vscode-languageclient/lib/node/',
  'node_modules/vscode-jsonrpc/lib/node/',
];

for (const [bundle, allowedExternal] of [['server', []], ['extension', ['vscode']]] as const) {
  describe(`the browser bundle dist/web/${bundle}.js`, () => {
    const metafile = (): Metafile => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'web', `${bundle}.meta.json`), 'utf8')) as Metafile;

    it('imports no Node built-in and leaves nothing outside the bundle but the editor\'s API', () => {
      const outside = Object.entries(metafile().inputs).flatMap(([from, input]) => input.imports.filter((i) => (i.external && i.path !== RUNTIME) || BUILTINS.has(i.path)).map((i) => `${from} → ${i.path}`));
      assert.deepEqual(outside.filter((o) => !allowedExternal.some((a) => o.endsWith(`→ ${a}`))), []);
    });

    it('contains none of the Node-only modules', () => {
      const inputs = Object.keys(metafile().inputs);
      assert.deepEqual(inputs.filter((i) => NODE_ONLY.some((n) => i.startsWith(n))), []);
      // A package's `browser` field may stub out a built-in it needs: nothing may lean on one.
      assert.deepEqual(inputs.filter((i) => i.startsWith('(disabled)')), []);
      assert.ok(inputs.length > 100, 'the metafile lists the bundle\'s inputs');
    });
  });
}

describe('the browser bundles share the core with the Node build', () => {
  it('bundle the model, the rules, the renderer, Word export and spelling into the worker, and the import into the client', () => {
    const server = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'web', 'server.meta.json'), 'utf8')) as Metafile).inputs);
    for (const core of ['server/src/model/parse.ts', 'server/src/lint/lint.ts', 'server/src/render/report.ts', 'server/src/render/docx.ts', 'server/src/spelling/engine.ts', 'server/src/server.ts', 'server/src/io/no-disk.ts', 'server/src/render/pdf-web.ts']) {
      assert.ok(server.includes(core), `${core} is in the worker's bundle`);
    }
    const client = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'web', 'extension.meta.json'), 'utf8')) as Metafile).inputs);
    for (const shared of ['client/src/extension.ts', 'client/src/preview.ts', 'client/src/export.ts', 'client/src/granskningar.ts', 'server/src/import/docx.ts']) {
      assert.ok(client.includes(shared), `${shared} is in the web client's bundle`);
    }
  });
});
