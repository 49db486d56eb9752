import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers/lint.ts';
import { granska } from './helpers/run.ts';
import { needTool } from './helpers/tools.ts';
import { zipEntries } from './helpers/zip.ts';

const HULTSFRED = path.join(ROOT, 'samples', 'hultsfred', 'granskning-asyl-integration.rev.md');

describe('granska export (dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-export-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes HTML next to the source by default, and says where', () => {
    fs.copyFileSync(HULTSFRED, path.join(dir, 'rapport.rev.md'));
    const r = granska(['export', 'rapport.rev.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /skrev rapport\.html/);
    const html = fs.readFileSync(path.join(dir, 'rapport.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Granskning av insatser för asyl och integration/);
  });

  it('writes to the file -o names, creating its folder, or to standard output for -', () => {
    const out = path.join(dir, 'ut', 'rapport.docx');
    const r = granska(['export', '--format', 'docx', HULTSFRED, '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK');
    const s = granska(['export', HULTSFRED, '-o', '-']);
    assert.equal(s.status, 0, s.stderr);
    assert.match(s.stdout, /^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
  });

  it('exports a report with errors, as a draft, and notes the errors', () => {
    const out = path.join(dir, 'fel.html');
    const r = granska(['export', path.join(ROOT, 'samples', 'med-fel', 'rapport-med-fel.rev.md'), '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /har \d+ fel; exporterad ändå/);
    assert.match(fs.readFileSync(out, 'utf8'), /class="draft-mark">UTKAST</);
  });

  it('refuses bad usage with status 2 and a message in the chosen language', () => {
    const cases: [string[], RegExp][] = [
      [['export', '--format', 'odt', HULTSFRED], /okänt format "odt"; använd html, docx eller pdf/],
      [['export'], /ange exakt en fil/],
      [['export', HULTSFRED, HULTSFRED], /ange exakt en fil/],
      [['export', path.join(dir, 'finns-inte.rev.md')], /kan inte läsa .*ENOENT/],
      [['export', '--fix', HULTSFRED], /--fix gäller bara lint/],
      [['lint', '-o', 'x', HULTSFRED], /-o gäller bara export/],
      [['--locale', 'en', 'export', '--format', 'odt', HULTSFRED], /unknown format "odt"; use html, docx or pdf/],
    ];
    for (const [args, message] of cases) {
      const r = granska(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });

  it('embeds the report\'s pictures, so the exports stand alone, and only real pictures', async () => {
    fs.copyFileSync(path.join(ROOT, 'images', 'icon.png'), path.join(dir, 'logga.png'));
    fs.writeFileSync(path.join(dir, 'falsk.png'), 'inte en bild');
    fs.writeFileSync(path.join(dir, 'rapport.rev.md'), '---\ntyp: förstudie\nkommun: A kommun\ntitel: T\ndatum: 2024-01-01\n---\n\n# Bakgrund\n\n![Kommunens logga](logga.png)\n\n![Falsk](falsk.png) ![Ingen](saknas.png)\n');
    const r = granska(['export', 'rapport.rev.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(path.join(dir, 'rapport.html'), 'utf8');
    assert.match(html, /<img src="data:image\/png;base64,iVBOR[^"]+" alt="Kommunens logga" width="\d+" height="\d+">/);
    assert.match(html, /<img src="falsk\.png" alt="Falsk">/, 'a file that is no picture is not embedded');
    assert.match(html, /<img src="saknas\.png" alt="Ingen">/);
    const d = granska(['export', '--format', 'docx', 'rapport.rev.md'], dir);
    assert.equal(d.status, 0, d.stderr);
    const entries = await zipEntries(path.join(dir, 'rapport.docx'));
    const media = [...entries.keys()].filter((k) => k.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.deepEqual(entries.get(media[0])!.subarray(1, 4).toString(), 'PNG');
    assert.match(entries.get('word/document.xml')!.toString('utf8'), /descr="Kommunens logga"/);
  });

  describe('Word', () => {
    let docx: string;
    let xml: string;
    let footnotesXml: string;
    let footerXml: string;
    let stylesXml: string;
    let coreXml: string;
    let settingsXml: string;

    before(async () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-docx-'));
      docx = path.join(out, 'granskning-asyl-integration.docx');
      const r = granska(['export', '--format', 'docx', HULTSFRED, '-o', docx]);
      assert.equal(r.status, 0, r.stderr);
      const entries = await zipEntries(docx);
      xml = entries.get('word/document.xml')!.toString('utf8');
      footnotesXml = entries.get('word/footnotes.xml')!.toString('utf8');
      stylesXml = entries.get('word/styles.xml')!.toString('utf8');
      coreXml = entries.get('docProps/core.xml')!.toString('utf8');
      settingsXml = entries.get('word/settings.xml')!.toString('utf8');
      footerXml = [...entries].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, b]) => b.toString('utf8')).join('');
    });

    const paragraphsOfStyle = (style: string): string[] =>
      [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="([^"]+)"\/>[\s\S]*?<\/w:p>/g)]
        .filter((m) => m[1] === style)
        .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

    it('has real headings, in Word\'s heading styles, for the report\'s headings', () => {
      const source = fs.readFileSync(HULTSFRED, 'utf8');
      const h1 = paragraphsOfStyle('Heading1');
      const h2 = paragraphsOfStyle('Heading2');
      assert.equal(h1.length, (source.match(/^# /gm) ?? []).length);
      assert.equal(h1[0], '1 Sammanfattning och revisionell bedömning');
      assert.ok(h2.includes('3.1 Kontrollmål 1: Finns mål och aktiviteter för att förbättra asyl och integration?'), h2.join('\n'));
      assert.equal(paragraphsOfStyle('Title')[0], 'Granskning av insatser för asyl och integration');
      assert.match(xml, /TOC \\h \\o &quot;1-2&quot;/, "a table of contents field over levels 1 and 2");
    });

    it('has the summary table as a Word table, with its grades', () => {
      const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
      const summary = tables.find((t) => t.includes('Kommentar') && t.includes('Bedömning'));
      assert.ok(summary, 'no summary table');
      assert.equal((summary.match(/<w:tr>/g) ?? []).length, 5);
      assert.equal((summary.match(/Delvis uppfyllt/g) ?? []).length, 2);
    });

    it('has one Word footnote per footnote in the source, and every reference points at one', () => {
      const source = fs.readFileSync(HULTSFRED, 'utf8');
      const definitions = (source.match(/^\[\^[^\]]+\]:/gm) ?? []).length;
      const references = (source.match(/\[\^[^\]]+\](?!:)/g) ?? []).length;
      const footnotes = [...footnotesXml.matchAll(/<w:footnote (?:w:type="[^"]*" )?w:id="(-?\d+)"/g)].map((m) => Number(m[1])).filter((id) => id > 0);
      assert.equal(footnotes.length, definitions);
      const marks = [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const again = [...xml.matchAll(/NOTEREF _GranskaFn(\d+)/g)].map((m) => Number(m[1]));
      assert.deepEqual([...marks].sort(), [...footnotes].sort(), 'each footnote is marked once');
      assert.equal(marks.length + again.length, references, 'a repeated reference is a cross-reference to the same footnote');
      for (const id of again) assert.ok(xml.includes(`w:name="_GranskaFn${id}"`), `no bookmark for footnote ${id}`);
      assert.match(footnotesXml, /KF § 16\/2015-02-23/);
    });

    it('gives the heading styles outline levels, so navigation panes and PDF converters see the headings', () => {
      for (let level = 1; level <= 4; level++) {
        const style = stylesXml.match(new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[\\s\\S]*?</w:style>`))?.[0] ?? '';
        assert.match(style, new RegExp(`<w:outlineLvl w:val="${level - 1}"/>`), `Heading${level}`);
      }
    });

    it('writes block quotes in Word\'s named Quote style', () => {
      assert.match(stylesXml, /<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"\/>/);
      const quotes = paragraphsOfStyle('Quote');
      assert.ok(quotes.length > 0, 'no paragraph in the Quote style');
      const source = fs.readFileSync(HULTSFRED, 'utf8');
      const quoted = source.match(/^> (.+)$/m)![1].replace(/[*_]/g, '').slice(0, 30);
      assert.ok(quotes.some((q) => q.includes(quoted)), quotes.join('\n'));
    });

    it('names the report\'s title and authors, not Granska, as the document\'s properties, in Swedish', () => {
      assert.match(coreXml, /<dc:title>Granskning av insatser för asyl och integration<\/dc:title>/);
      assert.match(coreXml, /<dc:creator>Caroline Liljebjörn<\/dc:creator>/);
      assert.doesNotMatch(coreXml, />Granska</);
      assert.match(coreXml, /<dc:language>sv-SE<\/dc:language>/);
      assert.match(settingsXml, /<w:themeFontLang w:val="sv-SE"\/>/);
      // The schema's order: w:themeFontLang comes after w:compat, which Word's own files follow.
      assert.match(settingsXml, /<\/w:compat>[\s\S]*<w:themeFontLang w:val="sv-SE"\/>/);
      assert.match(stylesXml, /<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:docDefaults>/);
    });

    it('numbers the pages in the footer', () => {
      assert.match(footerXml, /PAGE/);
      assert.match(footerXml, /NUMPAGES/);
    });

    it('opens in LibreOffice, which converts it to a PDF with the report in it', function () {
      const office = needTool(this, 'libreoffice', 'apt-get install libreoffice-writer-nogui');
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lo-'));
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lo-profile-'));
      const r = spawnSync(office!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { encoding: 'utf8', timeout: 110_000 });
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      const pdf = path.join(out, 'granskning-asyl-integration.pdf');
      assert.ok(fs.existsSync(pdf), `${r.stdout}\n${r.stderr}`);
      assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
      const pdftotext = needTool(this, 'pdftotext', 'apt-get install poppler-utils');
      const pdfText = spawnSync(pdftotext!, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      assert.match(pdfText, /Granskning av insatser för asyl och integration/);
      assert.match(pdfText, /Kontrollmål 4: Har analys och uppföljning/);
      assert.match(pdfText, /KF § 16\/2015-02-23/, 'the footnotes are in the PDF');
      assert.match(pdfText, /Sida 2 \(\d+\)/, 'the pages are numbered');
    });
  });
});
