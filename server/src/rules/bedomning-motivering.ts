import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { hasBodyContent, unitNameLower } from './util.js';

export const bedomningMotivering: Rule = {
  id: 'bedomning-motivering',
  severity: 'warning',
  description: msg('Bedömningen saknar motivering.', 'The assessment has no reasoning.'),
  docs: {
    why: msg(
      'En grad utan motivering säger inte varför. Nämnden behöver skälen för att kunna åtgärda bristerna.',
      'A grade without reasoning does not say why. The committee needs the reasons to act on the shortcomings.',
    ),
    bad: '### Bedömning: Delvis uppfyllt\n\n### Rekommendationer',
    good: '### Bedömning: Delvis uppfyllt\n\nVi bedömer att dokumentation saknas i protokollen.',
  },
  check(ctx) {
    ctx.doc.controlObjectives.forEach((km, i) => {
      const b = km.bedomning;
      if (!b || hasBodyContent(b.content)) return;
      ctx.report({
        span: b.headingSpan,
        message: msg(
          `Bedömningen av ${unitNameLower(ctx.doc, km, i)} saknar motivering. Skriv under rubriken varför kontrollmålet får sin grad.`,
          `The assessment of ${unitNameLower(ctx.doc, km, i)} has no reasoning. Write below the heading why the objective gets its grade.`,
        ),
      });
    });
  },
};
