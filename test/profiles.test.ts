import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../server/src/config/config.ts';
import { configProblems } from '../server/src/config/load.ts';
import { BUILTIN_PROFILES } from '../server/src/profiles/builtin.ts';
import { agreementKey, resolveStep, stepInSentence, PROFILE_SCALES } from '../server/src/profiles/grades.ts';
import { RULE_IDS } from '../server/src/rules/index.ts';
import type { Profile } from '../server/src/profiles/types.ts';
import { profileConfigText } from '../server/src/profiles/write.ts';
import { granska } from './helpers/run.ts';
import { lint, ROOT } from './helpers/lint.ts';
import { stripMarkers } from './helpers/markers.ts';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'profiles');

describe('house profiles (spec §13): fixtures of every built-in profile', () => {
  for (const name of BUILTIN_PROFILES.keys()) {
    const dir = path.join(FIXTURES, name);
    it(`${name} has a clean fixture and a flawed one`, () => {
      const files = fs.readdirSync(dir);
      assert.ok(files.includes('ren.rev.md') && files.includes('fel.rev.md'), files.join(', '));
    });
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.rev.md'))) {
      it(`${name}/${file} gives exactly its marked diagnostics`, () => {
        const { text, expected } = stripMarkers(fs.readFileSync(path.join(dir, file), 'utf8'));
        assert.match(text, new RegExp(`^profil: ${name}$`, 'm'), 'the fixture names its profile');
        const got = lint(text).map((d) => `${d.range.start.line + 1}:${d.code}`).sort();
        assert.deepEqual(got, expected.map((e) => `${e.line + 1}:${e.code}`).sort());
        if (file.startsWith('fel')) assert.ok(expected.length > 0, 'a flawed fixture marks its defects');
      });
    }
  }
});

describe('house profiles: configuration problems are reported precisely', () => {
  const problems = (profiler: object) => {
    const text = JSON.stringify({ profiler }, null, 2);
    const c = parseConfig(text, '.granskarc.json', RULE_IDS);
    return configProblems(c, 'sv').map((p) => ({ line: p.range.start.line, message: p.message, at: text.split('\n')[p.range.start.line].trim() }));
  };

  it('accepts a profile that extends a built-in one', () => {
    assert.deepEqual(problems({ 'vår-byrå': { bas: 'platta-kapitel', enheter: { namn: 'Delfråga' }, skala: 'trafikljus' } }), []);
  });

  it('reports an unknown key on that key', () => {
    const p = problems({ 'vår-byrå': { bas: 'kontrollmal', enhet: {} } });
    assert.equal(p.length, 1);
    assert.match(p[0].message, /Okänd nyckel "enhet" i profilen "vår-byrå"/);
    assert.match(p[0].at, /^"enhet"/);
  });

  it('reports an unknown bas on its value', () => {
    const p = problems({ 'vår-byrå': { bas: 'kpmg' } });
    assert.equal(p.length, 1);
    assert.match(p[0].message, /Profilen "kpmg" finns inte/);
    assert.match(p[0].at, /"bas": "kpmg"/);
  });

  it('reports a cycle of bas', () => {
    const p = problems({ a: { bas: 'b' }, b: { bas: 'a' } });
    assert.ok(p.some((x) => /bygger på sig själv/.test(x.message)), JSON.stringify(p));
  });

  it('reports a bad enum value with the allowed ones', () => {
    const p = problems({ 'vår-byrå': { bas: 'kontrollmal', bedömning: { var: 'sist' } } });
    assert.equal(p.length, 1);
    assert.match(p[0].message, /"bedömning.var" ska vara "underrubrik", "enheten", "slutkapitel", "tabell"/);
    assert.match(p[0].at, /"var": "sist"/);
  });

  it('reports an unknown chapter reference', () => {
    const p = problems({ 'vår-byrå': { bas: 'kontrollmal', enheter: { kapitel: 'Resultat' } } });
    assert.equal(p.length, 1);
    assert.match(p[0].message, /"enheter.kapitel" "Resultat" är inget kapitel i profilen/);
    assert.match(p[0].at, /"kapitel": "Resultat"/);
  });
});

describe('house profiles: grades as auditors write them', () => {
  const scale = (name: string) => ({ name, grades: PROFILE_SCALES[name].map((s) => s.name), steps: PROFILE_SCALES[name] });

  it('reads verbal steps from phrases, the longest phrase winning', () => {
    assert.equal(stepInSentence('Vi bedömer att nämnden till övervägande del säkerställer detta.', scale('verbal'))?.step.name, 'I huvudsak');
    assert.equal(stepInSentence('Vi bedömer att nämnden inte helt säkerställer detta.', scale('verbal'))?.step.name, 'Delvis');
    assert.equal(stepInSentence('Vi bedömer att kontrollmålet är delvis uppfyllt.', scale('uppfyllt'))?.step.name, 'Delvis uppfyllt');
  });

  it('reads traffic lights as words and symbols', () => {
    assert.equal(resolveStep('🔴', scale('trafikljus'), true)?.name, 'Röd');
    assert.equal(resolveStep('🟡 gul', scale('trafikljus'), true)?.name, 'Gul');
    assert.equal(stepInSentence('Området bedöms som grönt.', scale('trafikljus'))?.step.name, 'Grön');
  });

  it('ignores adjective agreement', () => {
    assert.equal(agreementKey('Delvis uppfylld'), agreementKey('delvis uppfyllt'));
    assert.equal(agreementKey('åtgärdade'), agreementKey('Åtgärdad'));
    assert.notEqual(agreementKey('Ja'), agreementKey('Nej'));
  });

  it('takes a grade from a bold lead and from the first sentence in a document', () => {
    const doc = (body: string) => `---\ntyp: granskningsrapport\nkommun: Ydre kommun\ntitel: T\ndatum: 2024-05-02\nstatus: utkast\nprofil: resultat-revisionell-bedomning\ngranskade: [kommunstyrelsen]\n---\n\n# Sammanfattning\n\nText.\n\n## Rekommendationer\n\n- Gör så.\n\n# Inledning\n\n## Syfte och revisionsfråga\n\nFinns en plan?\n\n# Resultat\n\nText.[^1]\n\n# Revisionell bedömning\n\n## Delfråga 1: Plan\n\n${body}\n\n[^1]: KF § 12/2022-02-21\n`;
    assert.deepEqual(lint(doc('**Bedömning:** Delvis tillfredsställande\n\nMotivering.')).map((d) => d.code), []);
    assert.deepEqual(lint(doc('Vi bedömer att planen är delvis tillfredsställande.')).map((d) => d.code), []);
    assert.deepEqual(lint(doc('**Bedömning:** Bra\n\nMotivering.')).map((d) => d.code), ['bedomning-skala']);
  });
});

describe('house profiles: printed as configuration (granska profil visa)', () => {
  const comparable = (p: Profile) => {
    const { name: _n, builtin: _b, extends: _e, ...rest } = p;
    return rest;
  };
  const configured = parseConfig(JSON.stringify({
    profiler: {
      'vår-byrå': { bas: 'platta-kapitel', enheter: { namn: 'Granskningsmål', plural: 'granskningsmål' }, skala: 'trafikljus', referenser: { krävs: 'per-rapport', organ: ['KF', 'KS'] }, bedömning: { grad: ['tabell'] } },
      'vår-byrå-2': { bas: 'vår-byrå', kapitel: { Resultat: { namn: 'Granskningens resultat', ocksåRubriker: ['våra iakttagelser'] } } },
      'vår-byrå-3': { bas: 'kontrollmal', skala: 'verbal', bedömning: { grad: ['fetstil', 'mening'] } },
    },
  }), '.granskarc.json', RULE_IDS).config.profiles;

  for (const profile of [...BUILTIN_PROFILES.values(), configured.get('vår-byrå')!, configured.get('vår-byrå-2')!, configured.get('vår-byrå-3')!]) {
    it(`${profile.name} read back from its printed configuration is the same profile`, () => {
      const text = profileConfigText(profile);
      const read = parseConfig(text, '.granskarc.json', RULE_IDS);
      assert.deepEqual(configProblems(read, 'sv'), []);
      const back = read.config.profiles.get(read.config.profile)!;
      assert.equal(back.builtin, false);
      assert.equal(back.extends, profile.builtin ? profile.name : profile.extends);
      assert.deepEqual(comparable(back), comparable(profile));
    });
  }

  it('granska profil lista names every built-in profile, and visa prints one or exits 2 for an unknown name', function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    const list = granska(['profil', 'lista']);
    assert.equal(list.status, 0, list.stderr);
    for (const name of BUILTIN_PROFILES.keys()) assert.match(list.stdout, new RegExp(`^[* ] ${name} `, 'm'));
    const shown = granska(['profil', 'visa', 'platta-kapitel']);
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal(shown.stdout, profileConfigText(BUILTIN_PROFILES.get('platta-kapitel')!));
    const here = granska(['profil', 'visa', 'stadsrevisionen'], path.join(ROOT, 'samples', 'goteborg'));
    assert.equal(here.status, 0, here.stderr);
    assert.match(here.stdout, /"bas": "iakttagelser-och-kommentarer"/);
    const unknown = granska(['profil', 'visa', 'kpmg', '--locale', 'en']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no profile "kpmg"\. Known profiles: kontrollmal, /);
  });
});
