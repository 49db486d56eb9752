import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFile, ROOT } from './helpers/lint.ts';
import { granska } from './helpers/run.ts';
import { RULES } from '../server/src/rules/index.ts';
import { loadTestSpeller } from './helpers/spelling.ts';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.rev.md') ? [p] : [];
  });
}

const SAMPLES = path.join(ROOT, 'samples');
const FLAWED = path.join(SAMPLES, 'med-fel');
const YEAR = path.join(SAMPLES, 'hultsfred-2021');

describe('samples', () => {
  before(() => loadTestSpeller());
  const clean = files(SAMPLES).filter((f) => !f.startsWith(FLAWED + path.sep));

  it('holds the five seed documents, five house-profile samples and an audit year', () => {
    assert.equal(clean.filter((f) => !f.startsWith(YEAR + path.sep)).length, 10);
    assert.deepEqual(files(YEAR).map((f) => path.basename(f)).sort(), [
      'granskning-hemtjanst.rev.md',
      'granskning-upphandling.rev.md',
      'missiv-hemtjanst.rev.md',
      'missiv-upphandling.rev.md',
      'uppfoljning-asyl-integration.rev.md',
    ]);
  });

  it('the audit year passes granska lint, with its register, missiv and uppföljning checked against the other files', () => {
    const r = granska(['lint', '--format', 'json', 'samples/hultsfred-2021']);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual((JSON.parse(r.stdout) as { diagnostics: unknown[] }[]).flatMap((f) => f.diagnostics), []);
    // The year is checked, not skipped: a decision with another date than the register's,
    // a missiv quoting a recommendation the report lacks, and a follow-up left out all show.
    const register = fs.readFileSync(path.join(YEAR, 'beslut.csv'), 'utf8');
    assert.ok(register.includes('KF;45;2018-04-23;Upphandlingspolicy'));
    const upp = fs.readFileSync(path.join(YEAR, 'uppfoljning-asyl-integration.rev.md'), 'utf8');
    const codes = (file: string, text: string) => {
      const copy = path.join(YEAR, `.kopia-${path.basename(file)}`);
      fs.writeFileSync(copy, text);
      try {
        return lintFile(copy).map((d) => d.code);
      } finally {
        fs.rmSync(copy);
      }
    };
    assert.deepEqual(codes('uppfoljning.rev.md', upp.replace(/^\| Att dokumentera genomförd.*\n/m, '')), ['uppfoljning-rekommendation']);
    const report = fs.readFileSync(path.join(YEAR, 'granskning-upphandling.rev.md'), 'utf8');
    assert.deepEqual(codes('rapport.rev.md', report.replace('KF § 45/2018-04-23', 'KF § 45/2018-04-24')), ['beslut-okant']);
    const missiv = fs.readFileSync(path.join(YEAR, 'missiv-upphandling.rev.md'), 'utf8');
    assert.deepEqual(codes('missiv.rev.md', missiv.replace('till: [kommunstyrelsen]', 'till: [kommunstyrelsen, socialnämnden]')), ['missiv-avvikelse']);
  });

  for (const file of clean) {
    // With proofing on: the Hultsfred sample's own word list (.granskarc.json) holds its names.
    it(`${path.relative(SAMPLES, file)} lints with zero diagnostics`, () => {
      assert.deepEqual(lintFile(file).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }

  it('the flawed sample shows most rules firing', () => {
    const fired = new Set(files(FLAWED).flatMap((f) => lintFile(f).map((d) => d.code)));
    const enabled = RULES.filter((r) => r.severity !== 'off');
    assert.ok(fired.size >= Math.ceil(enabled.length * 0.75), `only ${fired.size} of ${enabled.length} rules fire: ${[...fired].join(', ')}`);
  });

  // Each house sample has a flawed twin with the same configuration; its seeded defects (a
  // summary table that disagrees, a missing assessment, a unit below the best grade without a
  // recommendation, a grade off the scale) are found at the unit, its part or its table row.
  const TWINS: Record<string, string[]> = {
    'ljusdal/granskning-bisysslor-med-fel.rev.md': ['20: sammanstallning', '58: kontrollmal-bedomning', '62: kontrollmal-rekommendation', '74: bedomning-skala'],
    'solvesborg/granskning-hemtjanst-med-fel.rev.md': ['20: sammanstallning', '38: kontrollmal-rekommendation', '40: kontrollmal-bedomning', '76: bedomning-skala'],
    'alingsas/granskning-upphandling-med-fel.rev.md': ['18: sammanstallning', '34: kontrollmal-bedomning', '35: kontrollmal-rekommendation', '74: bedomning-skala'],
    'goteborg/granskning-synpunkter-med-fel.rev.md': ['37: kontrollmal-rekommendation', '45: kontrollmal-bedomning', '53: sammanstallning', '63: bedomning-skala'],
    'kungsbacka/granskning-loneprocessen-med-fel.rev.md': ['20: sammanstallning', '72: bedomning-skala', '78: kontrollmal-bedomning', '80: kontrollmal-rekommendation'],
  };
  for (const [twin, expected] of Object.entries(TWINS)) {
    it(`the flawed twin ${twin} shows its seeded defects at the unit`, () => {
      const found = lintFile(path.join(FLAWED, twin)).map((d) => `${d.range.start.line + 1}: ${d.code}`);
      assert.deepEqual(found, expected);
    });
  }
});
