import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ROOT } from './helpers/lint.ts';
import { granska } from './helpers/run.ts';
import { launchChromium } from './helpers/tools.ts';

/** Every way a report can name a remote picture that the sanitizer lets through. */
const REMOTE = `---
typ: förstudie
kommun: A kommun
titel: Spårning
datum: 2024-01-01
---

# Bakgrund

![Pixel](https://tracker.example/pixel.png?vem=revisor)

<img src="https://tracker.example/img.gif" alt="Rå">

<picture><source srcset="https://tracker.example/source.png 2x"><img src="https://tracker.example/fallback.png" alt="Bild"></picture>

![Schemalös](//tracker.example/scheme-relative.png)
`;

describe('an exported HTML page fetches nothing (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;

  before(async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    browser = await launchChromium(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-network-'));
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends no request to another host, and shows a placeholder that names each address', async () => {
    fs.writeFileSync(path.join(dir, 'r.rev.md'), REMOTE);
    const r = granska(['export', 'r.rev.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    const page = await browser.newPage();
    const requests: string[] = [];
    // Every request the page makes passes here; only the page itself may be read.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith('file:') ? route.continue() : route.abort();
    });
    await page.goto(pathToFileURL(path.join(dir, 'r.html')).href, { waitUntil: 'load' });
    const remote = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    assert.deepEqual(remote, [], `the page fetched ${remote.join(', ')}`);
    assert.deepEqual(requests.filter((u) => u.startsWith('file:')), [pathToFileURL(path.join(dir, 'r.html')).href], 'and read no other file');
    const notes = await page.locator('.image-placeholder').allInnerTexts();
    for (const url of ['https://tracker.example/pixel.png?vem=revisor', 'https://tracker.example/img.gif', 'https://tracker.example/source.png', 'https://tracker.example/fallback.png', '//tracker.example/scheme-relative.png']) {
      assert.ok(notes.some((n) => n.includes(`${url} hämtas inte från nätet`)), `no placeholder names ${url}: ${notes.join(' | ')}`);
    }
    for (const box of await page.locator('.image-placeholder').all()) assert.ok(await box.isVisible());
    await page.close();
  });
});
