import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderAll } from '../scripts/rule-docs.ts';
import { RULES } from '../server/src/rules/index.ts';
import { ROOT } from './helpers/lint.ts';

describe('docs', () => {
  it('has one page per rule, equal to what the registry renders (run `npm run docs` after changing a rule)', () => {
    const dir = path.join(ROOT, 'docs', 'regler');
    const expected = renderAll();
    const actual = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.deepEqual(actual.sort(), [...expected.keys()].sort());
    for (const [name, content] of expected) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), content, `docs/regler/${name} is out of date`);
  });

  it('the user guide mentions every rule', () => {
    const guide = fs.readFileSync(path.join(ROOT, 'docs', 'guide.md'), 'utf8');
    for (const r of RULES) assert.ok(guide.includes(r.id), `docs/guide.md does not mention ${r.id}`);
  });
});
