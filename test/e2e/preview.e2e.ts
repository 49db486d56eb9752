import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goToLine, openFile, previewFrame, runCommand, startEditor, type Editor } from './harness.ts';

/**
 * The Granska preview in a real VS Code, on the Hultsfred report: opened beside the report
 * from the Command Palette, it follows edits, scrolls with the editor, jumps to the source
 * of a clicked heading and follows the theme.
 */
describe('the Granska preview in a real VS Code', function () {
  this.timeout(240_000);
  let editor: Editor;

  before(async () => {
    editor = await startEditor('samples/hultsfred', { 'granska.locale': 'sv', 'workbench.colorTheme': 'Default Dark Modern' });
    await openFile(editor.page, 'granskning-asyl-integration.rev.md');
  });

  after(async () => {
    await editor?.close();
  });

  const preview = () => previewFrame(editor.page);

  it('opens beside the report from the Command Palette and shows the report as it will be read', async () => {
    const page = editor.page;
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Granska: Open Preview to the Side');
    await preview().locator('.doc-title', { hasText: 'Granskning av insatser för asyl och integration' }).waitFor({ timeout: 60_000 });
    await preview().locator('.summary-table .grade-partial', { hasText: 'Delvis uppfyllt' }).first().waitFor();
    await preview().locator('h2.kontrollmal', { hasText: '3.4 Kontrollmål 4' }).waitFor();
    // The page allows no script but its own, by nonce, and loads nothing from elsewhere.
    const csp = (await preview().locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[^']+'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // The only web source is VS Code's own resource host (the report's images, by cspSource).
    assert.deepEqual([...new Set(csp.match(/https?:\S+/g) ?? [])], ['https://*.vscode-cdn.net']);
    // Both the report and its preview are visible, side by side.
    await page.locator('.tab[aria-label*="granskning-asyl-integration.rev.md"]').first().waitFor();
    assert.equal(await page.locator('.editor-group-container').count(), 2);
  });

  it('follows the editor\'s theme, dark and then light', async () => {
    const brightness = async (): Promise<number> => {
      const background = await preview().locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
      return (background.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    };
    await expectSoon(async () => (await brightness()) < 200, 'the preview is not dark in a dark theme');
    await runCommand(editor.page, 'Toggle between Light/Dark Themes');
    await expectSoon(async () => (await brightness()) > 600, 'the preview did not turn light with the theme');
  });

  it('scrolls with the editor', async () => {
    const page = editor.page;
    // Kontrollmål 4 is on line 215: going there scrolls the editor, and the preview follows.
    await goToLine(page, '215');
    const heading = preview().locator('h2', { hasText: 'Kontrollmål 4' });
    await expectSoon(async () => {
      const box = await heading.boundingBox();
      return !!box && box.y >= -50 && box.y < 700;
    }, 'the preview did not scroll to Kontrollmål 4');
    // And the other way: scrolling the preview back to the top scrolls the editor there.
    const firstLine = page.locator('.monaco-editor .line-numbers', { hasText: /^1$/ }).first();
    await expectSoon(async () => {
      await preview().locator('body').evaluate(() => window.scrollBy(0, -400));
      return firstLine.isVisible();
    }, 'the editor did not follow the preview to the top');
  });

  it('shows an edit, and jumps to the source of a heading that is clicked', async () => {
    const page = editor.page;
    await goToLine(page, '216');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('Förhandsvisningen visar ändringen.');
    await preview().getByText('Förhandsvisningen visar ändringen.').first().waitFor({ timeout: 30_000 });
    // «Kontrollmål 2» is on line 158 of the source.
    await preview().locator('h2', { hasText: 'Kontrollmål 2' }).click();
    await page.locator('.statusbar-item', { hasText: 'Ln 158, Col 1' }).first().waitFor({ timeout: 30_000 });
  });

  it('exports to Word from the Command Palette, next to the report by default', async () => {
    const page = editor.page;
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Granska: Export to Word');
    // The save dialog proposes the report's name with .docx; accepting it writes the file.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await expectSoon(async () => /granskning-asyl-integration\.docx$/.test(await input.inputValue()), 'the save dialog does not propose the report\'s name');
    await page.keyboard.press('Enter');
    const target = path.join(editor.workspace, 'granskning-asyl-integration.docx');
    await expectSoon(async () => fs.existsSync(target) && fs.statSync(target).size > 1000, 'no .docx was written');
    assert.equal(fs.readFileSync(target).subarray(0, 2).toString(), 'PK');
    await page.locator('.notification-toast', { hasText: 'granskning-asyl-integration.docx' }).first().waitFor({ timeout: 30_000 });
  });

  it('exports to PDF from the Command Palette: a tagged PDF next to the report', async () => {
    const page = editor.page;
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Granska: Export to PDF');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await expectSoon(async () => /granskning-asyl-integration\.pdf$/.test(await input.inputValue()), 'the save dialog does not propose the report\'s name');
    await page.keyboard.press('Enter');
    const target = path.join(editor.workspace, 'granskning-asyl-integration.pdf');
    // LibreOffice takes some seconds to start and convert.
    await expectSoon(async () => fs.existsSync(target) && fs.statSync(target).size > 1000, 'no .pdf was written', 120_000);
    const pdf = fs.readFileSync(target);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/StructTreeRoot/);
    await page.locator('.notification-toast', { hasText: 'granskning-asyl-integration.pdf' }).first().waitFor({ timeout: 30_000 });
  });
});

/** Polls a condition until it holds or the time (30 seconds unless told) passes. */
async function expectSoon(condition: () => Promise<boolean>, message: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(message);
}
