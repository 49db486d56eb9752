import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
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
    bad: '### Iakttagelser\n\nNämnden följer upp arbetet två gånger per år.\n\n### Rekommendationer',
    good: '### Iakttagelser\n\nNämnden följer upp arbetet två gånger per år.\n\n### Bedömning: Uppfyllt\n\nVi bedömer att uppföljningen är tillräcklig.\n\n### Rekommendationer',
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
      });
    });
  },
};
