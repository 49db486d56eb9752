import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { generateReport } from '../bench/generate.ts';
import { parseMarkdown, parseMarkdownFull } from '../server/src/model/markdown.ts';
import { parseWithPlainBlocks } from '../server/src/model/plain-blocks.ts';
import { readDocuments } from './helpers/lint.ts';

/**
 * Plain paragraphs, headings, footnote definitions and tables are built without micromark
 * (issue 17). Whatever the text, the tree must be exactly micromark's: types, values and
 * positions. The generator mixes blocks the fast path takes with near misses (a character
 * micromark reads inline, a line that starts a block, a trailing space, an uneven table)
 * and with what can swallow or continue a block (fences, HTML blocks, frontmatter, lists,
 * quotes, lazy lines).
 */

/** micromark with every extension, whole; what the fast path is checked against. */
function reference(text: string): Root {
  return parseMarkdownFull(text);
}

/** The fast path over the same parser, recording how much text micromark was given. */
function fast(text: string): { root: Root; parsed: number } {
  let parsed = 0;
  const root = parseWithPlainBlocks(text, (t) => {
    parsed += t.length;
    return parseMarkdownFull(t);
  });
  return { root, parsed };
}

const WORDS = [
  'Kommunen', 'har', 'beslutat', 'år', '2019.', 'att', 'Nämnden', 'ÅÄÖ', 'åtgärder', 'é', '(del 1)?', '§', '16/2015-02-23', '–', '—', '"citat"', "'", ':', ';', '@', 'www.example.se',
  'http://a.se', '#', '##', '>', '!', '^', '$', '%', '…', '=', '-', '+', '1.', '2)', '\u00a0', '\u2028', '\ud83d\ude00', '\ud800', '[^1]', '[^ny]', '[^u]', '[^1][^2]', '[^1](x)', '[^1]:',
  '[^A]', '[^a b]', '\\', '*', '_', '`', '&amp;', '&', '<b>', '<', '~~', '|', '\t', 'x  ', '}', '{',
];
const LINE_STARTS = ['', '', '', '', '- ', '* ', '1. ', '- ', '* ', '+ ', '# ', '> ', '    ', ' ', '=== ', '--- ', '```', '~~~', '<!-- ', '<div> ', '[^1]: ', '| ', '\t', '[x]: /u '];
const SEPARATORS = ['\n\n', '\n\n', '\n', '\n\n  ', '\n\n\n', '\r\n\r\n', '\n \n', '\n\t\n', '\r\n', '\r'];

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS.slice(0, 12)) }, { weight: 2, arbitrary: fc.constantFrom(...WORDS) });
const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
const line = fc.tuple(fc.constantFrom(...LINE_STARTS), words).map(([s, w]) => s + w);
const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));
const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), words, fc.constantFrom('', ' #', ' ', '#')).map(([d, w, end]) => '#'.repeat(d) + ' ' + w + end);
const definition = fc.tuple(fc.constantFrom('1', '2', 'ny', 'A', 'a_b', 'x-1'), fc.constantFrom(': ', ':', ':  ', ']: '), words).map(([l, sep, w]) => `[^${l}]${sep}${w}`);
const cell = fc.oneof(fc.constantFrom('a', 'Tkr', ' 12 ', '4,5', '', ' ', '[^1]', 'x\\|y', '*b*', 'kommun styrelsen'), words.filter((w) => !w.includes('\n')));
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 4 }), fc.constantFrom('---', ':---', '---:', ':-:', '-', ' --- ', 'x'), fc.constantFrom('|', '', ' |', '| '))
  .map(([cols, rows, delim, edge]) => {
    const row = (cells: readonly string[]) => '| ' + cells.join(' | ') + ' ' + edge;
    const header = row(Array.from({ length: cols }, (_, i) => `H${i}`));
    return [header, '|' + Array.from({ length: cols }, () => delim).join('|') + '|', ...rows.map(row)].join('\n');
  });
const other = fc.constantFrom(
  '```\nkod\n\nmer kod', '```\nkod\n```', '~~~', '<!--\nkommentar\n\nText här.', '-->', '<pre>\nText\n\nText här.\n</pre>', '<div>\nText\n</div>', '- punkt\n- punkt två\n\n  Indragen text i punkten.',
  'Text med *betoning*[^2] och [^ny].', '| a | *b*[^1] |\n| - | - |', '```',
  '> Citat med text\n> och mer', '> Citat\nlat rad', '    kod indragen', 'Setext\n===', 'Text\n---', '* * *', '[x]: https://example.org', '[^1]:\n    Text', '<!-- granska-disable -->',
);
const list = fc
  .tuple(fc.constantFrom('- ', '* ', '+ ', '-  ', '1. '), fc.array(fc.tuple(fc.constantFrom('', '', '', '- ', '* ', '  ', '[ ] '), words.filter((w) => !w.includes('\n'))), { minLength: 1, maxLength: 4 }))
  .map(([marker, items]) => items.map(([start, w]) => marker + start + w).join('\n'));
// A report's footnote section: definitions on consecutive lines, a run the fast path shortens to its first and last.
const definitions = fc.array(definition, { minLength: 2, maxLength: 5 }).map((ds) => ds.join('\n'));
const block = fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 2, arbitrary: list }, { weight: 2, arbitrary: definitions }, { weight: 2, arbitrary: heading }, { weight: 2, arbitrary: definition }, { weight: 2, arbitrary: table }, { weight: 2, arbitrary: other });
const documents = fc
  .tuple(fc.constantFrom('', '', '---\ntitel: T\n---\n', '---\ntitel: T\n\nText här i frontmattern.\n---\n', '---\nöppen\n\n'), fc.array(fc.tuple(block, fc.constantFrom(...SEPARATORS)), { maxLength: 12 }))
  .map(([front, blocks]) => front + blocks.map(([b, s]) => b + s).join(''));

describe('plain blocks: prose, headings, footnote definitions and tables built without micromark', function () {
  this.timeout(300_000);

  it('gives micromark\'s tree on random documents of plain blocks, near misses and what may swallow them', () => {
    fc.assert(
      fc.property(documents, (text) => {
        assert.deepEqual(fast(text).root, reference(text));
        assert.deepEqual(parseMarkdown(text), reference(text));
      }),
      { numRuns: Number(process.env.RUNS ?? 3000) },
    );
  });

  it('gives micromark\'s tree on the real documents in /work/shared/seeds, the samples and the fixtures', () => {
    const seeds = path.resolve('..', 'shared', 'seeds');
    const texts = [...readDocuments('samples', path.join('test', 'fixtures'))];
    if (fs.existsSync(seeds)) for (const f of fs.readdirSync(seeds)) if (f.endsWith('.txt')) texts.push(fs.readFileSync(path.join(seeds, f), 'utf8'));
    for (const text of texts) {
      assert.deepEqual(fast(text).root, reference(text));
      // The same documents with Windows line ends and with every paragraph made a footnote's.
      const crlf = text.replace(/\r?\n/g, '\r\n');
      assert.deepEqual(fast(crlf).root, reference(crlf));
    }
  });

  it('leaves micromark less than a quarter of a generated report, with the same tree', () => {
    const text = generateReport(200_000, 11);
    const { root, parsed } = fast(text);
    assert.deepEqual(root, reference(text));
    assert.ok(parsed < text.length / 4, `micromark parsed ${parsed} of ${text.length} characters`);
  });

  it('gives micromark\'s tree when a lone carriage return ends a line', () => {
    // Found by the random test: micromark ends a line at `\r` alone, the line scan does not.
    const text = '[^1]: Kommunen\n[^1]: Kommunen\n[^1]: Kommunen\n\n[^1]: Kommunen\r';
    assert.deepEqual(parseMarkdown(text), parseMarkdownFull(text));
  });

  it('gives a block back to micromark when an open fence, HTML block or frontmatter swallows it', () => {
    for (const text of [
      '```\n\nKommunen har beslutat om detta.\n\n## Rubrik i koden\n\n[^1]: Not i koden\n',
      '<!--\n\nKommunen har beslutat om detta.\n\n| a | b |\n| - | - |\n',
      '---\ntitel: x\n\nKommunen har beslutat om detta.\n\n---\n\nText efter frontmattern.\n',
      'Text[^1] med en not som bara står i koden.\n\n```\n[^1]: x\n```\n',
      // The stub for the left-out definition 2 would follow the open fence, which takes it in.
      'Text med *betoning*[^2].\n\n[^1]: Första noten här\n[^2]: Andra noten här\n[^3]: Tredje noten här\n```\n',
    ]) {
      assert.deepEqual(fast(text).root, reference(text), text);
    }
  });
});
