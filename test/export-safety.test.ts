import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers/lint.ts';
import { granska } from './helpers/run.ts';
import { zipEntries } from './helpers/zip.ts';

const ICON = fs.readFileSync(path.join(ROOT, 'images', 'icon.png'));
const FRONT = '---\ntyp: förstudie\nkommun: A kommun\ntitel: T\ndatum: 2024-01-01\n---\n\n# Bakgrund\n\n';

/** The pictures an exported HTML page embeds, decoded. */
function embedded(html: string): Buffer[] {
  return [...html.matchAll(/src="data:image\/[a-z]+;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1], 'base64'));
}

/** The texts of the placeholders that stand where pictures were left out. */
function placeholders(html: string): string[] {
  return [...html.matchAll(/<span class="image-placeholder"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]);
}

describe('granska export: what an export may read and write (dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'granska-export-safety-')));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never writes an export over its report or any other *.rev.md, whatever path leads there', () => {
    const report = path.join(dir, 'r.rev.md');
    const text = `${FRONT}Text.\n`;
    fs.writeFileSync(report, text);
    fs.writeFileSync(path.join(dir, 'annan.rev.md'), 'annan\n');
    fs.symlinkSync('r.rev.md', path.join(dir, 'länk.html'));
    fs.linkSync(report, path.join(dir, 'hård.html'));
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const target of ['r.rev.md', './sub/../r.rev.md', 'annan.rev.md', 'NY.REV.MD', 'länk.html', 'hård.html', report]) {
      const r = granska(['export', 'r.rev.md', '-o', target], dir);
      assert.equal(r.status, 2, `${target}: ${r.stderr}`);
      assert.match(r.stderr, /skriver inte till .*: (det är rapporten som exporteras|en export skrivs aldrig över en rapport)/, target);
      assert.equal(fs.readFileSync(report, 'utf8'), text, `${target} overwrote the report`);
    }
    assert.equal(fs.readFileSync(path.join(dir, 'annan.rev.md'), 'utf8'), 'annan\n');
    assert.ok(!fs.existsSync(path.join(dir, 'NY.REV.MD')));
    assert.ok(fs.lstatSync(path.join(dir, 'länk.html')).isSymbolicLink());
    const ok = granska(['--locale', 'en', 'export', 'r.rev.md', '-o', 'r.html'], dir);
    assert.equal(ok.status, 0, ok.stderr);
    const en = granska(['--locale', 'en', 'export', 'r.rev.md', '-o', 'r.rev.md'], dir);
    assert.match(en.stderr, /will not write to r\.rev\.md: an export is never written over a report/);
  });

  it('embeds only pictures inside the workspace, resolved through links, and says where each refused one is', async () => {
    // The workspace is the nearest folder with .git or .granskarc.json; the report is below it.
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'rapporter'));
    fs.mkdirSync(path.join(ws, 'bilder'));
    fs.writeFileSync(path.join(ws, 'bilder', 'logga.png'), ICON);
    const secret = Buffer.concat([ICON.subarray(0, ICON.length - 12), Buffer.from('HEMLIGHET-UTANFÖR'), ICON.subarray(ICON.length - 12)]);
    fs.writeFileSync(path.join(dir, 'hemlig.png'), secret);
    fs.symlinkSync(path.join(dir, 'hemlig.png'), path.join(ws, 'rapporter', 'länk.png'));
    const encoded = encodeURIComponent(path.join(dir, 'hemlig.png'));
    fs.writeFileSync(path.join(ws, 'rapporter', 'r.rev.md'), `${FRONT}![Logga](../bilder/logga.png)\n\n![Ut](../../hemlig.png)\n\n![Kodad](${encoded})\n\n![Länk](länk.png)\n\n<img src="../../hemlig.png" alt="Rå">\n`);
    const r = granska(['export', path.join('rapporter', 'r.rev.md')], ws);
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(path.join(ws, 'rapporter', 'r.html'), 'utf8');
    const pictures = embedded(html);
    assert.equal(pictures.length, 1, 'only the workspace\'s own picture is embedded');
    assert.deepEqual(pictures[0], ICON);
    const notes = placeholders(html);
    assert.equal(notes.length, 4, notes.join('\n'));
    assert.match(notes[0], /^\[Ut\] Bilden «\.\.\/\.\.\/hemlig\.png» är utelämnad: filen ligger utanför arbetsytan/);
    assert.match(notes[1], /bara sökvägar relativt rapporten bäddas in/);
    assert.match(notes[2], /«länk\.png» är utelämnad: filen ligger utanför arbetsytan/);
    // Printed like lint's diagnostics: file, line and column of the picture, then the reason.
    const lines = r.stderr.split('\n').filter((l) => l.includes('varning'));
    assert.equal(lines.length, 4, r.stderr);
    assert.match(lines[0], /^rapporter\/r\.rev\.md:12:1 +varning +Bilden «\.\.\/\.\.\/hemlig\.png» kom inte med i exporten: filen ligger utanför arbetsytan .*ws\.  export$/);
    assert.match(lines[1], /^rapporter\/r\.rev\.md:14:1 /);
    assert.match(lines[2], /^rapporter\/r\.rev\.md:16:1 /);
    assert.match(lines[3], /^rapporter\/r\.rev\.md:18:1 /);
    const d = granska(['export', '--format', 'docx', path.join('rapporter', 'r.rev.md')], ws);
    assert.equal(d.status, 0, d.stderr);
    const entries = await zipEntries(path.join(ws, 'rapporter', 'r.docx'));
    const media = [...entries.keys()].filter((k) => k.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.deepEqual(entries.get(media[0]), ICON);
    assert.match(entries.get('word/document.xml')!.toString('utf8'), /är utelämnad: filen ligger utanför arbetsytan/);
  });

  it('without .git or .granskarc.json above it, the workspace is the report\'s own folder', () => {
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'logga.png'), ICON);
    fs.writeFileSync(path.join(dir, 'a', 'logga.png'), ICON);
    fs.writeFileSync(path.join(dir, 'a', 'r.rev.md'), `${FRONT}![Här](logga.png)\n\n![Ovan](../logga.png)\n`);
    const r = granska(['export', 'r.rev.md', '-o', '-'], path.join(dir, 'a'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(embedded(r.stdout).length, 1);
    assert.match(placeholders(r.stdout)[0], /«\.\.\/logga\.png» är utelämnad: filen ligger utanför arbetsytan/);
  });

  it('cuts each picture at its own end, so data appended to it does not travel with the export', () => {
    const jpeg = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'images', 'python.jpg'));
    const gif = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'images', 'python.gif'));
    const tail = Buffer.from('\nBILAGA: personnummer 19121212-1212\n');
    fs.writeFileSync(path.join(dir, 'a.png'), Buffer.concat([ICON, tail]));
    fs.writeFileSync(path.join(dir, 'b.jpg'), Buffer.concat([jpeg, tail]));
    fs.writeFileSync(path.join(dir, 'c.gif'), Buffer.concat([gif, tail]));
    fs.writeFileSync(path.join(dir, 'r.rev.md'), `${FRONT}![a](a.png) ![b](b.jpg) ![c](c.gif)\n`);
    const r = granska(['export', 'r.rev.md', '-o', '-'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(embedded(r.stdout), [ICON, jpeg, gif]);
  });

  it('reads only regular files: a named pipe neither blocks the export nor is embedded, nor is /dev/zero', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = spawnSync('mkfifo', [path.join(dir, 'rör.png')]);
    if (fifo.status !== 0) this.skip();
    fs.symlinkSync('/dev/zero', path.join(dir, 'noll.png'));
    fs.writeFileSync(path.join(dir, 'r.rev.md'), `${FRONT}![Rör](rör.png)\n\n![Noll](noll.png)\n`);
    // A hang is what this guards against: the helper's time-out ends a blocked export.
    const r = granska(['export', 'r.rev.md', '-o', '-'], dir);
    assert.equal(r.status, 0, r.stderr);
    const notes = placeholders(r.stdout);
    assert.match(notes[0], /«rör\.png» är utelämnad: det är ingen vanlig fil/);
    assert.match(notes[1], /«noll\.png» är utelämnad/);
    assert.equal(embedded(r.stdout).length, 0);
  });

  it('embeds a large picture named thirty times up to a total, with placeholders beyond it, and does not crash', () => {
    // A real PNG of about 19 MB: the icon with a large private chunk before its data.
    const big = Buffer.alloc(19 * 2 ** 20);
    const chunk = Buffer.alloc(12 + big.length);
    chunk.writeUInt32BE(big.length, 0);
    chunk.write('prVt', 4, 'latin1');
    big.copy(chunk, 8);
    fs.writeFileSync(path.join(dir, 'stor.png'), Buffer.concat([ICON.subarray(0, 33), chunk, ICON.subarray(33)]));
    fs.writeFileSync(path.join(dir, 'r.rev.md'), `${FRONT}${Array.from({ length: 30 }, (_, i) => `![Bild ${i + 1}](stor.png)\n`).join('\n')}`);
    const r = granska(['export', 'r.rev.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /RangeError|at .*\.js:\d+/);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    const count = (html.match(/src="data:image\/png;base64,/g) ?? []).length;
    assert.ok(count >= 1 && count < 30, `${count} copies embedded`);
    const notes = placeholders(html);
    assert.equal(count + notes.length, 30);
    assert.match(notes[0], /«stor\.png» är utelämnad: exportens bilder får sammanlagt vara högst \d+ MB/);
    assert.equal(r.stderr.split('\n').filter((l) => /^r\.rev\.md:\d+:1 +varning +Bilden «stor\.png» kom inte med/.test(l)).length, notes.length);
  });
});
