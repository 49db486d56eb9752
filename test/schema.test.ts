import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseConfig } from '../server/src/config/config.ts';
import { configProblems } from '../server/src/config/load.ts';
import { BUILTIN_PROFILES } from '../server/src/profiles/builtin.ts';
import { profileConfigText } from '../server/src/profiles/write.ts';
import { RULE_IDS } from '../server/src/rules/index.ts';
import { granskarcSchemaText } from '../scripts/granskarc-schema.ts';
import { ROOT } from './helpers/lint.ts';

const SCHEMA_FILE = path.join(ROOT, 'schemas', 'granskarc.schema.json');

function configFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? configFiles(p) : e.name === '.granskarc.json' ? [p] : [];
  });
}

describe('the JSON schema of .granskarc.json (VS Code jsonValidation)', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  const linterProblems = (json: unknown) => configProblems(parseConfig(JSON.stringify(json), '.granskarc.json', RULE_IDS), 'sv').map((p) => p.message);

  it('is what the rule registry and the profile tables give (run `npm run schema` after changing them)', () => {
    assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), granskarcSchemaText());
  });

  it('is contributed to VS Code for .granskarc.json and shipped in the extension', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.granskarc.json', url: './schemas/granskarc.schema.json' }]);
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  });

  const samples = configFiles(path.join(ROOT, 'samples'));
  it('finds the samples’ configurations', () => assert.ok(samples.length >= 11, samples.join(', ')));
  for (const file of samples) {
    it(`accepts ${path.relative(ROOT, file)}`, () => {
      assert.ok(validate(JSON.parse(fs.readFileSync(file, 'utf8'))), JSON.stringify(validate.errors, null, 2));
    });
  }

  for (const name of BUILTIN_PROFILES.keys()) {
    it(`accepts the configuration granska profil visa ${name} prints`, () => {
      assert.ok(validate(JSON.parse(profileConfigText(BUILTIN_PROFILES.get(name)!))), JSON.stringify(validate.errors, null, 2));
    });
  }

  it('accepts a full configuration of every top-level key', () => {
    const json = {
      regler: { 'fotnot-oanvand': 'off', 'referens-stil': 'warning' },
      skala: 'åtgärd',
      skalor: { åtgärd: ['Åtgärdad', 'Delvis åtgärdad', 'Ej åtgärdad'], färg: [{ namn: 'Grön', fraser: ['grönt'], symboler: ['🟢'] }, 'Röd'] },
      kravdaOrgan: ['KF'],
      organ: { ÖFN: 'överförmyndarnämnden' },
      referensstil: 'A',
      profil: 'vår',
      profiler: { vår: { bas: 'platta-kapitel', kapitel: { Resultat: { ocksåRubriker: ['våra iakttagelser'] } }, enheter: { namn: 'Granskningsmål', nivå: 3 }, bedömning: { grad: 'tabell' }, revisionsfråga: { under: null } } },
    };
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(linterProblems(json), []);
  });

  const wrong: [string, unknown][] = [
    ['an unknown top-level key', { regel: {} }],
    ['an unknown rule', { regler: { 'fotnot-oanvnd': 'off' } }],
    ['a severity off the list', { regler: { platshallare: 'loud' } }],
    ['an unknown profile key', { profiler: { vår: { bas: 'kontrollmal', enhet: {} } } }],
    ['an unknown key under a profile key', { profiler: { vår: { enheter: { antal: 3 } } } }],
    ['a choice off the list', { profiler: { vår: { bedömning: { var: 'sist' } } } }],
    ['a grade place off the list', { profiler: { vår: { bedömning: { grad: ['fotnot'] } } } }],
    ['a heading level out of range', { profiler: { vår: { enheter: { nivå: 7 } } } }],
    ['a built-in profile redefined', { profiler: { kontrollmal: { bas: 'kontrollmal' } } }],
    ['a chapter without a name in a list', { profiler: { vår: { kapitel: [{ rubriker: ['resultat'] }] } } }],
    ['a reference style off the list', { referensstil: 'D' }],
  ];
  for (const [what, json] of wrong) {
    it(`rejects ${what}, as the linter does`, () => {
      assert.equal(validate(json), false);
      assert.notDeepEqual(linterProblems(json), []);
    });
  }
});
