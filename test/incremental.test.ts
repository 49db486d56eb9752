import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateReport } from '../bench/generate.ts';
import { parseIncrementally } from '../server/src/model/incremental.ts';
import { parseMarkdown, parseMarkdownFull } from '../server/src/model/markdown.ts';
import { parseAuditDocument, parseNextVersion } from '../server/src/model/parse.ts';
import type { AuditDocument } from '../server/src/model/types.ts';
import { runRules } from '../server/src/lint/lint.ts';
import { LineIndex } from '../server/src/model/text.ts';
import { readDocuments } from './helpers/lint.ts';

const samples = () => readDocuments('samples');

/** Link definitions and references to them, in tables and quotes: definitions resolve document-wide. */
const DEFINITIONS = ['[namn]: https://example.org\n', '> [namn]: https://example.org\n', '- [namn]: https://example.org\n', '> > [x]: <https://e.org> "t"\n', '| [namn] | [x][] |\n| - | - |\n', '| [namn] |\n', '[namn]', '[x][namn]', '\n[namn]: https://example.org\n\n'];

const INSERTS = [...DEFINITIONS, 'a', ' ', '\n', '\n\n', '#', '## ', '# Rubrik\n', '## Kontrollmål 9: X\n', '[^1]', '[^ny]', '[^1]: KF § 1/2019-01-01\n', '[^ny]: x\n', '|', '| a | b |\n| - | - |\n', '- ', '> ', '```', '<!--', '-->', '---', '---\n', '*', '_', 'Ä', '😀', '\r\n', '\r', '---\r', '    ', '[x]: https://example.org\n', '[x]', '<div>', '<div>\n', '\n<p>'];

/** Applies an edit and asserts that the incremental tree equals a full parse, or that it declined. */
/** The text with `cut` characters replaced by `insert` at `where` (taken modulo the text's length, plus one). */
function edited(text: string, where: number, cut: number, insert: string): string {
  const at = where % (text.length + 1);
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
}

function check(text: string, at: number, cut: number, insert: string): boolean {
  const prev = { text, root: parseMarkdown(text) };
  const next = edited(text, at, cut, insert);
  const incremental = parseIncrementally(prev, next);
  if (incremental === null) return false;
  assert.deepEqual(incremental, parseMarkdown(next));
  return true;
}

describe('incremental parse: always equal to a full parse of the same text', () => {
  const docs = samples();

  it('on random edits of the samples', () => {
    let reused = 0;
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(30), fc.constantFrom(...INSERTS, ''), (d, where, cut, insert) => {
        const text = docs[d];
        if (check(text, where % (text.length + 1), cut, insert)) reused++;
      }),
      { numRuns: 600 },
    );
    // Most edits must take the fast path, or the property says little.
    assert.ok(reused > 300, `only ${reused} of 600 edits were incremental`);
  });

  it('on random edits among the footnote definitions at the end of a report', () => {
    // Each definition at the start of a line is a section of its own; edits here join,
    // split, indent and un-indent definitions and break their markers.
    const text = docs.find((t) => /\n\[\^[^\]]+\]:/.test(t))!;
    const first = text.search(/\n\[\^[^\]]+\]:/);
    let reused = 0;
    const inserts = [...INSERTS, '\n    ', 'text\n', '[^9]: ny\n', ':', ']', '^'];
    fc.assert(
      fc.property(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(6), fc.constantFrom(...inserts, ''), (where, cut, insert) => {
        if (check(text, first + (where % (text.length - first + 1)), cut, insert)) reused++;
      }),
      { numRuns: 100 },
    );
    assert.ok(reused > 50, `only ${reused} of 100 edits were incremental`);
  });

  it('on sequences of edits, each reusing the previous version', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(10), fc.constantFrom(...INSERTS)), { minLength: 1, maxLength: 8 }), (edits) => {
        let text = docs[0];
        let prev = { text, root: parseMarkdown(text) };
        for (const [where, cut, insert] of edits) {
          text = edited(text, where, cut, insert);
          const root = parseIncrementally(prev, text) ?? parseMarkdown(text);
          assert.deepEqual(root, parseMarkdown(text));
          prev = { text, root };
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same model and findings when each version reuses the previous model', () => {
    // The model keeps per-block facts across versions and moves them with their blocks;
    // this is where a stale or doubly moved offset would show.
    const facts = (d: AuditDocument) => ({
      root: d.root, lines: d.lines.lineStarts, sections: d.sections, textRuns: d.textRuns, footnoteRefs: d.footnoteRefs, footnoteDefs: d.footnoteDefs, decisions: d.decisions,
      malformedRefs: d.malformedRefs, controls: d.controls, controlObjectives: d.controlObjectives, findings: runRules(d),
    });
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.array(fc.tuple(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(10), fc.constantFrom(...INSERTS, '')), { minLength: 1, maxLength: 8 }), (d, edits) => {
        let text = docs[d];
        let model = parseAuditDocument(text);
        for (const [where, cut, insert] of edits) {
          text = edited(text, where, cut, insert);
          model = parseNextVersion(model, text);
          assert.deepEqual(facts(model), facts(parseAuditDocument(text)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives each version its own tree, sections and units even when they are first read after later versions were parsed from it', () => {
    // The section tree and the units are built when first read, the text runs spliced when
    // first read, and the blocks after an edit moved when the tree is first read; the next version moves the nodes of the tree. What a version gives must not depend on when
    // it is read. (Nodes and facts are shared with later versions, so only what the model
    // computes for itself is compared: spans, titles, numbers, grades.)
    const sectionsOf = (list: readonly AuditDocument['sections'][number][]): unknown[] =>
      list.map((s) => ({ depth: s.depth, title: s.title, key: s.key, headingSpan: s.headingSpan, span: s.span, first: s.first, end: s.end, children: sectionsOf(s.children) }));
    const own = (d: AuditDocument) => ({
      sections: sectionsOf(d.sections),
      units: d.controlObjectives.map((u) => ({ number: u.number, text: u.text, headingSpan: u.headingSpan, span: u.span, grade: u.bedomning?.gradeText, gradeSpan: u.bedomning?.gradeSpan })),
      findingsSection: d.findingsSection?.headingSpan ?? null,
      summaryRows: d.summaryTable?.rows.map((r) => r.span) ?? null,
    });
    const report = generateReport(20_000, 3);
    fc.assert(
      fc.property(fc.nat(docs.length), fc.array(fc.tuple(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(10), fc.constantFrom(...INSERTS, '', 'x')), { minLength: 2, maxLength: 8 }), (d, edits) => {
        let text = d < docs.length ? docs[d] : report;
        const versions = [{ text, model: parseAuditDocument(text) }];
        for (const [where, cut, insert] of edits) {
          text = edited(text, where, cut, insert);
          versions.push({ text, model: parseNextVersion(versions[versions.length - 1].model, text) });
        }
        for (const v of versions) assert.deepEqual(own(v.model), own(parseAuditDocument(v.text)));
        // The newest version's tree, moved only when first read, and its findings.
        const last = versions[versions.length - 1];
        const full = parseAuditDocument(last.text);
        // Its text runs, spliced only when first read, and read here before its tree.
        assert.deepEqual(last.model.textRuns, full.textRuns);
        assert.deepEqual(last.model.root, full.root);
        assert.deepEqual(runRules(last.model), runRules(full));
      }),
      { numRuns: 40 },
    );
  });

  it('gives each unit the grade a full parse gives, in every house profile, when each version reuses the previous model', () => {
    // Grades written in prose are kept per paragraph and moved with it; an edit in the
    // paragraph, before it or after it must give what a full parse gives.
    const dir = path.join('test', 'fixtures', 'profiles');
    const texts = fs.readdirSync(dir).flatMap((p) => fs.readdirSync(path.join(dir, p)).filter((f) => f.endsWith('.rev.md')).map((f) => fs.readFileSync(path.join(dir, p, f), 'utf8')));
    const grades = (d: AuditDocument) => d.controlObjectives.map((u) => ({ grade: u.bedomning?.gradeText, span: u.bedomning?.gradeSpan, from: u.bedomning?.gradeFrom }));
    const inserts = [...INSERTS, 'x', 'Uppfyllt. ', 'delvis ', '**Bedömning:** Ej uppfyllt. ', '\n\nVi bedömer att målet är uppfyllt.\n'];
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(fc.tuple(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(10), fc.constantFrom(...inserts, '')), { minLength: 1, maxLength: 8 }), (d, edits) => {
        let text = texts[d];
        let model = parseAuditDocument(text);
        for (const [where, cut, insert] of edits) {
          text = edited(text, where, cut, insert);
          model = parseNextVersion(model, text);
          assert.deepEqual(grades(model), grades(parseAuditDocument(text)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on edits that add, move and remove link definitions, inside and outside tables and quotes', () => {
    // A reference in a table and in another section, and a definition in a quote: each
    // edit below adds, removes or moves a definition, and every version must resolve the
    // references as a full parse does.
    const base = [
      '# Sammanfattning\n', '| Kontrollmål | Bedömning |\n| --- | --- |\n| [namn] | [x][] |\n', '# Inledning\n',
      'Se [namn] och [x].\n', '> Citat.\n>\n> [namn]: https://example.org\n', '## Syfte\n', 'Text [y].\n', '- punkt\n\n  [y]: https://e.org\n',
    ].join('\n');
    const pieces = [...DEFINITIONS, '[y]: https://e.org\n', '> ', '| ', '\n', '\n\n', '## ', ''];
    let reused = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(40), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 6 }), (edits) => {
        let text = base;
        let prev = { text, root: parseMarkdownFull(text) };
        for (const [where, cut, insert] of edits) {
          text = edited(text, where, cut, insert);
          const incremental = parseIncrementally(prev, text);
          if (incremental) reused++;
          const root = incremental ?? parseMarkdown(text);
          assert.deepEqual(root, parseMarkdownFull(text));
          prev = { text, root };
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(reused > 100, `only ${reused} edits were incremental`);
  });

  it('on edits around paragraphs that follow lists, tables, quotes, code and footnotes after a blank line', () => {
    // A paragraph after a blank line is where a region may start or end: each edit here tries
    // to make a block continue across that line (a list item that joins the list before, a
    // removed blank line, an indented line, a table row, a lazy quote) and every version must
    // still equal a full parse.
    const base = [
      '# A\n', 'Första stycket.\n', '- punkt ett\n- punkt två\n', 'Stycke efter listan.\n', '1. ett\n2. två\n', '1986 var ett år.\n',
      '| a | b |\n| - | - |\n| 1 | 2 |\n', 'Stycke efter tabellen.\n', '> citat\n> mer\n', 'Stycke efter citatet.\n', '    kod\n', 'Stycke efter koden.\n',
      '[^1]: Fotnot.\n', '-stycke utan mellanslag\n', 'Rubrik\n===\n', 'Sista stycket[^1].\n', '#### Djup rubrik\n', 'Text direkt under.\n',
    ].join('\n');
    const pieces = ['\n', '\n\n', ' ', '    ', '- ', '. ', '1. ', '* ', '> ', '|', '| x |\n', '===\n', '---\n', '[^1]: ny\n', '# ', '#### ', 'a', '\r\n', '\t', ''];
    let reused = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(4), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 6 }), (edits) => {
        let text = base;
        let prev = { text, root: parseMarkdownFull(text) };
        for (const [where, cut, insert] of edits) {
          text = edited(text, where, cut, insert);
          const incremental = parseIncrementally(prev, text);
          if (incremental) reused++;
          const root = incremental ?? parseMarkdown(text);
          assert.deepEqual(root, parseMarkdownFull(text));
          prev = { text, root };
        }
      }),
      { numRuns: 400 },
    );
    assert.ok(reused > 400, `only ${reused} edits were incremental`);
  });

  it('keeps a link definition whose label starts with a caret a link definition when a region is re-parsed', () => {
    // `[^1\n]: …` cannot be a footnote definition (a footnote label holds no line break), so
    // it defines the link label `^1`, and `[^1]` elsewhere is a link reference to it. A region
    // parsed on its own gets that definition as a stub, which must not turn into a footnote.
    const before = 'Stycke.\n\n[^1\n]: Fotnot.\n\nRubrik\n===\n\nSista stycket[^1].\n';
    const after = before.replace('===\n', '===\n\n');
    const prev = { text: before, root: parseMarkdownFull(before) };
    const incremental = parseIncrementally(prev, after);
    assert.ok(incremental, 'the edit is re-parsed as a region');
    assert.deepEqual(incremental, parseMarkdownFull(after));
    const text = JSON.stringify(incremental);
    assert.ok(text.includes('"linkReference"') && !text.includes('"footnoteReference"'));
  });

  it('re-parses only the paragraph a keystroke falls in, keeping the other paragraphs of its section', () => {
    const text = generateReport(300_000, 9);
    // Inside the paragraph, not at its first character (which would re-parse the block before it too).
    const at = text.indexOf('Vi bedömer att', 150_000) + 3;
    const prev = { text, root: parseMarkdown(text) };
    const index = prev.root.children.findIndex((n) => (n.position?.start.offset ?? 0) > at) - 1;
    const [before, edited, after] = [prev.root.children[index - 1], prev.root.children[index], prev.root.children[index + 1]];
    assert.equal(edited.type, 'paragraph');
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const root = parseIncrementally(prev, next);
    assert.ok(root);
    assert.deepEqual(root, parseMarkdown(next));
    // The paragraphs before and after the edited one, in the same kontrollmål, are the previous version's nodes.
    assert.equal(root.children[index - 1], before);
    assert.equal(root.children[index + 1], after);
    assert.notEqual(root.children[index], edited);
  });

  it('keeps the line index equal to one built anew, for edits with every kind of line break', () => {
    const pieces = ['\n', '\r', '\r\n', '\n\n', '\r\r', 'a', 'åä', '😀', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.array(fc.tuple(fc.nat(40), fc.nat(4), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 6 }), (init, edits) => {
        let text = init.join('');
        let lines = new LineIndex(text);
        for (const [where, cut, insert] of edits) {
          const at = Math.min(where, text.length);
          const end = Math.min(text.length, at + cut);
          text = text.slice(0, at) + insert + text.slice(end);
          lines = LineIndex.edited(lines, text, at, end, at + insert.length);
          assert.deepEqual(lines.lineStarts, new LineIndex(text).lineStarts);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves a reference in another section against a definition inside a quote (found by the fuzzer)', () => {
    const text = '# A\n\nSe [namn] här.\n\n# B\n\n> [namn]: https://example.org\n';
    assert.ok(check(text, text.indexOf('här'), 1, 'd'));
    const model = parseNextVersion(parseAuditDocument(text), text.replace('här', 'där'));
    assert.deepEqual(runRules(model).map((f) => f.rule), runRules(parseAuditDocument(text.replace('här', 'där'))).map((f) => f.rule));
    assert.ok(!runRules(model).some((f) => f.rule === 'platshallare'), 'the reference is a link, not a placeholder');
  });

  it('re-parses one section for a one-character edit in a 300 KB report', () => {
    const text = generateReport(300_000, 9);
    const at = text.indexOf('Vi bedömer att', 150_000);
    assert.ok(check(text, at, 0, 'x'));
    assert.ok(check(text, at, 1, ''));
  });

  it('resolves a reference typed inside another label, like a full parse (found by the property test)', () => {
    const text = '# A\n\nText.[^3]\n\n# B\n\n[^1]: KF § 1/2019-01-01\n';
    assert.ok(check(text, text.indexOf('[^3]') + 2, 0, '[^1]'));
  });

  it('after an opening `---` that is never closed, whatever its line ending, like a full parse', () => {
    // A failed frontmatter changes how micromark reads later tables and quotes.
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['---', 'öppen', '', '| H0 |', '|---|', '> Citat', 'lat rad', '', 'Text här.', '', '| a | b |', '| - | - |', '| 1 | 2 |', ''].join(eol);
      for (let at = 0; at <= text.length; at++) for (const insert of ['a', '|', eol]) check(text, at, 0, insert);
    }
  });

  it('declines edits that can change structure elsewhere', () => {
    const text = docs[0];
    const paragraph = text.indexOf('\n\n', text.indexOf('# Inledning')) + 2;
    for (const insert of ['```\n', '<!-- ', '[^9]: ny fotnot\n\n']) assert.equal(check(text, paragraph, 0, insert), false, insert);
    assert.equal(check(text, 5, 0, 'x'), false, 'inside the frontmatter');
  });
});
