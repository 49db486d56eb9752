import * as assert from 'node:assert/strict';
import { lintText } from '../server/src/lint/lint.ts';
import { BUILTIN_PROFILES } from '../server/src/profiles/builtin.ts';
import { resolveScale } from '../server/src/profiles/resolve.ts';
import { reportSkeleton } from '../server/src/profiles/skeleton.ts';

/**
 * The «new report» skeleton of every built-in profile is a report in that house's structure:
 * it lints clean except for the TODOs the auditor must fill in, and a defect planted in it is
 * found at the unit, so the skeleton and the profile agree on where everything stands.
 */
describe('new report skeletons, one per built-in profile', () => {
  for (const profile of BUILTIN_PROFILES.values()) {
    describe(profile.name, () => {
      const scale = resolveScale(undefined, profile, {});
      const text = reportSkeleton(profile, scale, '2026-11-27');

      it('lints clean but for the placeholders left to fill in', () => {
        const d = lintText(text);
        assert.deepEqual(d.filter((x) => x.code !== 'platshallare').map((x) => `${x.range.start.line}:${x.code} ${x.message}`), []);
        assert.ok(d.some((x) => x.code === 'platshallare'));
      });

      it('reports a grade off the scale in it', () => {
        const low = scale.grades[1];
        const at = text.lastIndexOf(low);
        assert.ok(at > 0, `the skeleton states the grade ${low}`);
        const broken = text.slice(0, at) + 'Påhittad' + text.slice(at + low.length);
        assert.ok(lintText(broken).some((x) => x.code === 'bedomning-skala'), 'bedomning-skala');
      });

      it('reports a unit below the best grade without recommendations', () => {
        const broken = text.replace(/^- TODO: vad (?:nämnden|kommunstyrelsen) bör göra\.$/gmu, '');
        assert.notEqual(broken, text);
        assert.ok(lintText(broken).some((x) => x.code === 'kontrollmal-rekommendation'), 'kontrollmal-rekommendation');
      });
    });
  }
});
