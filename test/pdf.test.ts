import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectFiles } from '../server/src/cli/lint-files.ts';
import { findPdfEngines } from '../server/src/render/pdf.ts';
import { renderSample } from './helpers/hast.ts';
import { ROOT } from './helpers/lint.ts';
import { needTool } from './helpers/tools.ts';

/** Runs `granska` with extra environment, as a user with other programs installed would. */
function granskaWith(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 200_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tool(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `${command} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

interface Outline {
  title: string;
  kids: Outline[];
}

/** What a PDF says about itself: pdfinfo's fields, its XMP, qpdf's outline and catalog, pdffonts, pdftotext. */
function inspect(pdf: string) {
  const info = Object.fromEntries(tool('pdfinfo', [pdf]).split('\n').map((l) => l.split(/:\s+/, 2)).filter((p) => p.length === 2).map(([k, v]) => [k.trim(), v.trim()]));
  type Dictionary = { value?: Record<string, unknown> };
  const json = JSON.parse(tool('qpdf', ['--json=2', '--json-key=outlines', '--json-key=qpdf', pdf])) as { outlines: Outline[]; qpdf: [unknown, Record<string, Dictionary>] };
  const objects = json.qpdf[1];
  const root = String(objects.trailer?.value?.['/Root'] ?? '');
  const catalog = objects[`obj:${root}`]?.value as { '/Lang'?: string; '/StructTreeRoot'?: string } | undefined;
  const flatten = (o: Outline[]): string[] => o.flatMap((x) => [x.title, ...flatten(x.kids)]);
  const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return {
    info,
    xmp: tool('pdfinfo', ['-meta', pdf]),
    bookmarks: flatten(json.outlines),
    // qpdf's JSON writes a text string as `u:…`.
    lang: String(catalog?.['/Lang'] ?? '').replace(/^u:/, ''),
    structTree: !!catalog?.['/StructTreeRoot'],
    unembeddedFonts: fonts.filter((l) => !/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l)),
    text: tool('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, ' '),
  };
}

/** The positions of the texts, in order, in a text; fails at the first one not found after the previous. */
function assertInOrder(text: string, parts: string[]): void {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part.replace(/\s+/g, ' '), at);
    assert.ok(found >= 0, `«${part}» is not in the PDF's text after position ${at}: …${text.slice(at, at + 200)}…`);
    at = found + part.length;
  }
}

const samples = collectFiles([path.join(ROOT, 'samples')]).files;

describe('granska export --format pdf', function () {
  this.timeout(240_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    for (const [command, hint] of [['pdfinfo', 'apt-get install poppler-utils'], ['qpdf', 'apt-get install qpdf']]) needTool(this, command, hint);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-pdf-test-'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('with LibreOffice: tagged PDF/A-2b', () => {
    before(function () {
      needTool(this, 'soffice', 'apt-get install libreoffice-writer-nogui');
    });

    for (const file of samples) {
      const name = path.relative(ROOT, file);
      it(`${name}: tagged, bookmarks, Lang, title and author, fonts embedded, PDF/A-2, page numbers, text in reading order`, () => {
        const out = path.join(dir, `${path.basename(file, '.rev.md')}.pdf`);
        const r = granskaWith(['export', '--format', 'pdf', file, '-o', out], { GRANSKA_PDF_ENGINE: 'libreoffice' });
        assert.equal(r.status, 0, r.stderr);
        const pdf = inspect(out);
        const report = renderSample(name);
        assert.equal(pdf.info.Tagged, 'yes');
        assert.ok(pdf.structTree, 'a structure tree');
        assert.match(pdf.lang, /^sv\b/);
        assert.equal(pdf.info.Title, report.properties.title);
        if (report.properties.authors.length > 0) assert.equal(pdf.info.Author, report.properties.authors.join('; '));
        assert.deepEqual(pdf.unembeddedFonts, [], 'every font is embedded');
        assert.match(pdf.xmp, /<pdfaid:part>2<\/pdfaid:part>/);
        const headings = report.headings.filter((x) => x.level <= 2).map((x) => (x.number ? `${x.number} ${x.text}` : x.text));
        if (report.letter) {
          assert.ok(pdf.bookmarks.includes(report.properties.title), `the subject is a bookmark: ${pdf.bookmarks.join(' | ')}`);
          assertInOrder(pdf.text, [report.properties.title, ...headings.map((x) => x)]);
        } else {
          for (const x of headings) assert.ok(pdf.bookmarks.includes(x), `no bookmark «${x}» in ${pdf.bookmarks.join(' | ')}`);
          // Title page, contents, then the chapters in order.
          assertInOrder(pdf.text, [report.properties.title, 'Innehåll', ...headings, ...headings]);
          assert.match(pdf.text, /Sida 2 \(\d+\)/);
        }
        const source = fs.readFileSync(file, 'utf8');
        // The footnotes the report shows: the first definition of each label (a second is an error).
        const definitions = new Map<string, string>();
        for (const m of source.matchAll(/^\[\^([^\]]+)\]:\s*(\S.{0,30})/gm)) if (!definitions.has(m[1])) definitions.set(m[1], m[2].replace(/[*_`]/g, ''));
        const footnotes = [...definitions.values()];
        for (const note of footnotes) assert.ok(pdf.text.includes(note.replace(/\s+/g, ' ').trim()), `the footnote «${note}» is in the PDF`);
      });
    }
  });

  describe('with a Chromium browser (Edge, Chrome), when LibreOffice is missing', () => {
    it('prints the HTML export: tagged, with bookmarks, Lang sv and page numbers', function () {
      needTool(this, 'chromium', 'apt-get install chromium');
      const file = path.join(ROOT, 'samples', 'karlshamn', 'forstudie-integration.rev.md');
      const out = path.join(dir, 'chromium.pdf');
      const r = granskaWith(['export', '--format', 'pdf', file, '-o', out], { GRANSKA_PDF_ENGINE: 'chromium' });
      assert.equal(r.status, 0, r.stderr);
      const pdf = inspect(out);
      const report = renderSample(path.relative(ROOT, file));
      assert.equal(pdf.info.Tagged, 'yes');
      assert.match(pdf.lang, /^sv\b/);
      assert.deepEqual(pdf.unembeddedFonts, []);
      const headings = report.headings.filter((x) => x.level === 1).map((x) => `${x.number} ${x.text}`);
      for (const x of headings) assert.ok(pdf.bookmarks.includes(x), `no bookmark «${x}» in ${pdf.bookmarks.join(' | ')}`);
      assertInOrder(pdf.text, [report.properties.title, 'Innehåll', ...headings, ...headings]);
      assert.match(pdf.text, /Sida 2 \(\d+\)/);
    });
  });

  it('says what to install when no engine is found, and writes nothing', () => {
    const out = path.join(dir, 'none.pdf');
    const env = { PATH: path.join(dir, 'tom'), GRANSKA_SOFFICE: '', GRANSKA_CHROME: '' };
    const r = granskaWith(['export', '--format', 'pdf', samples[0], '-o', out], env);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /PDF-exporten behöver LibreOffice .*https:\/\/www\.libreoffice\.org.*Microsoft Edge, Google Chrome eller Chromium/);
    assert.ok(!fs.existsSync(out));
    const en = granskaWith(['--locale', 'en', 'export', '--format', 'pdf', samples[0], '-o', out], env);
    assert.match(en.stderr, /The PDF export needs LibreOffice/);
  });

  it('finds LibreOffice before Edge and Chrome, where Windows and macOS install them', () => {
    const installed = new Set([
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]);
    const exists = (f: string): boolean => installed.has(f);
    const windows = findPdfEngines({ platform: 'win32', exists, env: { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', Path: 'C:\\Windows' } });
    assert.deepEqual(windows, [
      { kind: 'libreoffice', program: 'C:\\Program Files\\LibreOffice\\program\\soffice.exe' },
      { kind: 'chromium', program: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' },
    ]);
    assert.deepEqual(findPdfEngines({ platform: 'darwin', exists, env: { PATH: '/usr/bin' } }), [{ kind: 'chromium', program: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' }]);
    assert.deepEqual(findPdfEngines({ platform: 'win32', exists, env: { ProgramFiles: 'C:\\Program Files', GRANSKA_PDF_ENGINE: 'chromium' } }), []);
  });
});
