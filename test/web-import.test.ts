import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { exportDocument } from '../server/src/render/export.ts';
import { ROOT } from './helpers/lint.ts';

/**
 * «Importera från Word» runs in the extension's client, which in VS Code for the Web is a
 * web worker. The import (mammoth's browser build) is bundled as the web client bundles it
 * and run in a realm with a worker's globals only: no `Buffer`, `require` or file system.
 */
describe('Word import in the browser build', function () {
  this.timeout(120_000);

  it('turns a Word file into the dialect without Node', async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(ROOT, 'server', 'src', 'import', 'docx.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'granskaImport',
      // As esbuild.mjs builds dist/web/extension.js.
      platform: 'browser',
      target: 'es2022',
      mainFields: ['browser', 'module', 'main'],
      conditions: ['worker'],
      logLevel: 'silent',
    });
    const source = fs.readFileSync(path.join(ROOT, 'samples', 'hultsfred-2021', 'granskning-hemtjanst.rev.md'), 'utf8');
    const { bytes } = await exportDocument(parseWithConfig(source), 'docx');
    const scope: Record<string, unknown> = { TextEncoder, TextDecoder, console, setTimeout, clearTimeout, queueMicrotask, URL, atob, btoa };
    scope.self = scope;
    const realm = vm.createContext(scope);
    vm.runInContext(result.outputFiles[0].text, realm);
    realm.input = new Uint8Array(bytes);
    const imported = await (vm.runInContext('granskaImport.importDocx(input, { imageFolder: "bilder" })', realm) as Promise<{ text: string }>);
    assert.match(imported.text, /^---\n/);
    assert.match(imported.text, /\n# .*Sammanfattning/i);
    assert.match(imported.text, /\[\^1\]/, 'footnotes come back as footnotes');
  });
});
