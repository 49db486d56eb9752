import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { insertBlock, subsectionPosition } from './edits.js';
import { hasBodyContent, unitName, unitNameLower } from './util.js';

export const kontrollmalIakttagelser: Rule = {
  id: 'kontrollmal-iakttagelser',
  severity: 'error',
  description: msg('Ett kontrollmål saknar iakttagelser.', 'A kontrollmål has no observations.'),
  docs: {
    why: msg(
      'En bedömning utan redovisade iakttagelser går inte att pröva: läsaren ska kunna se vad revisorerna har sett innan de ser vad de tycker.',
      'An assessment without reported observations cannot be tested: readers must see what the auditors found before what they think.',
    ),
    bad: '### Iakttagelser\n\n### Bedömning: Uppfyllt',
    good: '### Iakttagelser\n\nI februari 2015 beslutade kommunfullmäktige om ett åtgärdsprogram.[^1]\n\n### Bedömning: Uppfyllt',
  },
  check(ctx) {
    const { doc } = ctx;
    const place = doc.profile.observations.place;
    const hashes = '#'.repeat(doc.profile.units.level + 1);
    const heading = doc.profile.observations.headings[0] ? capitalize(doc.profile.observations.headings[0]) : 'Iakttagelser';
    doc.controlObjectives.forEach((km, i) => {
      const n = unitName(doc, km, i);
      const lower = unitNameLower(doc, km, i);
      if (!km.iakttagelser) {
        if (place === 'subsection') {
          ctx.report({
            span: km.headingSpan,
            message: msg(
              `${n} saknar iakttagelser. Lägg till en rubrik "${hashes} ${heading}" med det granskningen har visat.`,
              `${n} has no observations. Add a heading "${hashes} ${heading}" with what the audit found.`,
            ),
            fixes: [{
              title: msg(`Infoga "${hashes} ${heading}"`, `Insert "${hashes} ${heading}"`),
              edits: [insertBlock(doc, subsectionPosition(doc, km, 'iakttagelser'), `${hashes} ${heading}\n\nTODO: beskriv vad granskningen har visat.\n`)],
              safe: false,
            }],
          });
        } else {
          const chapter = doc.profile.units.chapter === '*' ? doc.profile.chapters.find((c) => c.name !== doc.profile.assessment.chapter && !/^(sammanfatt|inledning)/iu.test(c.name))?.name ?? 'Resultat' : doc.profile.units.chapter;
          ctx.report({
            span: km.headingSpan,
            message: msg(
              `${n} saknar iakttagelser: rapporten redovisar inte vad granskningen har visat ("${chapter}").`,
              `${n} has no observations: the report does not set out what the audit found ("${chapter}").`,
            ),
          });
        }
      } else if (!hasBodyContent(km.iakttagelser.content)) {
        ctx.report({
          span: km.headingSpan,
          message: place === 'subsection'
            ? msg(
              `Iakttagelserna för ${lower} är tomma. Beskriv vad granskningen har visat under "${hashes} ${heading}".`,
              `The observations of ${lower} are empty. Describe what the audit found under "${hashes} ${heading}".`,
            )
            : msg(
              `Iakttagelserna för ${lower} är tomma. Beskriv vad granskningen har visat${place === 'unit' ? ' under rubriken, före bedömningen' : ` i "${km.iakttagelser.title}"`}.`,
              `The observations of ${lower} are empty. Describe what the audit found${place === 'unit' ? ' below the heading, before the assessment' : ` in "${km.iakttagelser.title}"`}.`,
            ),
        });
      }
    });
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}
