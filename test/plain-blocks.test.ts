import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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
const lfDocuments = fc
  .tuple(fc.constantFrom('', '', '---\ntitel: T\n---\n', '---\ntitel: T\n\nText här i frontmattern.\n---\n', '---\nöppen\n\n'), fc.array(fc.tuple(block, fc.constantFrom(...SEPARATORS)), { maxLength: 12 }))
  .map(([front, blocks]) => front + blocks.map(([b, s]) => b + s).join(''));

/**
 * The same documents with the line endings a Windows editor sends (`\r\n`), the lone `\r`
 * micromark also ends a line at, or a mix of the three chosen line by line (`choices` picks
 * each line's ending in turn).
 */
function withLineEndings(text: string, mode: 'lf' | 'crlf' | 'cr' | 'mixed', choices: readonly number[]): string {
  if (mode === 'lf') return text;
  if (mode === 'crlf') return text.replace(/\n/g, '\r\n');
  if (mode === 'cr') return text.replace(/\n/g, '\r');
  let k = 0;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][choices[k++ % choices.length]]);
}
const documents = fc
  .tuple(lfDocuments, fc.constantFrom('lf', 'crlf', 'crlf', 'cr', 'mixed', 'mixed'), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 16 }))
  .map(([text, mode, choices]) => withLineEndings(text, mode, choices));

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

  it('builds a report with Windows line endings, lone carriage returns or a mix without micromark, with the same tree', () => {
    const lf = generateReport(200_000, 11);
    for (const [name, text] of [
      ['CRLF', lf.replace(/\n/g, '\r\n')],
      ['CR', lf.replace(/\n/g, '\r')],
      // In this order no `\r` stands right before a `\n` of the next line ending, which would join them into one.
      ['mixed', lf.replace(/\n/g, (_, at: number) => ['\r\n', '\n', '\r'][at % 3])],
    ] as const) {
      const { root, parsed } = fast(text);
      assert.deepEqual(root, reference(text), name);
      assert.ok(parsed < text.length / 4, `${name}: micromark parsed ${parsed} of ${text.length} characters`);
    }
  });

  it('builds blocks whose lines end in CRLF or a lone carriage return at micromark\'s positions', () => {
    // Each of these is taken by the fast path (micromark sees less than the text) and gives
    // micromark's tree. Each has a line ending a scan at `\n` alone would get wrong: a line
    // that ends inside a paragraph's text, a table whose last line is its delimiter row, the
    // line counted between blocks, the last line's `\r` right before the footnote stubs.
    for (const text of [
      'Kommunen har beslutat om detta i år.\r\nNämnden har inte följt upp beslutet[^1].\r\n\r\n[^1]: Protokoll från den 3 maj 2019.\r\n',
      'Kommunen har beslutat om detta i år.\rNämnden har inte följt upp beslutet[^1].\r\r[^1]: Protokoll från den 3 maj 2019.\r',
      '## Iakttagelser om styrningen\r\n\r\n| Nämnd | Budget |\r\n| --- | ---: |\r\n\r\n| Nämnd | Utfall |\r| :-: | --- |\r| Kommunstyrelsen | Tkr |\r\rText efter tabellerna i rapporten.\n',
      '- Kommunstyrelsen har beslutat\r\n- Nämnden har följt upp\r- Förvaltningen har svarat\n\r\nText efter listan i rapporten här.\r\n\r\n## Rubrik\r',
      '[^1]: Kommunen har beslutat\r\n[^2]: Kommunen har beslutat\r[^3]: Kommunen har beslutat\n\r\n[^4]: Kommunen har beslutat\r',
      '---\r\ntitel: T\r\n---\r\n\r\nText efter frontmattern med CRLF[^a].\r\n\r\n[^a]: Not med text.\r\n[^b]: Not med mer text.\r\n',
    ]) {
      const { root, parsed } = fast(text);
      assert.deepEqual(root, reference(text), JSON.stringify(text));
      assert.ok(parsed < text.length, `${JSON.stringify(text)}: micromark parsed ${parsed} of ${text.length} characters`);
    }
  });

  it('parses a table again at its own line when a lone carriage return ends the line before it', () => {
    // Found by the random test: the lazy table parse looked for the table's line start after a `\n` only.
    const text = 'Kommunen\nKommunen\nKommunen\n\n- Kommunen\n- Kommunen\n\n\r| H0 \n|---|\n\n';
    assert.deepEqual(parseMarkdown(text), reference(text));
  });

  it('reads an unclosed frontmatter in CRLF text in linear time, whole and in parts', () => {
    // Read with `\r\n|\r|\n`, each `\r\n` of an unclosed frontmatter could also be a `\r` and
    // an empty line, and the search for its end tried every combination. It runs in a process
    // of its own, so that a hang fails on the generous time-out instead of stopping the tests.
    const url = (file: string) => JSON.stringify(pathToFileURL(path.resolve(file)).href);
    const code = `
      const { isDeepStrictEqual } = await import('node:util');
      const markdown = await import(${url('server/src/model/markdown.ts')});
      const parts = await import(${url('server/src/model/parts.ts')});
      const { parseMarkdown, parseMarkdownFull } = markdown.parseMarkdown ? markdown : markdown.default;
      const { parseMarkdownInParts } = parts.parseMarkdownInParts ? parts : parts.default;
      const text = '---\\r\\ntitel: Granskning\\r\\n' + 'Kommunen har beslutat om detta i år.\\r\\n\\r\\n## Rubrik\\r\\n\\r\\n'.repeat(200);
      const full = parseMarkdownFull(text);
      console.log(JSON.stringify([isDeepStrictEqual(parseMarkdown(text), full), isDeepStrictEqual(parseMarkdownInParts(text, { threshold: 0 }), full)]));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.signal, null, 'the parse did not end');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [true, true]);
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
