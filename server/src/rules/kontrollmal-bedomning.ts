import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { insertBlock, subsectionPosition } from './edits.js';
import { kmName } from './util.js';

export const kontrollmalBedomning: Rule = {
  id: 'kontrollmal-bedomning',
  severity: 'error',
  description: msg('Ett kontrollmål saknar bedömning.', 'A kontrollmål has no assessment.'),
  docs: {
    why: msg(
      'Varje kontrollmål ska få en bedömning på rapportens skala; det är den fullmäktige och nämnderna läser först.',
      'Every control objective must be graded on the report\'s scale; that is what the council and committees read first.',
    ),
    bad: 'Återrapportering sker muntligt men saknas i protokollen.\n\n### Rekommendationer',
    good: 'Återrapportering sker muntligt men saknas i protokollen.\n\n### Bedömning: Delvis uppfyllt\n\nVi bedömer att dokumentation saknas i protokollen.',
  },
  check(ctx) {
    const grades = ctx.scale.grades.join('|');
    ctx.doc.controlObjectives.forEach((km, i) => {
      if (km.bedomning) return;
      ctx.report({
        span: km.headingSpan,
        message: msg(
          `Kontrollmål ${kmName(km, i)} saknar bedömning. Lägg till en rubrik "### Bedömning: <grad>" med motivering (${grades}).`,
          `Kontrollmål ${kmName(km, i)} has no assessment. Add a heading "### Bedömning: <grade>" with reasoning (${grades}).`,
        ),
        // One fix per grade, best first: the auditor picks the grade, the skeleton follows.
        fixes: ctx.scale.grades.map((g) => ({
          title: msg(`Infoga "### Bedömning: ${g}"`, `Insert "### Bedömning: ${g}"`),
          edits: [insertBlock(ctx.doc, subsectionPosition(ctx.doc, km, 'bedomning'), `### Bedömning: ${g}\n\nTODO: motivera bedömningen. Kontrollmålet bedöms som ${g.toLowerCase()}.\n`)],
          safe: false,
        })),
      });
    });
  },
};
