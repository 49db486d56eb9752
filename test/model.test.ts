import * as assert from 'node:assert/strict';
import { parseAuditDocument } from '../server/src/model/parse.ts';
import { normalizeHeading } from '../server/src/model/text.ts';
import { lint } from './helpers/lint.ts';

const FM = '---\ntyp: granskningsrapport\nkommun: Hultsfreds kommun\ntitel: T\ndatum: 2019-01-22\ngranskade: [kommunstyrelsen]\n---\n';

describe('model', () => {
  it('normalises headings as spec §1 says', () => {
    assert.equal(normalizeHeading('3.1.2.  Iakttagelser  och   bedömningar:'), 'iakttagelser och bedömningar');
    assert.equal(normalizeHeading('2. Inledning'), 'inledning');
    assert.equal(normalizeHeading('3.1 Kontrollmål 1: Finns mål?'), 'kontrollmål 1: finns mål?');
  });

  it('reads kontrollmål with numbered headings, their subsections and grades', () => {
    const doc = parseAuditDocument(`${FM}\n# 3. Iakttagelser och bedömningar\n\n## 3.1 Kontrollmål 1: Finns mål?\n\n### 3.1.1 Iakttagelser\n\nText.\n\n### 3.1.2 Bedömning: Delvis  uppfyllt\n\nSkäl.\n\n### Rekommendationer\n\n- Gör så.\n\n## Kontrollmål: Utan nummer\n`);
    assert.equal(doc.controlObjectives.length, 2);
    const [a, b] = doc.controlObjectives;
    assert.equal(a.number, 1);
    assert.equal(a.text, 'Finns mål?');
    assert.equal(a.bedomning?.gradeText, 'Delvis  uppfyllt'.replace(/\s+/g, ' '));
    assert.ok(a.iakttagelser && a.rekommendation);
    assert.equal(b.number, null);
  });

  it('strips a BOM and gives LSP positions in UTF-16 code units', () => {
    const text = `\ufeff${FM}\n# Sammanfattning 😀 [^x]\n`;
    const doc = parseAuditDocument(text);
    assert.equal(doc.text.charCodeAt(0), 0x2d);
    const ref = doc.footnoteRefs[0];
    const pos = doc.lines.positionAt(ref.span.start);
    assert.equal(pos.line, 8);
    // «# Sammanfattning » is 17 code units and the emoji two more, then a space.
    assert.equal(pos.character, 20);
  });

  it('handles CRLF line endings: lines and frontmatter keys are where the editor shows them', () => {
    const text = FM.replace(/\n/g, '\r\n') + '\r\n# Sammanfattning\r\n\r\nText [^saknas].\r\n';
    const diagnostics = lint(text);
    const undefinedRef = diagnostics.find((d) => d.code === 'fotnot-odefinierad')!;
    assert.deepEqual(undefinedRef.range.start, { line: 10, character: 5 });
    const doc = parseAuditDocument(text);
    assert.deepEqual(doc.lines.positionAt(doc.frontmatter!.fields.get('datum')!.keySpan.start), { line: 4, character: 0 });
  });

  it('finds footnote references that remark-gfm leaves as text, and case-insensitive labels', () => {
    const doc = parseAuditDocument(`${FM}\nA [^1] B [^saknas] C [^X].\n\n[^1]: KF § 1/2019-01-01\n[^x]: KF § 2/2019-01-01\n`);
    assert.deepEqual(doc.footnoteRefs.map((r) => [r.label, r.defined]), [['1', true], ['saknas', false], ['X', true]]);
  });

  it('finds the summary table in Sammanfattning or its subsections', () => {
    const doc = parseAuditDocument(`${FM}\n# Sammanfattning och revisionell bedömning\n\n## 1.1 Bedömningar mot kontrollmål\n\n| Kontrollmål | Kommentar | Bedömning |\n| --- | --- | --- |\n| Kontrollmål 1 | x | Uppfyllt |\n`);
    assert.equal(doc.summaryTable?.gradeColumn, 2);
    assert.deepEqual(doc.summaryTable?.rows.map((r) => r.cells), [['Kontrollmål 1', 'x', 'Uppfyllt']]);
  });

  it('reports an unclosed frontmatter instead of reading the document as Markdown keys', () => {
    const diagnostics = lint('---\ntyp: granskningsrapport\nkommun: X\n\n# Sammanfattning\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['frontmatter-yaml', 0]]);
  });

  it('reads the inline disable comments', () => {
    const doc = parseAuditDocument(`${FM}\n<!-- granska-disable fotnot-odefinierad, platshallare -->\n\nText <!-- granska-enable --> mer.\n\n<!-- granska-disable-next-line -->\n`);
    assert.deepEqual(doc.controls.map((c) => [c.kind, c.rules]), [
      ['disable', ['fotnot-odefinierad', 'platshallare']],
      ['enable', []],
      ['disable-next-line', []],
    ]);
  });
});
