import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { goToLine, openFile, startEditor, type Editor } from './harness.ts';

/**
 * Writing with Granska in a real VS Code: a completion accepted from the suggest widget, a
 * quick fix taken from the light bulb, and the missiv snippet. Each result is checked in
 * the saved file, exactly as the auditor's disk would hold it.
 */
describe('Writing a report with Granska in a real VS Code', function () {
  this.timeout(240_000);
  let editor: Editor;
  const file = (name: string) => path.join(editor.workspace, name);

  before(async () => {
    editor = await startEditor('samples/med-fel', { 'granska.locale': 'sv' });
    fs.writeFileSync(path.join(editor.workspace, 'nytt-missiv.rev.md'), '');
    await openFile(editor.page, 'rapport-med-fel.rev.md');
    // Diagnostics mean the server has the document.
    await editor.page.locator('.statusbar-item', { hasText: 'kontrollmål' }).first().waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await editor?.close();
  });

  /** Saves and waits until the file on disk says what the test expects (a condition, polled). */
  /**
   * Saves and reads the file until `done` holds. VS Code truncates a file before it writes it,
   * so a read can see it empty (or cut short) mid-save: wait for what the test expects to be
   * there, not for what it expects to be gone, which an empty file also satisfies.
   */
  async function saveUntil(page: Page, name: string, done: (text: string) => boolean): Promise<string> {
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const text = fs.readFileSync(file(name), 'utf8');
      if (done(text) || Date.now() > deadline) return text;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('accepts a grade from the completion list after "### Bedömning: "', async () => {
    const page = editor.page;
    await goToLine(page, '37');
    await page.keyboard.press('End');
    for (let i = 0; i < 'Delvis uppfylld'.length; i++) await page.keyboard.press('Backspace');
    // The first request can race the server's start-up work on a loaded machine: ask again
    // (bounded) until the grades are listed.
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Delvis uppfyllt' }).first();
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.keyboard.press('Control+Space');
      if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Escape');
    }
    await row.click();
    const text = await saveUntil(page, 'rapport-med-fel.rev.md', (t) => t.split('\n')[36] === '### Bedömning: Delvis uppfyllt');
    assert.equal(text.split('\n')[36], '### Bedömning: Delvis uppfyllt');
  });

  it('rewrites a malformed decision reference with the quick fix from the light bulb', async () => {
    const page = editor.page;
    await goToLine(page, '67:10');
    const bulb = page.locator('.lightBulbWidget').first();
    await bulb.waitFor({ timeout: 30_000 });
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Skriv "KF § 112/2019-11-04"' }).first();
    await fix.waitFor({ timeout: 30_000 });
    // The menu takes the keyboard (a pointer block covers it): move to the fix and take it.
    for (let i = 0; i < 10; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
      if (focused.includes('KF § 112/2019-11-04')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const text = await saveUntil(page, 'rapport-med-fel.rev.md', (t) => t.split('\n')[66] === '[^1]: KF § 112/2019-11-04');
    assert.equal(text.split('\n')[66], '[^1]: KF § 112/2019-11-04');
  });

  it('inserts a whole missiv with the standard phrases from the snippet', async () => {
    const page = editor.page;
    await openFile(page, 'nytt-missiv.rev.md');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.type('missiv');
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Missiv' }).first();
    await row.waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const text = await saveUntil(page, 'nytt-missiv.rev.md', (t) => t.includes('För kommunens revisorer'));
    assert.match(text, /^---\ntyp: missiv\nkommun: Exempelby kommun\n/);
    assert.match(text, /Rapporten överlämnas för kännedom och beaktande i enlighet med de av kommunfullmäktige antagna rutinerna för rapportering\./);
    assert.match(text, /Vi önskar svar från kommunstyrelsen senast ÅÅÅÅ-MM-DD\. Av svaret bör det framgå vilka åtgärder som ska vidtas och när de beräknas vara genomförda\./);
    assert.match(text, /För kommunens revisorer/);
  });
});
