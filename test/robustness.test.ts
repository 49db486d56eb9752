import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateReport } from '../bench/generate.ts';
import { parseAuditDocument, parseNextVersion } from '../server/src/model/parse.ts';
import { lint } from './helpers/lint.ts';
import { lintDocument, type GranskaDiagnostic } from '../server/src/lint/lint.ts';

/** Every diagnostic must point inside the document: a range the editor can show. */
function assertSane(text: string, diagnostics: GranskaDiagnostic[]) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} of ${lines.length} (${d.code})`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} on line ${p.line} (${d.code})`);
    }
    assert.ok(d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character));
    assert.equal(typeof d.message, 'string');
    assert.ok(d.message.length > 0);
  }
}

function check(text: string) {
  const diagnostics = lint(text);
  assertSane(text, diagnostics);
  return diagnostics;
}

const PIECES = [
  '---', '---\n', 'typ: granskningsrapport', 'typ: missiv', 'kommun: X', 'datum: 2019-02-30', 'status: slutlig', 'skala: ja-nej',
  'till: []', 'undertecknare:\n  - namn: A', 'svar_senast: 2019-01-01', 'rapport: ../x.rev.md', 'diarienummer: 2022/347', ':', '- ', '  ', '[', '{',
  '# Sammanfattning', '# Inledning', '## Syfte och revisionsfråga', '## Revisionskriterier', '# Iakttagelser och bedömningar',
  '## Kontrollmål 1: Finns mål?', '## Kontrollmål 1: Igen', '## Kontrollmål: X', '### Iakttagelser', '### Bedömning: Uppfyllt', '### Bedömning:',
  '### Bedömning: Delvis', '### Rekommendationer', 'Inga rekommendationer.', '- Rek', 'Kontrollmålet bedöms som ej uppfyllt.',
  'Text.[^1]', '[^1]: KF § 16/2015-02-23', '[^1]:', '[^2]: KF §2/15-1-1', 'Fråga?', '| Kontrollmål | Bedömning |', '| --- | --- |',
  '| Kontrollmål 1 | Uppfyllt |', '<!-- granska-disable -->', '<!-- granska-disable-next-line platshallare -->', '```', '> ', 'TODO xx [namn]',
  'senast 2019-13-45', 'Kf § 1/2019-01-01', '\ufeff', '\r\n', '\t', '😀', '\u0000', '\\', '*', '_', '<div>', '</div>',
];

describe('robustness: any input yields diagnostics or nothing, never an exception or a hang', () => {
  it('arbitrary Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void check(s)), { numRuns: 400 });
  });

  it('random documents built from the dialect’s own pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.array(fc.constantFrom('\n', '\n\n', ' ', '\r\n', ''), { minLength: 60, maxLength: 60 }), (pieces, seps) => {
        check(pieces.map((p, i) => p + seps[i]).join(''));
      }),
      { numRuns: 1500 },
    );
  });

  it('random edits of a real report', () => {
    const report = generateReport(8_000, 3);
    fc.assert(
      fc.property(fc.nat(report.length), fc.nat(40), fc.constantFrom(...PIECES, ''), (at, cut, insert) => {
        check(report.slice(0, at) + insert + report.slice(Math.min(report.length, at + cut)));
      }),
      { numRuns: 300 },
    );
  });

  it('random edit sequences that add, move and remove link definitions lint as one parse of the text does', () => {
    // References in a table and in running text, a definition in a quote at the end: the
    // editor re-parses one section per edit, and must resolve them as the command line does.
    const report = generateReport(8_000, 3)
      .replace('\n## ', '\nSe [namn] och [x].\n\n| Kontrollmål | Källa |\n| --- | --- |\n| [namn] | [x][] |\n\n## ')
      .concat('\n> Citat.\n>\n> [namn]: https://example.org\n');
    const pieces = ['[namn]: https://example.org\n', '> [namn]: https://example.org\n', '- [x]: https://example.org\n', '[namn]', '[x]', '| [namn] |\n', '> ', '\n', '## ', '---\n', ''];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(report.length * 2), fc.nat(30), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 6 }), (edits) => {
        let text = report;
        let model = parseAuditDocument(text);
        for (const [where, cut, insert] of edits) {
          const at = where % (text.length + 1);
          text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
          model = parseNextVersion(model, text);
          assert.deepEqual(lintDocument(model), lint(text));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('an error inside a CRLF line break is shown at the end of the line (found by the property above)', () => {
    const pieces = ['---', '### Bedömning: Delvis', 'TODO xx [namn]', 'kommun: X', '{', '[^1]:', '---', '---', '---'];
    const seps = ['\n', '\n', '\n', '\n', ' ', '\r\n', ' ', '\n', '\n'];
    check(pieces.map((p, i) => p + seps[i]).join(''));
  });

  it('empty and white-space-only documents', () => {
    for (const t of ['', ' ', '\n', '\r\n\r\n', '\ufeff', '---', '---\n', '---\n---', '---\n---\n']) check(t);
    assert.deepEqual(lint('').map((d) => d.code), ['frontmatter-saknas']);
  });

  it('binary junk', () => {
    const bytes = Buffer.alloc(64 * 1024);
    let seed = 12345;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    check(bytes.toString('utf8'));
    check(bytes.toString('latin1'));
  });

  it('unclosed frontmatter', () => {
    const d = check('---\ntyp: granskningsrapport\nkommun: X\n# Sammanfattning\n\n## Kontrollmål 1: X\n');
    assert.ok(d.some((x) => x.code === 'frontmatter-yaml' && x.range.start.line === 0));
  });

  it('a 3 MB report', () => {
    const text = generateReport(3_000_000, 5);
    assert.deepEqual(check(text), []);
  });

  it('a table with 500 columns', () => {
    const row = (f: (i: number) => string) => `| ${Array.from({ length: 500 }, (_, i) => f(i)).join(' | ')} |`;
    const text = `---\ntyp: förstudie\n---\n\n${row((i) => `K${i}`)}\n${row(() => '---')}\n${row((i) => String(i))}\n${row(() => '')}\n`;
    const doc = parseAuditDocument(text);
    assert.equal(doc.root.children.filter((n) => n.type === 'table').length, 1);
    check(text);
  });

  it('10 000 footnotes', () => {
    const refs = Array.from({ length: 10_000 }, (_, i) => `Stycke ${i}.[^${i}]`).join('\n\n');
    const defs = Array.from({ length: 10_000 }, (_, i) => `[^${i}]: KF § ${i}/2015-02-23`).join('\n');
    const text = `---\ntyp: förstudie\nkommun: X\ntitel: T\ndatum: 2020-01-01\n---\n\n# Bakgrund\n\n${refs}\n\n${defs}\n`;
    const doc = parseAuditDocument(text);
    assert.equal(doc.footnoteDefs.length, 10_000);
    assert.equal(doc.footnoteRefs.filter((r) => r.defined).length, 10_000);
    check(text);
  });

  it('deep nesting, long lines and many headings', () => {
    const quoted = check('>'.repeat(20_000) + ' djup\n');
    assert.deepEqual(quoted.filter((d) => d.code === 'tolkning').map((d) => d.range.start.line), [0]);
    const listed = check('Ett stycke.\n\n' + '- '.repeat(5_000) + 'lista\n');
    const nested = listed.filter((d) => d.code === 'tolkning');
    assert.deepEqual(nested.map((d) => d.range.start.line), [2]);
    assert.match(nested[0].message, /nästlad i mer än 100 nivåer/);
    check('[' .repeat(50_000));
    check('a'.repeat(1_000_000));
    check(Array.from({ length: 20_000 }, (_, i) => `## Kontrollmål ${i}: X`).join('\n'));
  });
});
