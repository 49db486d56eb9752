import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ROOT } from './helpers/lint.ts';
import { granska } from './helpers/run.ts';
import { needTool } from './helpers/tools.ts';
import { solidPng } from './helpers/png.ts';

const HULTSFRED = path.join(ROOT, 'samples', 'hultsfred', 'granskning-asyl-integration.rev.md');
const MAGENTA = [255, 0, 255];
const RED = [255, 0, 0];

const LOGO = solidPng(80, 20, MAGENTA);

/**
 * A firm's template, made as a firm would from the one `granska mall` writes: Heading 1 red
 * in a Swedish Word's style id («Rubrik1»), body text in a «Body Text» style, wide margins,
 * and a header with the firm's logo and the report's title.
 */
function makeHouseTemplate(defaultTemplate: string, target: string): void {
  const files = unzipSync(fs.readFileSync(defaultTemplate));
  const text = (name: string): string => strFromU8(files[name]);
  let styles = text('word/styles.xml');
  styles = styles.replace(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/,
    '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="DejaVu Sans Mono" w:hAnsi="DejaVu Sans Mono"/><w:b/><w:color w:val="FF0000"/><w:sz w:val="48"/></w:rPr></w:style>');
  styles = styles.replace('</w:styles>', '<w:style w:type="paragraph" w:styleId="Brodtext"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:rFonts w:ascii="DejaVu Sans Mono" w:hAnsi="DejaVu Sans Mono"/><w:sz w:val="18"/></w:rPr></w:style></w:styles>');
  files['word/styles.xml'] = strToU8(styles);
  files['word/document.xml'] = strToU8(text('word/document.xml').replace(/w:val="Heading1"/g, 'w:val="Rubrik1"').replace(/<w:pgMar w:top="\d+" w:right="\d+" w:bottom="\d+" w:left="\d+"/g, '<w:pgMar w:top="1800" w:right="1134" w:bottom="1361" w:left="3000"'));
  const rels = text('word/_rels/document.xml.rels');
  const headerPart = /Target="(header\d+\.xml)"/.exec(rels)![1];
  const header = text(`word/${headerPart}`).replace(/<w:p>[\s\S]*<\/w:p>/, `<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1440000" cy="360000"/><wp:docPr id="900" name="Logotyp"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1440000" cy="360000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve"> Byrån AB: {{titel}}</w:t></w:r></w:p>`);
  files[`word/${headerPart}`] = strToU8(header);
  files[`word/_rels/${headerPart}.rels`] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/></Relationships>');
  files['word/media/logo.png'] = new Uint8Array(LOGO);
  // A first page of its own: a header with only the firm's name, on the report's first page.
  files['word/header-forsta.xml'] = strToU8(header.replace(/<w:p>[\s\S]*<\/w:p>/, '<w:p><w:r><w:t>Revisionsbyrån AB, första sidan</w:t></w:r></w:p>'));
  files['word/_rels/document.xml.rels'] = strToU8(text('word/_rels/document.xml.rels').replace('</Relationships>', '<Relationship Id="rIdForsta" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header-forsta.xml"/></Relationships>'));
  files['[Content_Types].xml'] = strToU8(text('[Content_Types].xml').replace('</Types>', '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" PartName="/word/header-forsta.xml"/></Types>'));
  const document = strFromU8(files['word/document.xml']);
  const last = document.lastIndexOf('<w:sectPr>');
  files['word/document.xml'] = strToU8(document.slice(0, last) + document.slice(last).replace('<w:sectPr>', '<w:sectPr><w:headerReference w:type="first" r:id="rIdForsta"/>').replace('<w:docGrid', '<w:titlePg/><w:docGrid'));
  fs.writeFileSync(target, zipSync(files));
}

/** Share of a page's pixels near a colour, from a PPM that pdftoppm renders. */
function colourShare(ppm: Buffer, [r, g, b]: number[], rows?: [number, number]): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const [from, to] = rows ? [Math.floor(rows[0] * height), Math.floor(rows[1] * height)] : [0, height];
  let hits = 0;
  for (let y = from; y < to; y++) {
    for (let x = 0; x < width; x++) {
      const i = start + (y * width + x) * 3;
      if (Math.abs(ppm[i] - r) + Math.abs(ppm[i + 1] - g) + Math.abs(ppm[i + 2] - b) < 60) hits++;
    }
  }
  return hits / (width * (to - from));
}

describe('the firm\'s Word template (wordmall, granska mall)', function () {
  this.timeout(240_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-mall-'));
  });

  after(() => {
    if (dir && !process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('granska mall writes a Word template with every style the export uses, and keeps an existing one', () => {
    const r = granska(['mall', '-o', 'mallar/granska-mall.dotx'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /"wordmall": "mallar\/granska-mall\.dotx"/);
    const files = unzipSync(fs.readFileSync(path.join(dir, 'mallar', 'granska-mall.dotx')));
    assert.match(strFromU8(files['[Content_Types].xml']), /wordprocessingml\.template\.main\+xml/);
    const styles = strFromU8(files['word/styles.xml']);
    for (const name of ['Heading 1', 'Heading 2', 'Heading 3', 'Heading 4', 'Title', 'Quote']) assert.match(styles, new RegExp(`<w:name w:val="${name}"/>`), name);
    const headers = Object.keys(files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => strFromU8(files[f])).join('');
    assert.match(headers, /\{\{kommun\}\} – \{\{titel\}\}/);
    const again = granska(['mall', '-o', 'mallar/granska-mall.dotx'], dir);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /finns redan/);
  });

  describe('an export in a house template', () => {
    let exported: Record<string, Uint8Array>;
    let docx: string;

    before(() => {
      const base = path.join(dir, 'husmall-grund.dotx');
      assert.equal(granska(['mall', '-o', base], dir).status, 0);
      makeHouseTemplate(base, path.join(dir, 'husmall.dotx'));
      fs.writeFileSync(path.join(dir, '.granskarc.json'), '{ "wordmall": "husmall.dotx" }\n');
      fs.copyFileSync(HULTSFRED, path.join(dir, 'rapport.rev.md'));
      const r = granska(['export', '--format', 'docx', 'rapport.rev.md'], dir);
      assert.equal(r.status, 0, r.stderr);
      docx = path.join(dir, 'rapport.docx');
      exported = unzipSync(fs.readFileSync(docx));
    });

    it('has the template\'s styles, found by their Word names whatever their ids', () => {
      const styles = strFromU8(exported['word/styles.xml']);
      const document = strFromU8(exported['word/document.xml']);
      assert.match(styles, /<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"\/>[\s\S]*?<w:color w:val="FF0000"\/>/);
      assert.doesNotMatch(styles, /w:styleId="Heading1"/, 'one Heading 1: the template\'s');
      assert.equal((document.match(/<w:pStyle w:val="Rubrik1"\/>/g) ?? []).length, (fs.readFileSync(HULTSFRED, 'utf8').match(/^# /gm) ?? []).length);
      assert.doesNotMatch(document, /w:val="Heading1"/);
      assert.match(document, /<w:pStyle w:val="Brodtext"\/><\/w:pPr><w:r><w:t xml:space="preserve">Kommunfullmäktige har antagit/, 'body text in the template\'s Body Text');
      assert.match(styles, /w:styleId="Quote"/, 'the export\'s own Quote style, which the template lacks, is kept');
      assert.match(document, /<w:pgMar w:top="1800" w:right="1134" w:bottom="1361" w:left="3000"/);
    });

    it('has the template\'s header, with its logo and the report\'s title', () => {
      const rels = strFromU8(exported['word/_rels/document.xml.rels']);
      const part = [...rels.matchAll(/Type="[^"]+\/header" Target="(granska-mall-header\d+\.xml)"/g)].map((m) => m[1]).find((f) => strFromU8(exported[`word/${f}`]).includes('Byrån AB:'));
      assert.ok(part, rels);
      const header = strFromU8(exported[`word/${part}`]);
      assert.match(header, /Byrån AB: Granskning av insatser för asyl och integration/);
      const headerRels = strFromU8(exported[`word/_rels/${part}.rels`]);
      const logo = /Target="([^"]+\.png)"/.exec(headerRels)![1];
      assert.deepEqual(Buffer.from(exported[`word/${logo}`]), LOGO);
      const document = strFromU8(exported['word/document.xml']);
      const headers = [...rels.matchAll(/Id="([^"]+)"[^>]*Target="(granska-mall-header\d+\.xml)"/g)];
      const byText = (t: string): string => headers.find(([, , file]) => strFromU8(exported[`word/${file}`]).includes(t))![1];
      const sections = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
      for (const section of sections) assert.match(section, new RegExp(`<w:headerReference w:type="default" r:id="${byText('Byrån AB:')}"/>`));
      // The template's first page is the report's first page (the title page), and only that.
      assert.match(sections[0], new RegExp(`<w:headerReference w:type="first" r:id="${byText('första sidan')}"/>[\\s\\S]*<w:titlePg/>`));
      assert.ok(sections.slice(1).every((x) => !x.includes('<w:titlePg/>')), 'no other section starts with a first page');
    });

    it('shows the logo in the header and the template\'s red Heading 1 on the rendered pages', function () {
      const office = needTool(this, 'soffice', 'apt-get install libreoffice-writer-nogui');
      needTool(this, 'pdftoppm', 'apt-get install poppler-utils');
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lo-profile-'));
      const r = spawnSync(office!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 180_000 });
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      // Page 3 starts the first chapter: the header with the logo, then «1 Sammanfattning …».
      const ppm = spawnSync('pdftoppm', ['-f', '3', '-l', '3', '-r', '40', path.join(dir, 'rapport.pdf')], { maxBuffer: 64 * 1024 * 1024 }).stdout as Buffer;
      const logo = colourShare(ppm, MAGENTA, [0, 0.15]);
      const heading = colourShare(ppm, RED);
      assert.ok(logo > 0.002, `the logo covers ${(logo * 100).toFixed(2)} % of the page's top`);
      assert.ok(heading > 0.0005, `red heading text covers ${(heading * 100).toFixed(3)} % of the page`);
    });
  });

  it('says so when the template named in .granskarc.json cannot be read or is no Word file', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'fel-'));
    fs.copyFileSync(HULTSFRED, path.join(sub, 'rapport.rev.md'));
    fs.writeFileSync(path.join(sub, '.granskarc.json'), '{ "wordmall": "saknas.dotx" }\n');
    const missing = granska(['export', '--format', 'docx', 'rapport.rev.md'], sub);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Wordmallen .*saknas\.dotx .*kan inte läsas \(ENOENT\)/);
    fs.writeFileSync(path.join(sub, 'trasig.dotx'), 'inte en zip');
    fs.writeFileSync(path.join(sub, '.granskarc.json'), '{ "wordmall": "trasig.dotx" }\n');
    const broken = granska(['export', '--format', 'docx', 'rapport.rev.md'], sub);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /är inte ett Word-dokument/);
    assert.ok(!fs.existsSync(path.join(sub, 'rapport.docx')));
  });
});
