import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { assessmentPartEdit, insertBlock, subsectionPosition } from './edits.js';
import { unitName, unitNameLower } from './util.js';

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
    const { doc } = ctx;
    const grades = ctx.scale.grades.join('|');
    const { place, grade } = doc.profile.assessment;
    const hashes = '#'.repeat(doc.profile.units.level + 1);
    // The profile's own word for the assessment heading: «Bedömning», «Vår bedömning».
    const plain = doc.profile.assessment.headings.find((x) => !x.includes('*')) ?? 'bedömning';
    const word = plain.charAt(0).toLocaleUpperCase('sv') + plain.slice(1);
    doc.controlObjectives.forEach((km, i) => {
      if (km.bedomning) return;
      const n = unitName(doc, km, i);
      if (place === 'subsection' && grade.includes('heading')) {
        ctx.report({
          span: km.headingSpan,
          message: msg(
            `${n} saknar bedömning. Lägg till en rubrik "${hashes} ${word}: <grad>" med motivering (${grades}).`,
            `${n} has no assessment. Add a heading "${hashes} ${word}: <grade>" with reasoning (${grades}).`,
          ),
          // One fix per grade, best first: the auditor picks the grade, the skeleton follows.
          fixes: ctx.scale.grades.map((g) => ({
            title: msg(`Infoga "${hashes} ${word}: ${g}"`, `Insert "${hashes} ${word}: ${g}"`),
            edits: [insertBlock(doc, subsectionPosition(doc, km, 'bedomning'), `${hashes} ${word}: ${g}\n\nTODO: motivera bedömningen. ${doc.profile.units.definite} bedöms som ${g.toLowerCase()}.\n`)],
            safe: false,
          })),
        });
        return;
      }
      const where = place === 'chapter' ? msg(`i kapitlet "${doc.profile.assessment.chapter}", under en rubrik som namnger ${unitNameLower(doc, km, i)}`, `in the chapter "${doc.profile.assessment.chapter}", under a heading naming ${unitNameLower(doc, km, i)}`)
        : place === 'unit' ? msg('under rubriken', 'below the heading')
        : place === 'table' ? msg('i sammanställningens tabell', 'in the summary table')
        : msg(`under en rubrik "${hashes} ${word}"`, `under a heading "${hashes} ${word}"`);
      // In a final chapter the fix adds the unit's part there, one fix per grade, best first.
      const fixes = place === 'chapter'
        ? ctx.scale.grades.map((g) => ({
          title: msg(`Lägg till bedömningen av ${unitNameLower(doc, km, i)}: "${g}"`, `Add the assessment of ${unitNameLower(doc, km, i)}: "${g}"`),
          edits: [assessmentPartEdit(doc, km, i, `**Bedömning:** ${g}. TODO: motivera bedömningen.`)],
          safe: false,
        }))
        : [];
      ctx.report({
        span: km.headingSpan,
        message: msg(
          `${n} saknar bedömning. Skriv bedömningen ${where.sv}, med en grad (${grades}).`,
          `${n} has no assessment. Write the assessment ${where.en}, with a grade (${grades}).`,
        ),
        fixes,
      });
    });
  },
};
