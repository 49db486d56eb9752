import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { collectFiles } from '../server/src/cli/lint-files.ts';
import { reportHtmlDocument } from '../server/src/render/html.ts';
import { renderSample } from './helpers/hast.ts';
import { ROOT } from './helpers/lint.ts';
import { launchChromium } from './helpers/tools.ts';

/** Where the first page of each sample is kept for people to look at (ignored by git). */
const OUT = path.join(ROOT, 'build', 'screenshots');
// A4 at 96 dpi, the size a browser prints on.
const A4 = { width: 794, height: 1123 };

/** Every sample, found as `granska lint samples/` finds them. */
function samples(): string[] {
  return collectFiles([path.join(ROOT, 'samples')]).files.map((f) => path.relative(ROOT, f));
}

/** Share of the picture's pixels that differ from its top-left pixel (the paper). */
async function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, img.width, img.height).data;
    const [r, gr, b] = [data[0], data[1], data[2]];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - gr) + Math.abs(data[i + 2] - b) > 48) ink++;
    return ink / (data.length / 4);
  }, png.toString('base64'));
}

describe('exported HTML in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;

  before(async function () {
    browser = await launchChromium(this);
    page = await browser.newPage({ viewport: A4 });
    fs.mkdirSync(OUT, { recursive: true });
  });

  after(async () => {
    await browser?.close();
  });

  for (const sample of samples()) {
    it(`prints the first page of ${sample}, and it is not blank`, async () => {
      const report = renderSample(sample);
      await page.emulateMedia({ media: 'screen' });
      await page.setContent(reportHtmlDocument(report), { waitUntil: 'load' });
      const png = await page.screenshot({ type: 'png' });
      fs.writeFileSync(path.join(OUT, `${sample.replace(/^samples\//, '').replace(/\//g, '-').replace(/\.rev\.md$/, '')}.png`), png);
      const ink = await inkShare(page, png);
      assert.ok(ink > 0.004 && ink < 0.6, `${(ink * 100).toFixed(2)} % of the page is ink`);
      // What the first page shows: a report's title page, or a letter's head and subject.
      const first = report.letter ? '.letter-head' : '.title-page';
      assert.ok(await page.locator(first).isVisible(), `${first} is not shown`);
      const title = report.letter ? page.locator('.letter-subject') : page.locator('.doc-title');
      const box = await title.boundingBox();
      assert.ok(box && box.y + box.height <= A4.height, 'the title is on the first page');
      if (!report.letter) {
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4' });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        assert.ok(pages >= 2, `the title page and the contents print on pages of their own (${pages} pages)`);
      }
    });
  }
});
