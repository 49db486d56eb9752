import { msg } from '../i18n.js';
import { closest } from '../model/text.js';
import type { Rule } from './rule.js';
import { kmName, resolveGrade } from './util.js';

export const bedomningSkala: Rule = {
  id: 'bedomning-skala',
  severity: 'error',
  description: msg('Bedömningen saknar grad eller har en grad som inte finns i skalan.', 'The assessment has no grade or one that is not on the scale.'),
  docs: {
    why: msg(
      'Graderna ska vara desamma i hela rapporten och i alla rapporter från revisionen, så att fullmäktige kan jämföra. "Delvis uppfylld" eller "Godkänt" passar inte skalan.',
      'Grades must be the same throughout the report and across the auditors\' reports so that the council can compare them. "Delvis uppfylld" or "Godkänt" is not on the scale.',
    ),
    bad: '### Bedömning: Uppfylld',
    good: '### Bedömning: Uppfyllt',
  },
  check(ctx) {
    const { grades, name } = ctx.scale;
    ctx.doc.controlObjectives.forEach((km, i) => {
      const b = km.bedomning;
      if (!b) return;
      if (!b.gradeText) {
        ctx.report({
          span: b.headingSpan,
          message: msg(
            `Bedömningen av kontrollmål ${kmName(km, i)} saknar grad. Skriv "### Bedömning: <grad>" med en av ${grades.join(', ')}.`,
            `The assessment of kontrollmål ${kmName(km, i)} has no grade. Write "### Bedömning: <grade>" with one of ${grades.join(', ')}.`,
          ),
          fixes: grades.map((g) => ({
            title: msg(`Sätt graden "${g}"`, `Set the grade "${g}"`),
            edits: [{ span: { start: b.headingSpan.end, end: b.headingSpan.end }, newText: `${ctx.doc.text.slice(b.headingSpan.start, b.headingSpan.end).trimEnd().endsWith(':') ? ' ' : ': '}${g}` }],
            safe: false,
          })),
        });
        return;
      }
      if (resolveGrade(b.gradeText, grades)) return;
      const near = closest(b.gradeText, grades, 3);
      const offer = near.length > 0 ? near : grades;
      ctx.report({
        span: b.headingSpan,
        message: msg(
          `"${b.gradeText}" finns inte i skalan "${name}" (${grades.join(', ')}). ${near.length > 0 ? `Menade du "${near[0]}"?` : 'Välj en av graderna.'}`,
          `"${b.gradeText}" is not on the scale "${name}" (${grades.join(', ')}). ${near.length > 0 ? `Did you mean "${near[0]}"?` : 'Choose one of the grades.'}`,
        ),
        fixes: b.gradeSpan
          ? offer.map((g) => ({ title: msg(`Ändra till "${g}"`, `Change to "${g}"`), edits: [{ span: b.gradeSpan!, newText: g }], safe: false }))
          : [],
      });
    });
  },
};
