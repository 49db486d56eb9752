import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipEntries as entries } from './helpers/zip.ts';
import { ROOT } from './helpers/lint.ts';

describe('packaging (.vsix with @vscode/vsce)', function () {
  this.timeout(180_000);

  it('packs the bundles, grammar, snippets, icon and Marketplace README, and no node_modules', async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-vsix-'));
    const out = path.join(dir, 'granska.vsix');
    // The same vsce arguments as `npm run package`, so that the test checks what ships.
    const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package as string;
    const args = script.slice(script.indexOf('vsce package') + 'vsce package'.length).trim().split(/\s+/);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', ...args, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const files = await entries(out);
    const names = [...files.keys()];
    for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/server-main.js', 'extension/dist/render.js', 'extension/dist/hunspell.js', 'extension/dist/preview.js', 'extension/dist/web/extension.js', 'extension/dist/web/server.js', 'extension/dist/dictionaries/sv.aff', 'extension/dist/dictionaries/sv.dic', 'extension/readme.md', 'extension/images/icon.png', 'extension/syntaxes/granska.injection.tmLanguage.json', 'extension/snippets/granska.code-snippets', 'extension/l10n/bundle.l10n.sv.json', 'extension/package.nls.sv.json', 'extension/LICENSE.txt', 'extension/schemas/granskarc.schema.json']) {
      assert.ok(names.includes(f), `${f} is missing from the .vsix: ${names.join(', ')}`);
    }
    assert.ok(!names.some((n) => n.includes('node_modules/')), 'no node_modules inside');
    assert.ok(!names.some((n) => n.includes('/test/') || n.includes('/server/src/') || n.endsWith('.map')), 'no sources, tests or source maps');
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    assert.equal(manifest.main, './dist/extension.js');
    // VS Code for the Web (vscode.dev, github.dev) starts the browser build.
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.ok(!names.some((n) => n.endsWith('.meta.json')), 'no build metadata');
    // Declared truthfully: limited in virtual workspaces (the desktop checks only files on
    // disk) and in untrusted ones (the word-list setting is not used).
    assert.equal(manifest.capabilities?.virtualWorkspaces?.supported, 'limited');
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations, ['granska.ordlista']);
    assert.equal(manifest.icon, 'images/icon.png');
    const readme = files.get('extension/readme.md')!.toString('utf8');
    assert.match(readme, /^# Granska: revisionsrapporter utan luckor/);
    // VS Code shows the README of an installed .vsix from the extension's folder, so every
    // image it names must be packed next to it.
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0, 'the README shows a screenshot');
    for (const image of images) assert.ok(names.includes(`extension/${image}`), `${image} is named in the README but not packed`);
    fs.rmSync(dir, { recursive: true });
  });
});
