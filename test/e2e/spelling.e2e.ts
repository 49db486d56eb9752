import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goToLine, openFile, startEditor, type Editor } from './harness.ts';

/**
 * Spelling in a real VS Code: a misspelt word in a report gets its blue (info) squiggle
 * once the dictionary has loaded, and the first suggestion from the light bulb replaces it.
 */
describe('Spelling in a real VS Code', function () {
  this.timeout(240_000);
  let editor: Editor;
  const fixture = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', 'stavning.ren.rev.md'), 'utf8');
  const text = fixture.replace('genomfört någon uppföljning av insatserna', 'genomfört någon uppfölning av insatserna');
  const line = text.split('\n').findIndex((l) => l.includes('uppfölning')) + 1;

  before(async () => {
    editor = await startEditor('samples/hultsfred', { 'granska.locale': 'sv' });
    fs.writeFileSync(path.join(editor.workspace, 'stavning.rev.md'), text);
    await openFile(editor.page, 'stavning.rev.md');
  });

  after(async () => {
    await editor?.close();
  });

  it('shows the misspelt word and replaces it with a suggestion', async () => {
    const page = editor.page;
    // Bring the line into view (Monaco draws only visible lines), then wait for its info
    // squiggle: the dictionary loads after the first diagnostics.
    await goToLine(page, `${line}:${text.split('\n')[line - 1].indexOf('uppfölning') + 3}`);
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ timeout: 90_000 });
    // The quick fixes at the cursor, opened as a user does with Ctrl+. (the light bulb may
    // come a moment later than the squiggle); asked again, bounded, if the first request
    // raced the diagnostics.
    const cursor = `${line}:${text.split('\n')[line - 1].indexOf('uppfölning') + 3}`;
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Ändra till "uppföljning"' }).first();
    for (let attempt = 0; attempt < 5; attempt++) {
      await goToLine(page, cursor);
      await page.keyboard.press('Control+.');
      if (await fix.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Escape');
    }
    await fix.waitFor({ timeout: 10_000 });
    for (let i = 0; i < 10; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
      if (focused.includes('"uppföljning"')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    const file = path.join(editor.workspace, 'stavning.rev.md');
    const deadline = Date.now() + 30_000;
    let saved = fs.readFileSync(file, 'utf8');
    while (saved.includes('uppfölning') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      saved = fs.readFileSync(file, 'utf8');
    }
    assert.equal(saved.split('\n')[line - 1], 'Nämnden har inte genomfört någon uppföljning av insatserna.');
  });
});
