import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { collectFiles } from '../server/src/cli/lint-files.ts';
import { loadConfigFor } from '../server/src/config/load.ts';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { exportDocument } from '../server/src/render/export.ts';
import { imagesFrom } from '../server/src/render/images.ts';
import { ROOT } from './helpers/lint.ts';
import { launchChromium } from './helpers/tools.ts';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The HTML export of a file, as `granska export` writes it. */
async function exportHtml(file: string): Promise<string> {
  const config = loadConfigFor(path.dirname(file)).config;
  const { bytes } = await exportDocument(parseWithConfig(fs.readFileSync(file, 'utf8'), config), 'html', config, imagesFrom(path.dirname(file), path.dirname(file)));
  return new TextDecoder().decode(bytes);
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility of the HTML export (axe-core in headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;

  before(async function () {
    browser = await launchChromium(this);
    // The export's own policy forbids every script; axe is injected past it, as a tester's tool.
    page = await browser.newPage({ bypassCSP: true });
  });

  after(async () => {
    await browser?.close();
  });

  const samples = collectFiles([path.join(ROOT, 'samples')]).files;
  for (const file of samples) {
    it(`${path.relative(ROOT, file)}: no WCAG 2.1 A/AA violation, one main landmark and a level-one heading`, async () => {
      await page.setContent(await exportHtml(file), { waitUntil: 'load' });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
        const wcag = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        // Landmarks and the level-one heading are axe's best practices, not WCAG success
        // criteria, but they are how a screen reader user finds the report.
        const structure = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-one-main', 'region', 'page-has-heading-one'] } });
        return [...wcag.violations, ...structure.violations].map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
      });
      assert.deepEqual(violations.map((v: Violation) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), []);
    });
  }
});
