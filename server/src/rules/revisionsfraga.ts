import { msg } from '../i18n.js';
import { runsIn } from '../model/types.js';
import type { Rule } from './rule.js';
import { questionSection } from './avsnitt-saknas.js';

/** A question mark that ends a sentence: followed by white space, a closing quote or the end. */
const QUESTION = /\?(?=$|[\s"'”»)])/;

export const revisionsfraga: Rule = {
  id: 'revisionsfraga',
  severity: 'error',
  description: msg('Avsnittet om revisionsfrågan innehåller ingen fråga.', 'The audit-question section contains no question.'),
  docs: {
    why: msg(
      'Hela granskningen ska besvara revisionsfrågan. Står den inte som en fråga går det inte att se vad bedömningen svarar på.',
      'The whole audit answers the audit question. If it is not written as a question, no one can see what the assessment answers.',
    ),
    bad: '## Syfte och revisionsfråga\n\nGranskningen avser kommunstyrelsens arbete med integration.',
    good: '## Syfte och revisionsfråga\n\nSäkerställer kommunstyrelsen att insatserna genomförs ändamålsenligt?',
  },
  check(ctx) {
    const section = questionSection(ctx.doc.sections, ctx.doc.type);
    if (!section) return;
    const asked = runsIn(ctx.doc, { start: section.headingSpan.end, end: section.span.end }).some((r) => QUESTION.test(r.value));
    if (asked) return;
    ctx.report({
      span: section.headingSpan,
      message: msg(
        `"${section.title}" innehåller ingen revisionsfråga. Skriv frågan som en mening som slutar med "?".`,
        `"${section.title}" contains no audit question. Write the question as a sentence ending in "?".`,
      ),
    });
  },
};
