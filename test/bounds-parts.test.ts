import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateReport } from '../bench/generate.ts';
import { lintDocument, runRules } from '../server/src/lint/lint.ts';
import { parseMarkdown } from '../server/src/model/markdown.ts';
import { buildModel, parseAuditDocument } from '../server/src/model/parse.ts';
import { parseMarkdownInParts, PARTS_THRESHOLD } from '../server/src/model/parts.ts';
import { readDocuments } from './helpers/lint.ts';

/**
 * A very large document is parsed in parts cut at section boundaries (issue 17). Whatever the
 * text, the tree must be exactly that of a parse of the whole text, and so the model and
 * the diagnostics. The parts are made tiny here, so that every boundary of a small document
 * is a cut and the constructs that may cross one (fences, HTML blocks, definitions,
 * frontmatter) meet a cut often.
 */

/** Text that can cross a boundary, change how one is read, or be resolved from another part. */
const SNIPPETS = [
  '```\n', '~~~\n', '```js\nkod\n', '<!--\n', '-->\n', '<!-- granska-disable -->\n', '<div>\n', '</div>\n', '<pre>\n', '</pre>\n',
  '## Kontrollmål 9: Fråga?\n', '# Rubrik\n', '#\n', '##\n', '## ', '[^1]: KF § 1/2019-01-01\n', '[^ny]: x\n', '[^ny]', '[^1]', '[^a b]: x\n', '[^a\\]]: x\n',
  '[namn]: https://example.org\n', '> [namn]: https://example.org\n', '[namn]', '[x][namn]', '- [x]: /u\n',
  '| a | b |\n| - | - |\n', '| c | d |\n', '> ', '- ', '    ', '\n', '\n\n', '\r\n', '\r', 'text ', '---\n', '\u2028## x\n', 'Setext\n', '===\n',
];

function mutate(text: string, edits: readonly [number, number][]): string {
  let out = text;
  for (const [where, which] of edits) {
    // Edits land at line starts, where block constructs begin.
    const at = out.lastIndexOf('\n', where % (out.length + 1)) + 1;
    out = out.slice(0, at) + SNIPPETS[which % SNIPPETS.length] + out.slice(at);
  }
  return out;
}

describe('parsing a large document in parts', function () {
  this.timeout(300_000);

  const report = generateReport(6_000, 3);
  const samples = readDocuments('samples');

  it('gives the tree of a whole parse, on generated reports with constructs that cross boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.noBias(fc.nat({ max: 1_000_000 })), fc.nat(1000)), { maxLength: 8 }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.boolean(),
        (edits, partSize, frontmatter) => {
          const base = frontmatter ? report : report.slice(report.indexOf('\n---\n') + 5);
          const text = mutate(base, edits);
          assert.deepEqual(parseMarkdownInParts(text, { threshold: 0, partSize }), parseMarkdown(text));
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 400) },
    );
  });

  it('gives the tree of a whole parse on the samples, cut at every boundary', () => {
    for (const text of samples) assert.deepEqual(parseMarkdownInParts(text, { threshold: 0, partSize: 1 }), parseMarkdown(text));
  });

  it('gives the model and rule results of a whole parse, above the threshold', () => {
    // Footnote definitions in the middle of the report too, so parts resolve each other's.
    const half = generateReport(PARTS_THRESHOLD / 2 + 10_000, 5);
    const text = half + '\n# Bilaga\n\nSe bilagan.[^b1]\n\n[^b1]: KF § 3/2020-01-01\n\n' + generateReport(PARTS_THRESHOLD / 2, 6).replace(/^---[\s\S]*?\n---\n/, '').replaceAll('[^', '[^x') + '\nSlut.[^b1] Och[^x1].\n';
    assert.ok(text.length > PARTS_THRESHOLD);
    const parts = parseAuditDocument(text);
    const whole = buildModel(text, parseMarkdown(text), {});
    assert.deepEqual(parts.root, whole.root);
    assert.deepEqual(runRules(parts), runRules(whole));
    assert.deepEqual(lintDocument(parts), lintDocument(whole));
  });
});
