import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers/lint.ts';

const json = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as Record<string, string>;

describe('extension strings in Swedish and English', () => {
  it('translates every manifest title into Swedish', () => {
    const en = json('package.nls.json');
    const sv = json('package.nls.sv.json');
    assert.deepEqual(Object.keys(sv).sort(), Object.keys(en).sort());
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    for (const key of manifest.match(/%[\w.]+%/g) ?? []) assert.ok(key.slice(1, -1) in en, `${key} has no title`);
  });

  it('translates every l10n string the client uses into Swedish', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const source = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const used = [...source.matchAll(/l10n\.t\('([^']+)'/g)].map((m) => m[1]);
    assert.ok(used.length > 0);
    const sv = json('l10n/bundle.l10n.sv.json');
    const base = json('l10n/bundle.l10n.json');
    for (const s of used) {
      assert.ok(s in base, `${s} is missing from l10n/bundle.l10n.json`);
      assert.ok(sv[s] && sv[s] !== s, `${s} has no Swedish translation`);
    }
  });
});
