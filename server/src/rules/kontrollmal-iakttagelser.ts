import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { insertBlock, subsectionPosition } from './edits.js';
import { hasBodyContent, kmName } from './util.js';

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
    ctx.doc.controlObjectives.forEach((km, i) => {
      const n = kmName(km, i);
      if (!km.iakttagelser) {
        ctx.report({
          span: km.headingSpan,
          message: msg(
            `Kontrollmål ${n} saknar iakttagelser. Lägg till en rubrik "### Iakttagelser" med det granskningen har visat.`,
            `Kontrollmål ${n} has no observations. Add a heading "### Iakttagelser" with what the audit found.`,
          ),
          fixes: [{
            title: msg('Infoga "### Iakttagelser"', 'Insert "### Iakttagelser"'),
            edits: [insertBlock(ctx.doc, subsectionPosition(ctx.doc, km, 'iakttagelser'), '### Iakttagelser\n\nTODO: beskriv vad granskningen har visat.\n')],
            safe: false,
          }],
        });
      } else if (!hasBodyContent(km.iakttagelser.content)) {
        ctx.report({
          span: km.headingSpan,
          message: msg(
            `Iakttagelserna för kontrollmål ${n} är tomma. Beskriv vad granskningen har visat under "### Iakttagelser".`,
            `The observations of kontrollmål ${n} are empty. Describe what the audit found under "### Iakttagelser".`,
          ),
        });
      }
    });
  },
};
