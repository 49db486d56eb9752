import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../server/src/lint/fix.ts';
import { parseWithConfig, runRules } from '../server/src/lint/lint.ts';
import { codes, lint, ROOT } from './helpers/lint.ts';

const clean = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');
const fix = (text: string) => fixAll(text, (t) => runRules(parseWithConfig(t))).text;

const PLAIN_TABLE = '| Kontrollmål | Bedömning |\n| --- | --- |\n| Kontrollmål 1 | Uppfyllt |\n| Kontrollmål 2 | Delvis uppfyllt |\n';
const ROW_1 = '| [Kontrollmål 1](#kontrollmal-1) | **Uppfyllt** | Se `rutin.pdf` och [riktlinjen](https://example.se/riktlinje)[^3] |';
const ROW_2 = '|Kontrollmål 2|*Delvis uppfyllt*[^4]|Kräver 5 \\| 6 \\*åtgärder\\* &amp; mer|';

/** The integration report with a formatted three-column summary table and the footnotes its cells cite. */
function report(rows: string[]): string {
  const table = ['| Kontrollmål | Bedömning | Kommentar |', '| :--- | :---: | ---: |', ...rows].join('\n') + '\n';
  assert.ok(clean.includes(PLAIN_TABLE));
  return clean.replace(PLAIN_TABLE, table) + '[^3]: Kommunens riktlinje för avvikelser, 2019.\n[^4]: Se även uppföljningen 2021.\n';
}

describe('the summary table’s safe fix keeps what it need not change (issue 16, item 5)', () => {
  it('changes only the grade that differs, keeping emphasis, footnote references, links, code, escapes and the alignment row', () => {
    assert.deepEqual(codes(lint(report([ROW_1, ROW_2]))), [], 'the formatted table agrees with the report as written');
    const wrong = report([ROW_1, ROW_2.replace('*Delvis uppfyllt*', '*Uppfyllt*')]);
    assert.deepEqual(codes(lint(wrong)), ['sammanstallning']);
    const fixed = fix(wrong);
    assert.equal(fixed, report([ROW_1, '| Kontrollmål 2 | *Delvis uppfyllt*[^4] | Kräver 5 \\| 6 \\*åtgärder\\* &amp; mer |']));
    assert.deepEqual(codes(lint(fixed)), [], 'no footnote lost, nothing left to fix');
  });

  it('puts rows back in order as they were written', () => {
    const fixed = fix(report([ROW_2, ROW_1]));
    assert.equal(fixed, report([ROW_1, ROW_2]));
  });

  it('adds the row of a missing kontrollmål and keeps the rows that are there', () => {
    const fixed = fix(report([ROW_1]));
    assert.equal(fixed, report([ROW_1, '| Kontrollmål 2 | Delvis uppfyllt |  |']));
    assert.ok(!codes(lint(fixed)).includes('sammanstallning'));
  });
});
