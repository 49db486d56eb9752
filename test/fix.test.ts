import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAll, safeEdits } from '../server/src/lint/fix.ts';
import { parseWithConfig, runRules } from '../server/src/lint/lint.ts';
import { ROOT } from './helpers/lint.ts';

const clean = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');
const findings = (text: string) => runRules(parseWithConfig(text));
const fix = (text: string) => fixAll(text, findings).text;
const SAFE = ['referens-format', 'kontrollmal-numrering', 'sammanstallning'];

describe('safe fixes (granska lint --fix)', () => {
  it('rewrites a malformed decision reference to its canonical form', () => {
    const text = clean.replace('[^2]: KF § 155/2015-12-14', '[^2]: Kf §155/2015-12-14');
    assert.equal(fix(text), clean);
  });

  it('leaves a reference alone when the fix would be a guess (two-digit year)', () => {
    const text = clean.replace('[^2]: KF § 155/2015-12-14', '[^2]: KF § 155/15-12-14');
    assert.equal(fix(text), text);
  });

  it('renumbers kontrollmål and then regenerates the summary table', () => {
    const text = clean
      .replace('## Kontrollmål 2: Har', '## Kontrollmål 5: Har')
      .replace('| Kontrollmål 2 | Delvis uppfyllt |', '| Kontrollmål 5 | Uppfyllt |');
    assert.equal(fix(text), clean);
  });

  it('regenerates a summary table with missing rows, keeping other columns of matching rows', () => {
    const text = clean.replace(
      '| Kontrollmål | Bedömning |\n| --- | --- |\n| Kontrollmål 1 | Uppfyllt |\n| Kontrollmål 2 | Delvis uppfyllt |',
      '| Kontrollmål | Bedömning | Kommentar |\n| --- | --- | --- |\n| Kontrollmål 1 | Delvis uppfyllt | Mål finns. |',
    );
    const fixed = fix(text);
    assert.ok(fixed.includes('| Kontrollmål | Bedömning | Kommentar |\n| --- | --- | --- |\n| Kontrollmål 1 | Uppfyllt | Mål finns. |\n| Kontrollmål 2 | Delvis uppfyllt |  |'), fixed);
  });

  it('applying all safe fixes leaves none of their diagnostics', () => {
    const flawed = fs.readFileSync(path.join(ROOT, 'samples', 'med-fel', 'rapport-med-fel.rev.md'), 'utf8');
    const before = findings(flawed).map((f) => f.rule);
    for (const rule of SAFE) assert.ok(before.includes(rule), `the flawed sample shows ${rule}`);
    const after = findings(fix(flawed)).map((f) => f.rule);
    for (const rule of SAFE) assert.ok(!after.includes(rule), `${rule} remains after --fix`);
    assert.equal(safeEdits(findings(fix(flawed))).length, 0);
  });

  it('never applies overlapping edits, and counts identical edits once', () => {
    const r = applyEdits('abcdef', [
      { span: { start: 1, end: 3 }, newText: 'X' },
      { span: { start: 2, end: 4 }, newText: 'Y' },
      { span: { start: 1, end: 3 }, newText: 'X' },
      { span: { start: 5, end: 5 }, newText: '!' },
    ]);
    assert.deepEqual(r, { text: 'aXde!f', applied: 2 });
  });
});
