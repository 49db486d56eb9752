import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goToLine, openFile, previewFrame, startEditor, type Editor } from './harness.ts';

/**
 * End-to-end in a real VS Code (code-server + headless Chromium): the packaged .vsix is
 * installed, a flawed sample report is opened, and what an auditor sees is checked. Every
 * wait is on a condition in the page, never a sleep.
 */
describe('Granska in a real VS Code', function () {
  this.timeout(240_000);
  let editor: Editor;

  before(async () => {
    editor = await startEditor('samples/med-fel', { 'granska.locale': 'sv' });
    await openFile(editor.page, 'rapport-med-fel.rev.md');
  });

  after(async () => {
    await editor?.close();
  });

  it('shows the status-bar count of complete kontrollmål', async () => {
    await editor.page.locator('.statusbar-item', { hasText: '0/3 kontrollmål' }).first().waitFor({ timeout: 60_000 });
  });

  it('starts the server from the installed extension through its code cache, written after the first diagnostics', async () => {
    // The editor starts dist/server.js itself (node IPC, its own runtime); the status bar
    // above means the first diagnostics are out, so the cache must appear in the extension.
    const [installed] = fs.readdirSync(editor.extensions).filter((d) => d.startsWith('granska.granska-'));
    assert.ok(installed, `the extension is installed in ${editor.extensions}`);
    const cache = path.join(editor.extensions, installed, 'dist', 'cache');
    const deadline = Date.now() + 30_000;
    while (!(fs.existsSync(cache) && fs.readdirSync(cache).some((f) => /^server-main\..+\.bin$/.test(f)))) {
      assert.ok(Date.now() < deadline, `no code cache in ${cache}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('lists the problems in the Problems view, in Swedish, when the status-bar item is clicked', async () => {
    await editor.page.locator('.statusbar-item', { hasText: '0/3 kontrollmål' }).first().click();
    const problems = editor.page.locator('.markers-panel');
    await problems.waitFor({ timeout: 30_000 });
    await problems.getByText('Kontrollmål 4 saknar bedömning', { exact: false }).first().waitFor({ timeout: 30_000 });
    await problems.getByText('"Delvis uppfylld" finns inte i skalan', { exact: false }).first().waitFor({ timeout: 30_000 });
  });

  it('clears a problem when an edit fixes it, and keeps the rest after saving', async () => {
    const page = editor.page;
    // Go to «### Bedömning: Delvis uppfylld» (line 37) and correct the grade.
    await goToLine(page, '37');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('t');
    const problems = page.locator('.markers-panel');
    await problems.getByText('"Delvis uppfylld" finns inte i skalan', { exact: false }).first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.keyboard.press('Control+S');
    await page.locator('.tab.dirty').first().waitFor({ state: 'detached', timeout: 30_000 });
    await problems.getByText('Kontrollmål 4 saknar bedömning', { exact: false }).first().waitFor({ timeout: 30_000 });
    const text = await problems.innerText();
    assert.ok(!text.includes('Delvis uppfylld'), text);
  });

  it('opens the Granska preview beside the report with Ctrl+K V, and shows an edit there', async () => {
    const page = editor.page;
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('v');
    const preview = previewFrame(page);
    await preview.locator('h2', { hasText: 'Kontrollmål 4' }).first().waitFor({ timeout: 60_000 });
    // A draft: the title page carries the UTKAST mark.
    await preview.locator('.title-page .draft-mark', { hasText: 'UTKAST' }).waitFor();
    // Back in the report, add a line and see it rendered.
    await goToLine(page, '37');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Förhandsvisningen följer med.');
    await preview.getByText('Förhandsvisningen följer med.').first().waitFor({ timeout: 30_000 });
  });
});
