import type { List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { consolidatedRecommendationEdit, insertBlock, subsectionPosition } from './edits.js';
import type { AuditDocument } from '../model/types.js';
import type { RuleContext } from './rule.js';
import { gradeOnScale, hasText, kmName, NO_RECOMMENDATIONS, unitName, unitNameLower } from './util.js';


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
    if (ctx.doc.profile.recommendations.place === 'chapter') {
      checkConsolidated(ctx);
      return;
    }
    const hashes = '#'.repeat(ctx.doc.profile.units.level + 1);
    ctx.doc.controlObjectives.forEach((km, i) => {
      const unit = unitName(ctx.doc, km, i);
      const lower = unitNameLower(ctx.doc, km, i);
      const rec = km.rekommendation;
      if (!rec) {
        ctx.report({
          span: km.headingSpan,
          message: msg(
            `${unit} saknar rekommendationer. Lägg till "${hashes} Rekommendationer" med en punktlista, eller "Inga rekommendationer." om ${definite(ctx.doc)} är ${top.toLowerCase()}.`,
            `${unit} has no recommendations. Add "${hashes} Rekommendationer" with a bullet list, or "Inga rekommendationer." if the objective is ${top.toLowerCase()}.`,
          ),
          fixes: [{
            title: msg(`Infoga "${hashes} Rekommendationer"`, `Insert "${hashes} Rekommendationer"`),
            edits: [insertBlock(ctx.doc, subsectionPosition(ctx.doc, km, 'rekommendation'), `${hashes} Rekommendationer\n\n- TODO: vad nämnden bör göra.\n`)],
            safe: false,
          }],
        });
        return;
      }
      const listed = rec.content.some((c) => c.type === 'list' && (c as List).children.some((item) => hasText(item)));
      if (listed) return;
      const blocks = rec.content.filter((c) => c.type !== 'heading' && !(c.type === 'html' && /^<!--[\s\S]*-->$/.test(c.value.trim())));
      const says = blocks.length === 1 && blocks[0].type === 'paragraph' && NO_RECOMMENDATIONS.test(toString(blocks[0]).trim());
      if (says) {
        const grade = km.bedomning ? gradeOnScale(ctx.doc, km.bedomning.gradeText) : null;
        // With no valid grade the bedömning rules already speak; judging «inga» against it would guess.
        if (grade === null || grade === top) return;
        ctx.report({
          span: rec.headingSpan,
          message: msg(
            `${unit} bedöms som "${grade}" men har inga rekommendationer. Skriv vad nämnden bör göra som en punktlista; "Inga rekommendationer." passar bara när ${definite(ctx.doc)} är ${top.toLowerCase()}.`,
            `${unit} is graded "${grade}" but has no recommendations. Write what the committee should do as a bullet list; "Inga rekommendationer." fits only when the objective is ${top.toLowerCase()}.`,
          ),
        });
        return;
      }
      ctx.report({
        span: rec.headingSpan,
        message: msg(
          `Rekommendationerna för ${lower} är tomma. Skriv dem som en punktlista ("- …"), eller "Inga rekommendationer." om ${definite(ctx.doc)} är ${top.toLowerCase()}.`,
          `The recommendations of ${lower} are empty. Write them as a bullet list ("- …"), or "Inga rekommendationer." if the objective is ${top.toLowerCase()}.`,
        ),
      });
    });
  },
};

/** «kontrollmålet», «revisionsfrågan»: the unit in definite form, in running text. */
function definite(doc: AuditDocument): string {
  return doc.profile.units.definite.toLowerCase();
}

/**
 * Recommendations gathered in one chapter (spec §13.5): every unit graded below the best
 * grade must be covered, by recommendations of its own, by a list that is not empty, or by
 * an item naming it, as the profile says.
 */
function checkConsolidated(ctx: RuleContext): void {
  const { doc } = ctx;
  const top = ctx.scale.grades[0];
  const items = doc.recommendations;
  const chapter = doc.recommendationSection?.title ?? doc.profile.recommendations.chapter[0] ?? 'Rekommendationer';
  doc.controlObjectives.forEach((km, i) => {
    const grade = km.bedomning ? gradeOnScale(doc, km.bedomning.gradeText) : null;
    // Without a grade on the scale the assessment rules speak; at the best grade nothing is owed.
    if (grade === null || grade === top) return;
    const own = km.rekommendation?.content.some((c) => c.type === 'list' && (c as List).children.some((item) => hasText(item))) ?? false;
    if (own) return;
    const unit = unitName(doc, km, i);
    if (doc.profile.recommendations.coverage === 'named') {
      const n = kmName(km, i);
      const names = new RegExp(`(?:${[...doc.profile.units.words, doc.profile.units.name].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*${n}(?!\\d)`, 'iu');
      if (items.some((r) => names.test(r.text))) return;
      ctx.report({
        span: km.headingSpan,
        message: msg(
          `${unit} bedöms som "${grade}" men ingen rekommendation i "${chapter}" gäller den. Skriv en rekommendation som nämner ${unitNameLower(doc, km, i)}.`,
          `${unit} is graded "${grade}" but no recommendation in "${chapter}" concerns it. Write a recommendation naming ${unitNameLower(doc, km, i)}.`,
        ),
      });
      return;
    }
    if (items.length > 0) return;
    ctx.report({
      span: km.headingSpan,
      message: msg(
        `${unit} bedöms som "${grade}" men rapporten har inga rekommendationer. Skriv vad nämnden bör göra som en punktlista under "${chapter}".`,
        `${unit} is graded "${grade}" but the report makes no recommendations. Write what the committee should do as a bullet list under "${chapter}".`,
      ),
      fixes: [{ title: msg('Lägg till en rekommendation', 'Add a recommendation'), edits: [consolidatedRecommendationEdit(doc)], safe: false }],
    });
  });
}
