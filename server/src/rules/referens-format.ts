import { msg } from '../i18n.js';
import type { Rule } from './rule.js';

export const referensFormat: Rule = {
  id: 'referens-format',
  severity: 'warning',
  description: msg('En beslutsreferens är felskriven.', 'A decision reference is malformed.'),
  docs: {
    why: msg(
      'En felskriven referens som "KF §16/2015-2-23" känns inte igen som beslut: den räknas inte som kontrollmålets KF-referens och går inte att söka fram.',
      'A malformed reference such as "KF §16/2015-2-23" is not recognised as a decision: it does not count as the objective\'s council reference and cannot be searched for.',
    ),
    bad: '[^3]: KF §7/2016-2-08',
    good: '[^3]: KF § 7/2016-02-08',
  },
  check(ctx) {
    for (const ref of ctx.doc.malformedRefs) {
      ctx.report({
        span: ref.span,
        message: ref.suggestion
          ? msg(
            `"${ref.raw}" är ingen giltig beslutsreferens. Skriv "${ref.suggestion}".`,
            `"${ref.raw}" is not a valid decision reference. Write "${ref.suggestion}".`,
          )
          : msg(
            `"${ref.raw}" är ingen giltig beslutsreferens. Skriv organ, paragraf och datum som "KF § 16/2015-02-23".`,
            `"${ref.raw}" is not a valid decision reference. Write organ, paragraph and date as "KF § 16/2015-02-23".`,
          ),
        // A rewrite replaces the reference's source; where that source is not the reference
        // alone (it runs over a quote's `>`), no fix is offered rather than a wrong one.
        fixes: ref.suggestion && ref.spanExact
          ? [{ title: msg(`Skriv "${ref.suggestion}"`, `Write "${ref.suggestion}"`), edits: [{ span: ref.span, newText: ref.suggestion }], safe: ref.safe }]
          : [],
      });
    }
  },
};
