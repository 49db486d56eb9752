import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEFAULT_CONFIG } from '../server/src/config/config.ts';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { overviewHtml } from '../server/src/render/overview.ts';
import { joinRelative, overviewOf } from '../server/src/workspace/overview.ts';
import { ROOT } from './helpers/lint.ts';
import { granska } from './helpers/run.ts';
import { launchChromium } from './helpers/tools.ts';

const YEAR = path.join(ROOT, 'samples', 'hultsfred-2021');
const TODAY = '2021-12-01';
const yearDocuments = () => fs.readdirSync(YEAR).filter((f) => f.endsWith('.rev.md')).sort();

describe('the overview of an audit year', () => {
  it('joins relative paths the way the file system does', () => {
    assert.equal(joinRelative('a/b.rev.md', 'c.rev.md'), 'a/c.rev.md');
    assert.equal(joinRelative('b.rev.md', '../x/c.rev.md'), '../x/c.rev.md');
    assert.equal(joinRelative('a/b/c.rev.md', '../../d.rev.md'), 'd.rev.md');
  });

  it('marks a reply overdue only when its date is before today, and counts follow-ups per status', () => {
    const missiv = (due: string) => parseWithConfig(`---\ntyp: missiv\nkommun: K\ndatum: 2021-01-01\nsvar_senast: ${due}\n---\n`);
    const o = overviewOf([
      { path: 'a.rev.md', doc: missiv('2021-11-30'), config: DEFAULT_CONFIG },
      { path: 'b.rev.md', doc: missiv('2021-12-01'), config: DEFAULT_CONFIG },
    ], TODAY);
    assert.deepEqual(o.documents.map((d) => [d.path, d.reply?.overdue]), [['a.rev.md', true], ['b.rev.md', false]]);
  });

  it('granska översikt --format json gives the sample year: every document, overdue replies, follow-up counts and grades per nämnd', () => {
    const r = granska(['översikt', '--format', 'json', '--idag', TODAY, 'samples/hultsfred-2021']);
    assert.equal(r.status, 0, r.stderr);
    const o = JSON.parse(r.stdout) as ReturnType<typeof overviewOf>;
    assert.deepEqual(o.documents.map((d) => d.path).sort(), yearDocuments());
    assert.deepEqual(o.documents.filter((d) => d.reply?.overdue).map((d) => d.path), ['missiv-upphandling.rev.md']);
    const followUp = o.documents.find((d) => d.type === 'uppföljning')!.followUp!;
    assert.deepEqual(followUp.earlier, ['../hultsfred/granskning-asyl-integration.rev.md']);
    assert.deepEqual(followUp.counts.map((c) => [c.status, c.count]), [['Åtgärdad', 2], ['Delvis åtgärdad', 1], ['Ej åtgärdad', 1]]);
    assert.deepEqual(o.chart.find((c) => c.body === 'Socialnämnden')!.counts, { good: 0, partial: 2, bad: 1, unknown: 0 });
  });

  it('writes one page with -o, and refuses a bad --idag', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-oversikt-'));
    try {
      const out = path.join(dir, 'översikt.html');
      assert.equal(granska(['översikt', 'samples/hultsfred-2021', '-o', out]).status, 0);
      assert.match(fs.readFileSync(out, 'utf8'), /^<!DOCTYPE html>/);
      assert.equal(granska(['översikt', '--idag', '2021-02-30', 'samples/hultsfred-2021']).status, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a report\'s text as text: markup in a title cannot reach the page', () => {
    const doc = parseWithConfig('---\ntyp: granskningsrapport\nkommun: K\ntitel: "<script>alert(1)</script><img src=x onerror=alert(2)>"\ndatum: 2021-01-01\n---\n');
    const html = overviewHtml(overviewOf([{ path: 'x.rev.md', doc, config: DEFAULT_CONFIG }], TODAY));
    assert.doesNotMatch(html, /<script|<img/i);
    assert.match(html, /&#x3C;script>alert\(1\)&#x3C;\/script>|&lt;script&gt;/);
  });
});

describe('the overview page in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let html: string;

  before(async function () {
    browser = await launchChromium(this);
    const r = granska(['översikt', '-o', '-', '--idag', TODAY, 'samples/hultsfred-2021']);
    assert.equal(r.status, 0, r.stderr);
    html = r.stdout;
  });

  after(async () => {
    await browser?.close();
  });

  it('renders every document of the sample year with no script, overdue replies marked, and an SVG chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html, { waitUntil: 'load' });
    assert.equal(await page.locator('script').count(), 0);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    const paths = await page.locator('article.doc').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    assert.deepEqual(paths.sort(), yearDocuments());
    for (const title of ['Granskning av kommunens upphandling och inköp', 'Missiv: Granskning av kommunens upphandling och inköp', 'Granskning av hemtjänstens styrning och kvalitet', 'Uppföljning av granskningen av insatser för asyl och integration']) {
      assert.ok(await page.getByRole('heading', { name: title, exact: true }).isVisible(), title);
    }
    const overdue = page.locator('article.doc .reply.overdue');
    assert.equal(await overdue.count(), 1);
    assert.match((await overdue.textContent()) ?? '', /Svar senast 2021-05-31: svarsdatum passerat/);
    assert.equal(await page.locator('article[data-path="missiv-hemtjanst.rev.md"] .reply.overdue').count(), 0);
    assert.equal(await page.locator('svg[role="img"] rect').count(), 5);
    assert.deepEqual(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:')), []);
    fs.mkdirSync(path.join(ROOT, 'build', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'build', 'screenshots', 'oversikt.png'), fullPage: false });
    await page.close();
  });

  it('has no WCAG 2.1 A or AA violations (axe-core)', async () => {
    // axe is injected into a copy of the page; the page itself allows no script, so the
    // test bypasses its policy for the injected checker only.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
});
