import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { collectFiles } from '../server/src/cli/lint-files.ts';
import { fileExistsFrom, loadConfigFor } from '../server/src/config/load.ts';
import { lintText } from '../server/src/lint/lint.ts';
import { ROOT } from './helpers/lint.ts';
import { solidPng } from './helpers/png.ts';
import { wordDifference, words } from './helpers/words.ts';
import { granska } from './helpers/run.ts';
import { needTool } from './helpers/tools.ts';

/** The lint result of a text as if it stood in a folder: code, severity and message, in order. */
function lintAs(text: string, folder: string): string[] {
  const config = loadConfigFor(folder).config;
  return lintText(text, { config, fileExists: fileExistsFrom(folder) }).map((d) => `${d.code} ${d.severity} ${d.message}`).sort();
}

const FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>Granskning av bygglovshanteringen</dc:title><meta:initial-creator>Anna Revisor</meta:initial-creator><dc:creator>Anna Revisor</dc:creator></office:meta>
 <office:styles>
  <style:style style:name="Heading" style:family="paragraph" style:class="text"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Quote" style:display-name="Quote" style:family="paragraph" style:class="html"><style:paragraph-properties fo:margin-left="1cm"/><style:text-properties fo:font-style="italic"/></style:style>
 </office:styles>
 <office:body><office:text>
  <text:p text:style-name="Title">Granskning av bygglovshanteringen</text:p>
  <text:p>Exempels kommun</text:p>
  <text:p>2024-03-01</text:p>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">1. Sammanfattning</text:h>
  <text:p>Vi bedömer att byggnadsnämnden delvis säkerställer en rättssäker bygglovshantering.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>KF § 12/2023-02-20</text:p></text:note-body></text:note></text:p>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">2. Iakttagelser och bedömningar</text:h>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">2.1 Kontrollmål 1: Finns rutiner för handläggningen?</text:h>
  <text:h text:style-name="Heading_20_3" text:outline-level="3">Iakttagelser</text:h>
  <text:p>Nämnden har antagit en rutin.<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p>BN § 4/2023-01-17</text:p></text:note-body></text:note></text:p>
  <text:p text:style-name="Quote">Handläggningen ska vara klar inom tio veckor.</text:p>
  <text:list><text:list-item><text:p>Rutin för registrering</text:p></text:list-item><text:list-item><text:p>Rutin för kommunicering</text:p></text:list-item></text:list>
  <table:table table:name="Handlaggningstider"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>År</text:p></table:table-cell><table:table-cell><text:p>Veckor</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>2022</text:p></table:table-cell><table:table-cell><text:p>12</text:p></table:table-cell></table:table-row>
  </table:table>
  <table:table table:name="Sammanslagen"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Ärenden per handläggare</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
   <table:table-row><table:table-cell><text:p>2023</text:p></table:table-cell><table:table-cell><text:p>41</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:h text:style-name="Heading_20_3" text:outline-level="3">Bedömning</text:h>
  <text:p>Kontrollmålet bedöms som delvis uppfyllt: rutinen följs inte alltid.</text:p>
  <text:h text:style-name="Heading_20_3" text:outline-level="3">Rekommendationer</text:h>
  <text:p>Vi rekommenderar att nämnden följer upp rutinen.</text:p>
 </office:text></office:body>
</office:document>
`;

describe('granska import (Word → the dialect)', function () {
  this.timeout(240_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-import-'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('round trip: export to Word, import again', () => {
    for (const sample of collectFiles([path.join(ROOT, 'samples')]).files) {
      const name = path.relative(ROOT, sample);
      it(`${name}: the same lint result, and at most 3 % of the words differ`, () => {
        const base = path.basename(sample, '.rev.md');
        // A folder per sample: samples of different houses may share a file name.
        const sub = fs.mkdtempSync(path.join(dir, 'rt-'));
        const docx = path.join(sub, `${base}.docx`);
        assert.equal(granska(['export', '--format', 'docx', sample, '-o', docx]).status, 0);
        const r = granska(['import', docx, '-o', path.join(sub, `${base}.rev.md`)]);
        assert.equal(r.status, 0, r.stderr);
        const original = fs.readFileSync(sample, 'utf8');
        const imported = fs.readFileSync(path.join(sub, `${base}.rev.md`), 'utf8');
        // Word has no footnote without a reference and no second definition of one, so what
        // the original says about such definitions cannot come back (only med-fel has them).
        const unreferenced = new Set(lintAs(original, path.dirname(sample)).filter((d) => d.startsWith('fotnot-oanvand')).map((d) => /\[\^[^\]]+\]/.exec(d)?.[0]));
        const representable = lintAs(original, path.dirname(sample)).filter((d) => !d.startsWith('fotnot-dubblett') && !d.startsWith('fotnot-oanvand') && !(d.startsWith('fotnot-tom') && unreferenced.has(/\[\^[^\]]+\]/.exec(d)?.[0])));
        // Pictures come back under names of the import's own (bild-1.png), so a finding on one is compared without its name.
        const unnamed = (list: string[]) => list.map((d) => (d.startsWith('bild-alttext') ? d.replace(/ Bilden .*$/u, '') : d)).sort();
        assert.deepEqual(unnamed(lintAs(imported, path.dirname(sample))), unnamed(representable));
        const difference = wordDifference(words(original), words(imported));
        assert.ok(difference <= 0.03, `${(difference * 100).toFixed(2)} % of the words differ`);
      });
    }
  });

  it('saves the pictures beside the document and links them with their description', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'bild-'));
    const png = solidPng(40, 30, [20, 120, 200]);
    fs.writeFileSync(path.join(sub, 'diagram.png'), png);
    const source = fs.readFileSync(path.join(ROOT, 'samples', 'hultsfred', 'granskning-asyl-integration.rev.md'), 'utf8')
      .replace('# Inledning\n', '# Inledning\n\n![Diagram: kostnaderna per år](diagram.png)\n');
    fs.writeFileSync(path.join(sub, 'rapport.rev.md'), source);
    assert.equal(granska(['export', '--format', 'docx', 'rapport.rev.md', '-o', 'ut/rapport.docx'], sub).status, 0);
    const r = granska(['import', 'ut/rapport.docx'], sub);
    assert.equal(r.status, 0, r.stderr);
    const text = fs.readFileSync(path.join(sub, 'ut', 'rapport.rev.md'), 'utf8');
    assert.match(text, /!\[Diagram: kostnaderna per år\]\(rapport-bilder\/bild-1\.png\)/);
    assert.deepEqual(fs.readFileSync(path.join(sub, 'ut', 'rapport-bilder', 'bild-1.png')), png);
    assert.match(r.stderr, /och 1 bilder i rapport-bilder\//);
  });

  describe('a report LibreOffice made, with real footnotes and styles', () => {
    let text: string;
    let run: { status: number | null; stdout: string; stderr: string };

    before(function () {
      const office = needTool(this, 'soffice', 'apt-get install libreoffice-writer-nogui');
      const sub = fs.mkdtempSync(path.join(dir, 'lo-'));
      fs.writeFileSync(path.join(sub, 'bygglov.fodt'), FODT);
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lo-profile-'));
      const lo = spawnSync(office!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', sub, path.join(sub, 'bygglov.fodt')], { encoding: 'utf8', timeout: 180_000 });
      assert.equal(lo.status, 0, lo.stderr);
      run = granska(['import', '--profil', 'kontrollmal', 'bygglov.docx'], sub);
      assert.equal(run.status, 0, run.stderr);
      text = fs.readFileSync(path.join(sub, 'bygglov.rev.md'), 'utf8');
    });

    it('fills the frontmatter from the file, with placeholders where it says nothing', () => {
      const front = text.split('\n---\n')[0];
      assert.match(front, /^---\ntyp: granskningsrapport$/m);
      assert.match(front, /^kommun: Exempels kommun$/m);
      assert.match(front, /^titel: Granskning av bygglovshanteringen$/m);
      assert.match(front, /^datum: 2024-03-01$/m);
      assert.match(front, /^författare:\n {2}- Anna Revisor$/m);
      assert.match(front, /^granskade:\n {2}- "\[nämnd\]"$/m);
      assert.match(run.stderr, /Frontmatter: granskade, revisionsbyrå framgick inte av Word-filen/);
    });

    it('gives headings without their numbers, the grade the text states, footnotes, quote, list and table', () => {
      assert.match(text, /^# Sammanfattning$/m);
      assert.match(text, /^## Kontrollmål 1: Finns rutiner för handläggningen\?$/m);
      assert.match(text, /^### Bedömning: Delvis uppfyllt$/m);
      assert.match(text, /bygglovshantering\.\[\^1\]/);
      assert.match(text, /^\[\^1\]: KF § 12\/2023-02-20$/m);
      assert.match(text, /^\[\^2\]: BN § 4\/2023-01-17$/m);
      assert.match(text, /^> Handläggningen ska vara klar inom tio veckor\.$/m);
      assert.match(text, /^- Rutin för registrering\n- Rutin för kommunicering$/m);
      assert.match(text, /^\| År +\| Veckor +\|$/m);
    });

    it('keeps a table with merged cells as HTML and says so', () => {
      assert.match(text, /<table>[\s\S]*colspan="2"[\s\S]*Ärenden per handläggare[\s\S]*<\/table>/);
      assert.match(run.stderr, /1 tabell med sammanslagna celler behölls som HTML-tabell/);
    });

    it('accepts --profil and shows what remains to do', () => {
      // The folder's own default profile: no «profil:» is written for it.
      assert.doesNotMatch(text, /^profil:/m);
      assert.match(run.stdout, /Platshållaren "\[nämnd\]" står kvar.*platshallare/);
      assert.match(run.stdout, /Avsnittet "Inledning" saknas.*avsnitt-saknas/);
    });
  });

  it('reads a report in the house profile named with --profil, and names it in the frontmatter', () => {
    // A KPMG-style report (profile platta-kapitel), imported into a folder without configuration.
    const sample = path.join(ROOT, 'samples', 'alingsas', 'granskning-upphandling.rev.md');
    const sub = fs.mkdtempSync(path.join(dir, 'profil-'));
    const docx = path.join(sub, 'upphandling.docx');
    assert.equal(granska(['export', '--format', 'docx', sample, '-o', docx]).status, 0);
    const target = path.join(sub, 'upphandling.rev.md');
    const r = granska(['import', '--profil', 'platta-kapitel', docx, '-o', target]);
    assert.equal(r.status, 0, r.stderr);
    const imported = fs.readFileSync(target, 'utf8');
    assert.match(imported, /^profil: platta-kapitel$/m);
    // Read with its profile, the imported report says what the original says in its own folder.
    assert.deepEqual(lintAs(imported, sub), lintAs(fs.readFileSync(sample, 'utf8'), path.dirname(sample)));
    // Without the profile the same text is read as kontrollmål, and the structure is reported missing.
    assert.ok(lintAs(imported.replace(/^profil: .*\n/m, ''), sub).some((d) => d.startsWith('avsnitt-saknas')));
    const unknown = granska(['import', '--profil', 'finns-inte', docx, '-o', path.join(sub, 'annan.rev.md')]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /profilen "finns-inte" finns inte/);
  });

  it('refuses what is no Word file, and never overwrites a document', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'fel-'));
    fs.writeFileSync(path.join(sub, 'trasig.docx'), 'inte en zip');
    const broken = granska(['import', 'trasig.docx'], sub);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /är inte ett Word-dokument/);
    // A zip with the parts of a Word file, but not their XML.
    fs.writeFileSync(path.join(sub, 'skadad.docx'), zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document><<<') }));
    const damaged = granska(['import', 'skadad.docx'], sub);
    assert.equal(damaged.status, 2, damaged.stderr);
    assert.match(damaged.stderr, /Word-filen kan inte läsas/);
    assert.ok(!fs.existsSync(path.join(sub, 'skadad.rev.md')));
    fs.writeFileSync(path.join(sub, 'rapport.rev.md'), 'min text');
    fs.copyFileSync(path.join(sub, 'trasig.docx'), path.join(sub, 'rapport.docx'));
    const existing = granska(['import', 'rapport.docx'], sub);
    assert.equal(existing.status, 2);
    assert.match(existing.stderr, /finns redan/);
    assert.equal(fs.readFileSync(path.join(sub, 'rapport.rev.md'), 'utf8'), 'min text');
  });
});
