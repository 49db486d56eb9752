import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFile, previewFrame, runCommand, startEditor, type Editor } from './harness.ts';

/**
 * A report that names a picture on the web, in a real VS Code: the preview shows a
 * placeholder instead of fetching it, and the export says which picture it left out.
 */
describe('remote pictures in the preview and the export, in a real VS Code', function () {
  this.timeout(240_000);
  let editor: Editor;
  const requests: string[] = [];

  before(async () => {
    editor = await startEditor('test/fixtures/export-e2e', { 'granska.locale': 'sv' });
    // Every request of the page and its frames, the preview's webview included.
    editor.page.context().on('request', (r) => requests.push(r.url()));
    await openFile(editor.page, 'spaning.rev.md');
  });

  after(async () => {
    await editor?.close();
  });

  it('shows a placeholder in the preview that names the address, and never requests it', async () => {
    const page = editor.page;
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Granska: Open Preview to the Side');
    const preview = previewFrame(page);
    await preview.locator('.image-placeholder', { hasText: 'https://tracker.example/p.png hämtas inte från nätet' }).waitFor({ timeout: 60_000 });
    // The local picture is shown, so the page has finished loading its pictures.
    await preview.locator('img[alt="Logga"]').waitFor();
    assert.deepEqual(requests.filter((u) => u.includes('tracker.example')), []);
  });

  it('exports to HTML and says which picture was left out, by line', async () => {
    const page = editor.page;
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Granska: Export to HTML');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await page.keyboard.press('Enter');
    const target = path.join(editor.workspace, 'spaning.html');
    const toast = page.locator('.notification-toast', { hasText: /1 picture\(s\) were left out|1 bild\(er\) kom inte med/ }).first();
    await toast.waitFor({ timeout: 60_000 });
    const html = fs.readFileSync(target, 'utf8');
    assert.match(html, /src="data:image\/png;base64,/);
    assert.match(html, /Bilden https:\/\/tracker\.example\/p\.png hämtas inte från nätet/);
    // The notification leads to the picture: line 16 of the report is selected.
    await toast.locator('.monaco-button', { hasText: /Show in the report|Visa i rapporten/ }).click();
    await page.locator('.statusbar-item', { hasText: /Ln 16, Col \d+ \(\d+ selected\)/ }).first().waitFor({ timeout: 30_000 });
    assert.deepEqual(requests.filter((u) => u.includes('tracker.example')), []);
  });
});
