import type { List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { insertBlock, subsectionPosition } from './edits.js';
import { kmName, NO_RECOMMENDATIONS, resolveGrade } from './util.js';


export const kontrollmalRekommendation: Rule = {
  id: 'kontrollmal-rekommendation',
  severity: 'error',
  description: msg('Ett kontrollmål saknar rekommendationer, eller de är tomma.', 'A kontrollmål has no recommendations, or they are empty.'),
  docs: {
    why: msg(
      'Nämnden svarar på rekommendationerna och revisorerna följer upp dem. "Inga rekommendationer." går bara när kontrollmålet är helt uppfyllt; annars saknas det nämnden ska åtgärda.',
      'The committee replies to the recommendations and the auditors follow them up. "Inga rekommendationer." is only right when the objective is fully met; otherwise the committee has nothing to act on.',
    ),
    bad: 'Kontrollmålet bedöms som delvis uppfyllt.\n\n### Rekommendationer\n\nInga rekommendationer.',
    good: 'Kontrollmålet bedöms som delvis uppfyllt.\n\n### Rekommendationer\n\n- Dokumentera genomförd återrapportering i protokollen.',
  },
  check(ctx) {
    const top = ctx.scale.grades[0];
    ctx.doc.controlObjectives.forEach((km, i) => {
      const n = kmName(km, i);
      const rec = km.rekommendation;
      if (!rec) {
        ctx.report({
          span: km.headingSpan,
          message: msg(
            `Kontrollmål ${n} saknar rekommendationer. Lägg till "### Rekommendationer" med en punktlista, eller "Inga rekommendationer." om kontrollmålet är ${top.toLowerCase()}.`,
            `Kontrollmål ${n} has no recommendations. Add "### Rekommendationer" with a bullet list, or "Inga rekommendationer." if the objective is ${top.toLowerCase()}.`,
          ),
          fixes: [{
            title: msg('Infoga "### Rekommendationer"', 'Insert "### Rekommendationer"'),
            edits: [insertBlock(ctx.doc, subsectionPosition(ctx.doc, km, 'rekommendation'), '### Rekommendationer\n\n- TODO: vad nämnden bör göra.\n')],
            safe: false,
          }],
        });
        return;
      }
      const listed = rec.content.some((c) => c.type === 'list' && (c as List).children.some((item) => toString(item).trim() !== ''));
      if (listed) return;
      const blocks = rec.content.filter((c) => c.type !== 'heading' && !(c.type === 'html' && /^<!--[\s\S]*-->$/.test(c.value.trim())));
      const says = blocks.length === 1 && blocks[0].type === 'paragraph' && NO_RECOMMENDATIONS.test(toString(blocks[0]).trim());
      if (says) {
        const grade = km.bedomning ? resolveGrade(km.bedomning.gradeText, ctx.scale.grades) : null;
        // With no valid grade the bedömning rules already speak; judging «inga» against it would guess.
        if (grade === null || grade === top) return;
        ctx.report({
          span: rec.headingSpan,
          message: msg(
            `Kontrollmål ${n} bedöms som "${grade}" men har inga rekommendationer. Skriv vad nämnden bör göra som en punktlista; "Inga rekommendationer." passar bara när kontrollmålet är ${top.toLowerCase()}.`,
            `Kontrollmål ${n} is graded "${grade}" but has no recommendations. Write what the committee should do as a bullet list; "Inga rekommendationer." fits only when the objective is ${top.toLowerCase()}.`,
          ),
        });
        return;
      }
      ctx.report({
        span: rec.headingSpan,
        message: msg(
          `Rekommendationerna för kontrollmål ${n} är tomma. Skriv dem som en punktlista ("- …"), eller "Inga rekommendationer." om kontrollmålet är ${top.toLowerCase()}.`,
          `The recommendations of kontrollmål ${n} are empty. Write them as a bullet list ("- …"), or "Inga rekommendationer." if the objective is ${top.toLowerCase()}.`,
        ),
      });
    });
  },
};
