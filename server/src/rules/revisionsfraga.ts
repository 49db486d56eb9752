import { msg } from '../i18n.js';
import { runsIn } from '../model/types.js';
import type { Rule } from './rule.js';
import { questionSection } from './avsnitt-saknas.js';

/** A question mark that ends a sentence: followed by white space, a closing quote or the end. */
const QUESTION = /\?(?=$|[\s"'”»)])/;

/** An aim stated as an att-clause: «Revisionsfrågan är att bedöma om …», «Syftet är att granska huruvida …». */
// Word boundaries are written as look-arounds: `\b` knows only ASCII letters, so «\bär» never matched after a space.
const ATT_CLAUSE = /(?<![\p{L}\p{N}])(?:revisionsfrågan|revisionsfrågorna|syftet|granskningens syfte)(?![\p{L}\p{N}])[^.]*?(?<![\p{L}\p{N}])(?:är|har varit)\s+att\s+(?:bedöma|granska|pröva|utreda|belysa|kartlägga|undersöka|besvara)\b/iu;

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
    const section = questionSection(ctx.doc);
    if (!section) return;
    const runs = runsIn(ctx.doc, { start: section.headingSpan.end, end: section.span.end });
    if (runs.some((r) => QUESTION.test(r.value))) return;
    // Profiles whose houses state the question as an att-clause accept «Revisionsfrågan är att bedöma om …» (spec §13.7).
    if (ctx.doc.profile.question.form === 'question-or-att' && runs.some((r) => ATT_CLAUSE.test(r.value))) return;
    ctx.report({
      span: section.headingSpan,
      message: msg(
        `"${section.title}" innehåller ingen revisionsfråga. Skriv frågan som en mening som slutar med "?".`,
        `"${section.title}" contains no audit question. Write the question as a sentence ending in "?".`,
      ),
    });
  },
};
