import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFile, ROOT } from './helpers/lint.ts';
import { RULES } from '../server/src/rules/index.ts';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.rev.md') ? [p] : [];
  });
}

const SAMPLES = path.join(ROOT, 'samples');
const FLAWED = path.join(SAMPLES, 'med-fel');

describe('samples', () => {
  const clean = files(SAMPLES).filter((f) => !f.startsWith(FLAWED + path.sep));

  it('holds the five seed documents written in the dialect', () => {
    assert.equal(clean.length, 5);
  });

  for (const file of clean) {
    it(`${path.relative(SAMPLES, file)} lints with zero diagnostics`, () => {
      assert.deepEqual(lintFile(file).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }

  it('the flawed sample shows most rules firing', () => {
    const fired = new Set(files(FLAWED).flatMap((f) => lintFile(f).map((d) => d.code)));
    const enabled = RULES.filter((r) => r.severity !== 'off');
    assert.ok(fired.size >= Math.ceil(enabled.length * 0.75), `only ${fired.size} of ${enabled.length} rules fire: ${[...fired].join(', ')}`);
  });
});
