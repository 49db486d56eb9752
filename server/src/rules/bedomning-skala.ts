import { msg } from '../i18n.js';
import { closest } from '../model/text.js';
import type { Rule } from './rule.js';
import type { AuditDocument } from '../model/types.js';
import type { Msg } from '../i18n.js';
import { gradeOnScale, unitNameLower } from './util.js';

/** Where the profile lets a grade be written, in words for a message. */
function gradePlaces(doc: AuditDocument): Msg {
  const sv: string[] = [];
  const en: string[] = [];
  for (const g of doc.profile.assessment.grade) {
    if (g === 'heading') { sv.push('i rubriken ("Bedömning: <grad>")'); en.push('in the heading ("Bedömning: <grade>")'); }
    if (g === 'bold') { sv.push('i fetstil ("**Bedömning:** <grad>")'); en.push('in bold ("**Bedömning:** <grade>")'); }
    if (g === 'sentence') { sv.push('i bedömningens första mening'); en.push('in the assessment\'s first sentence'); }
    if (g === 'table') { sv.push('i sammanställningens tabell'); en.push('in the summary table'); }
  }
  const join = (xs: string[], or: string) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`);
  return { sv: join(sv, 'eller'), en: join(en, 'or') };
}

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
    const { doc } = ctx;
    const inHeading = doc.profile.assessment.place === 'subsection' && doc.profile.assessment.grade.includes('heading');
    doc.controlObjectives.forEach((km, i) => {
      const b = km.bedomning;
      if (!b) return;
      if (!b.gradeText && !inHeading) {
        ctx.report({
          span: b.headingSpan,
          message: msg(
            `Bedömningen av ${unitNameLower(doc, km, i)} anger ingen grad. Skriv graden ${gradePlaces(doc).sv}, med en av ${grades.join(', ')}.`,
            `The assessment of ${unitNameLower(doc, km, i)} states no grade. Write the grade ${gradePlaces(doc).en}, with one of ${grades.join(', ')}.`,
          ),
        });
        return;
      }
      if (!b.gradeText) {
        ctx.report({
          span: b.headingSpan,
          message: msg(
            `Bedömningen av ${unitNameLower(doc, km, i)} saknar grad. Skriv "### Bedömning: <grad>" med en av ${grades.join(', ')}.`,
            `The assessment of ${unitNameLower(doc, km, i)} has no grade. Write "### Bedömning: <grade>" with one of ${grades.join(', ')}.`,
          ),
          fixes: grades.map((g) => ({
            title: msg(`Sätt graden "${g}"`, `Set the grade "${g}"`),
            edits: [{ span: { start: b.headingSpan.end, end: b.headingSpan.end }, newText: `${ctx.doc.text.slice(b.headingSpan.start, b.headingSpan.end).trimEnd().endsWith(':') ? ' ' : ': '}${g}` }],
            safe: false,
          })),
        });
        return;
      }
      if (gradeOnScale(doc, b.gradeText)) return;
      const near = closest(b.gradeText, grades, 3);
      const offer = near.length > 0 ? near : grades;
      ctx.report({
        span: b.gradeFrom === 'table' && b.gradeSpan ? b.gradeSpan : b.headingSpan,
        message: msg(
          `"${b.gradeText}" finns inte i skalan "${name}" (${grades.join(', ')}). ${near.length > 0 ? `Menade du "${near[0]}"?` : 'Välj en av graderna.'}`,
          `"${b.gradeText}" is not on the scale "${name}" (${grades.join(', ')}). ${near.length > 0 ? `Did you mean "${near[0]}"?` : 'Choose one of the grades.'}`,
        ),
        fixes: b.gradeSpan && (b.gradeFrom === 'heading' || b.gradeFrom === undefined)
          ? offer.map((g) => ({ title: msg(`Ändra till "${g}"`, `Change to "${g}"`), edits: [{ span: b.gradeSpan!, newText: g }], safe: false }))
          : [],
      });
    });
  },
};
