import { msg } from '../i18n.js';
import { runsIn, spanInRun } from '../model/types.js';
import type { Rule } from './rule.js';
import { gradeKey, sameGrade, unitNameLower } from './util.js';

/** «Kontrollmålet bedöms som X», and the same with the profile's own unit («Revisionsfrågan bedöms vara X»). */
function sentencePattern(definite: string): RegExp {
  const words = [...new Set(['kontrollmålet', definite.toLowerCase()])].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:${words.join('|')})\\s+bedöms\\s+(?:som|vara)\\s+([^.!?;\\n]+)`, 'giu');
}

export const bedomningMotsagelse: Rule = {
  id: 'bedomning-motsagelse',
  severity: 'error',
  description: msg('"Kontrollmålet bedöms som …" säger något annat än bedömningsrubriken.', '"Kontrollmålet bedöms som …" disagrees with the assessment heading.'),
  docs: {
    why: msg(
      'När graden ändras i en granskningsomgång glöms ofta meningen i motiveringen. Då säger rapporten två saker om samma kontrollmål.',
      'When a grade changes in a review round, the sentence in the reasoning is often forgotten. The report then says two things about one objective.',
    ),
    bad: '### Bedömning: Delvis uppfyllt\n\nVi bedömer att dokumentation saknas i protokollen.\n\nKontrollmålet bedöms som uppfyllt.',
    good: '### Bedömning: Delvis uppfyllt\n\nVi bedömer att dokumentation saknas i protokollen.\n\nKontrollmålet bedöms som delvis uppfyllt.',
  },
  check(ctx) {
    // Longest first, so that «delvis uppfyllt» is not read as «uppfyllt».
    const grades = [...ctx.scale.grades].sort((a, b) => b.length - a.length);
    const SENTENCE = sentencePattern(ctx.doc.profile.units.definite);
    ctx.doc.controlObjectives.forEach((km, i) => {
      const b = km.bedomning;
      if (!b || !b.gradeText) return;
      for (const run of runsIn(ctx.doc, { start: b.headingSpan.end, end: b.span.end })) {
        SENTENCE.lastIndex = 0;
        for (let m = SENTENCE.exec(run.value); m; m = SENTENCE.exec(run.value)) {
          // Compared ignoring adjective agreement under the house profiles (spec §4 v2): «delvis åtgärdat» states «Delvis åtgärdad».
          const said = gradeKey(ctx.doc, m[1]);
          const grade = grades.find((g) => {
            const k = gradeKey(ctx.doc, g);
            return said === k || (said.startsWith(k) && !/\p{L}/u.test(said.charAt(k.length)));
          });
          if (sameGrade(ctx.doc, grade ?? m[1], b.gradeText)) continue;
          ctx.report({
            span: spanInRun(ctx.doc, run, m.index, m[0]),
            message: msg(
              `Meningen säger att ${unitNameLower(ctx.doc, km, i)} bedöms som "${grade ?? m[1].trim()}", men rubriken säger "${b.gradeText}". Ändra den ena så att de stämmer.`,
              `The sentence says ${unitNameLower(ctx.doc, km, i)} is graded "${grade ?? m[1].trim()}", but the heading says "${b.gradeText}". Change one so that they agree.`,
            ),
          });
        }
      }
    });
  },
};
