import * as assert from 'node:assert/strict';
import { applyEdits } from '../server/src/lint/fix.ts';
import { lintText, parseWithConfig, runRules } from '../server/src/lint/lint.ts';
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

      if (profile.assessment.place === 'chapter') {
        it('offers to add a missing assessment as a part of the final chapter, which then reads as the unit\'s', () => {
          // The second unit's part is taken out of the final chapter.
          const word = profile.units.words[0];
          const part = new RegExp(`^#{2,3} (?:.*)?${word} 2\\??\\n\\n[^\\n]*\\n\\n`, 'imu');
          const chapter = text.indexOf(`\n# ${profile.assessment.chapter}\n`);
          assert.ok(chapter > 0);
          const broken = text.slice(0, chapter) + text.slice(chapter).replace(part, '');
          assert.notEqual(broken, text);
          const finding = runRules(parseWithConfig(broken)).find((f) => f.rule === 'kontrollmal-bedomning');
          assert.ok(finding && finding.fixes.length === scale.grades.length, 'one fix per grade');
          const fixed = applyEdits(broken, finding.fixes[1].edits).text;
          assert.deepEqual(lintText(fixed).filter((d) => d.code !== 'platshallare').map((d) => `${d.range.start.line}:${d.code} ${d.message}`), []);
        });
      }

      if (profile.recommendations.place === 'chapter') {
        it('offers to add a recommendation to the consolidated list when there is none', () => {
          const broken = text.replace(/^- TODO: vad (?:nämnden|kommunstyrelsen) bör göra\.$/gmu, '');
          const finding = runRules(parseWithConfig(broken)).find((f) => f.rule === 'kontrollmal-rekommendation');
          assert.ok(finding && finding.fixes.length === 1);
          const fixed = applyEdits(broken, finding.fixes[0].edits).text;
          assert.deepEqual(lintText(fixed).filter((d) => d.code !== 'platshallare').map((d) => `${d.range.start.line}:${d.code}`), []);
        });
      }

      it('reports a unit below the best grade without recommendations', () => {
        const broken = text.replace(/^- TODO: vad (?:nämnden|kommunstyrelsen) bör göra\.$/gmu, '');
        assert.notEqual(broken, text);
        assert.ok(lintText(broken).some((x) => x.code === 'kontrollmal-rekommendation'), 'kontrollmal-rekommendation');
      });
    });
  }
});
