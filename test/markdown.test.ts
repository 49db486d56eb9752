import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseMarkdown, parseMarkdownFull } from '../server/src/model/markdown.ts';
import { generateReport } from '../bench/generate.ts';
import { readDocuments } from './helpers/lint.ts';

const samples = () => readDocuments('samples', path.join('test', 'fixtures'));

/** Markdown pieces that exercise the table re-parse: tables in every container, near footnotes and links. */
const PIECES = [
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  '| Kontrollmål | Bedömning |\n|---|:---:|\n| Kontrollmål 1 | Uppfyllt[^1] |',
  'a | b\n--- | ---\nc | d',
  '> | a |\n> | - |\n> | x |',
  '- item\n  | a | b |\n  | - | - |\n  | c | d |',
  '- item\n| lazy | row |\n| --- | --- |',
  'Text before\n| a | b |\n| --- | --- |',
  '[^1]: note\n    | in | note |\n    | -- | ---- |',
  '[^1]: KF § 16/2015-02-23',
  '[^2]: KS § 3/2019-01-01',
  'Text med fotnot.[^1] Och en till.[^2] Och en odefinierad.[^9]',
  '| [^2] | [länk][x] |\n| --- | --- |',
  '[x]: https://example.org',
  '> [x]: https://example.org',
  '> > [y]: https://example.org',
  '- [y]: https://example.org',
  '[^1]: note\n\n    [z]: https://example.org',
  '| [y] | [z][] |\n| --- | --- |',
  '```\n| a | b |\n| - | - |\n```',
  '## Rubrik\n| a |\n| - |',
  '| a |\n| - |\n# rubrik direkt efter',
  '---',
  'Setext\n---',
  '| a |\r\n| - |\r\n| b |',
  '',
  '* * *',
  '1. ett\n2. två\n   | x | y |\n   |---|---|',
];

describe('markdown: the table re-parse gives the same tree as one full parse', () => {
  it('on every sample and rule fixture', () => {
    for (const text of samples()) assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text));
  });

  it('on a generated 300 KB report', () => {
    const text = generateReport(300_000, 7);
    assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text));
  });

  // Line endings in LF, CRLF and lone CR (micromark ends a line at each), and blank lines with
  // spaces or tabs on them. A document opening with `---` and a lone CR once took the local
  // re-parse after a failed frontmatter, which micromark reads differently.
  it('on random combinations of tables, containers, footnotes and links', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), fc.array(fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r\n\t\r\n', '\n \r\n', '\n\t\n', '\r', '\r\r', '\r\t\r', '\n\r'), { minLength: 8, maxLength: 8 }), (pieces, seps) => {
        const text = pieces.map((p, i) => p + seps[i]).join('');
        assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('resolves a reference in a table against a definition inside a quote or a list', () => {
    for (const def of ['> [namn]: https://example.org', '- [namn]: https://example.org', '[^1]: not\n\n    [namn]: https://example.org']) {
      const text = `# A\n\n| a | b |\n| - | - |\n| [namn] | x |\n\n${def}\n`;
      assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text), def);
    }
  });

  it('after an opening `---` that is never closed, whatever its line ending', () => {
    for (const text of ['---\r\t\r> | a |\n> | - |\n> | x |\n', '---\röppen\n\n| H0 |\r|---|\n> Citat\nlat rad\r\n', '---\r\nöppen\r\n\r\n| H0 |\r\n|---|\r\n> Citat\r\n']) {
      assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text), JSON.stringify(text));
    }
  });

  it('when a table makes the line after it a list or code that goes on past a blank line', () => {
    for (const text of ['| H0 |\n|---|\n2019. Kommunen\n\n1. Kommunen\n', '| H0 |\n|---|\r2019. Kommunen\n\n1. Kommunen\n\n', '| H0 |\n|---|\r    kod indragen\n\t\n']) {
      assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text));
    }
  });

  it('on arbitrary text made of Markdown punctuation', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('|', '-', ':', ' ', '\n', 'a', '>', '[', ']', '^', '1', '*', '#', '`', '\t', '\r') , maxLength: 200 }), (text) => {
        assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text));
      }),
      { numRuns: 3000 },
    );
  });
});
