import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { goToLine, openFile, previewFrame, ROOT, runCommand, startEditor } from './harness.ts';

/**
 * Takes the screenshots of docs/guide.md from a real VS Code with the packaged extension:
 * `npm run package && npx tsx test/e2e/screenshots.ts`. Not a test; run it when the
 * features change, and look at the pictures before committing them.
 */
async function main(): Promise<void> {
  const out = path.join(ROOT, 'images', 'guide');
  fs.mkdirSync(out, { recursive: true });
  const editor = await startEditor('samples/med-fel', { 'granska.locale': 'sv', 'workbench.colorTheme': 'Default Light Modern' });
  const page = editor.page;
  const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}.png`) });
  try {
    await openFile(page, 'rapport-med-fel.rev.md');
    await page.locator('.statusbar-item', { hasText: 'kontrollmål' }).first().waitFor({ timeout: 60_000 });
    // Completion of a grade.
    await goToLine(page, '37');
    await page.keyboard.press('End');
    for (let i = 0; i < 'Delvis uppfylld'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'Delvis uppfyllt' }).first().waitFor();
    await shot('komplettering-grad');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
    // Hover on a footnote reference.
    await goToLine(page, '43');
    await hoverText(page, 'Följs planen upp');
    await page.locator('.monaco-hover', { hasText: 'Rekommendationer' }).first().waitFor();
    await shot('hovring-kontrollmal');
    await page.keyboard.press('Escape');
    // Quick fix from the light bulb.
    await goToLine(page, '67:10');
    await page.locator('.lightBulbWidget').first().click();
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Skriv' }).first().waitFor();
    await shot('snabbkorrigering');
    await page.keyboard.press('Escape');
    // Outline with grades.
    await goToLine(page, '31');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Explorer: Focus on Outline View');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Outline' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-list-row', { hasText: 'Sammanfattning' }).first().waitFor();
    await shot('disposition-och-kodlins');
    // The preview beside the report, scrolled to the kontrollmål.
    await goToLine(page, '31');
    await runCommand(page, 'Granska: Open Preview to the Side');
    const preview = previewFrame(page);
    await preview.locator('h2', { hasText: 'Kontrollmål 1' }).waitFor({ timeout: 60_000 });
    await preview.locator('.grade').first().waitFor();
    await shot('forhandsvisning');
  } finally {
    await editor.close();
  }
}

async function hoverText(page: Page, text: string): Promise<void> {
  const span = page.locator('.view-line span', { hasText: text }).first();
  await span.hover();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
