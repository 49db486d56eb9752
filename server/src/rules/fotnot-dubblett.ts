import { msg } from '../i18n.js';
import type { Rule } from './rule.js';

export const fotnotDubblett: Rule = {
  id: 'fotnot-dubblett',
  severity: 'error',
  description: msg('Samma fotnot definieras två gånger.', 'The same footnote is defined twice.'),
  docs: {
    why: msg(
      'Bara den första definitionen visas. Den andra är oftast en källa som skulle ha fått ett eget nummer, och en iakttagelse pekar nu på fel beslut.',
      'Only the first definition is shown. The second is usually a source that should have had its own number, and an observation now points at the wrong decision.',
    ),
    bad: '[^2]: KF § 155/2015-12-14\n[^2]: KF § 7/2016-02-08',
    good: '[^2]: KF § 155/2015-12-14\n[^3]: KF § 7/2016-02-08',
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const def of ctx.doc.footnoteDefs) {
      const firstLine = seen.get(def.key);
      if (firstLine === undefined) {
        seen.set(def.key, ctx.doc.lines.positionAt(def.span.start).line);
        continue;
      }
      ctx.report({
        span: def.labelSpan,
        message: msg(
          `Fotnoten [^${def.label}] är redan definierad på rad ${firstLine + 1}. Ge den här definitionen en egen etikett eller ta bort den.`,
          `The footnote [^${def.label}] is already defined on line ${firstLine + 1}. Give this definition its own label or remove it.`,
        ),
      });
    }
  },
};
