import * as assert from 'node:assert/strict';
import { startEditor, type Editor } from './harness.ts';

/**
 * The «Granskningar» view in a real VS Code, on the sample audit year: it lists every
 * document of the year grouped by kommun, marks the overdue reply, shows a report's
 * kontrollmål with grades, and opens a document when it is clicked.
 */
describe('the Granskningar view in a real VS Code', function () {
  this.timeout(240_000);
  let editor: Editor;

  before(async () => {
    editor = await startEditor('samples/hultsfred-2021', { 'granska.locale': 'sv' });
  });

  after(async () => {
    await editor?.close();
  });

  const row = (text: string) => editor.page.locator('.pane-body .monaco-list-row', { hasText: text }).first();

  it('lists the sample year\'s documents under their kommun', async () => {
    const page = editor.page;
    // The explorer is open at start; the view's pane header is «Granskningar» («Audits» in
    // an English VS Code, as code-server runs here).
    const header = page.locator('.pane-header', { hasText: /^(Granskningar|Audits)$/i }).first();
    await header.waitFor({ timeout: 90_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await row('Hultsfreds kommun').waitFor({ timeout: 90_000 });
    for (const title of [
      'Granskning av kommunens upphandling och inköp',
      'Missiv: Granskning av kommunens upphandling och inköp',
      'Granskning av hemtjänstens styrning och kvalitet',
      'Missiv: Granskning av hemtjänstens styrning och kvalitet',
      'Uppföljning av granskningen av insatser för asyl och integration',
    ]) {
      await editor.page.locator('.pane-body .monaco-list-row', { has: editor.page.locator('.label-name', { hasText: new RegExp(`^${title}$`) }) }).first().waitFor({ timeout: 30_000 });
    }
    // The reply that is long past its date is marked.
    const overdue = editor.page.locator('.pane-body .monaco-list-row', { hasText: 'Missiv: Granskning av kommunens upphandling och inköp' }).first();
    assert.match((await overdue.textContent()) ?? '', /(svar försenat sedan|reply overdue since) 2021-05-31/);
  });

  it('shows a report\'s kontrollmål with grades, and opens the report on click', async () => {
    const page = editor.page;
    const report = page.locator('.pane-body .monaco-list-row', { has: page.locator('.label-name', { hasText: /^Granskning av hemtjänstens styrning och kvalitet$/ }) }).first();
    await report.click();
    await page.locator('.tab[aria-label*="granskning-hemtjanst.rev.md"]').first().waitFor({ timeout: 30_000 });
    // A click opens the document; its twistie shows the kontrollmål.
    await report.locator('.monaco-tl-twistie').click();
    await row('Kontrollmål 2: Planeras insatserna efter beviljad tid?').waitFor({ timeout: 30_000 });
    assert.match((await row('Kontrollmål 2: Planeras insatserna efter beviljad tid?').textContent()) ?? '', /Ej uppfyllt/);
  });
});
