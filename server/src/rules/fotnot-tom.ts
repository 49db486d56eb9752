import { msg } from '../i18n.js';
import type { Rule } from './rule.js';

export const fotnotTom: Rule = {
  id: 'fotnot-tom',
  severity: 'warning',
  description: msg('En fotnotsdefinition saknar text.', 'A footnote definition has no text.'),
  docs: {
    why: msg(
      'En tom fotnot lovar en källa men ger ingen. Den blir kvar när någon tänkt fylla i beslutsreferensen senare.',
      'An empty footnote promises a source but gives none. It stays behind when someone meant to fill in the decision reference later.',
    ),
    bad: '[^3]:',
    good: '[^3]: KF § 7/2016-02-08',
  },
  check(ctx) {
    for (const def of ctx.doc.footnoteDefs) {
      if (def.text !== '') continue;
      ctx.report({
        span: def.labelSpan,
        message: msg(
          `Fotnoten [^${def.label}] är tom. Skriv källan efter kolonet, t.ex. "[^${def.label}]: KF § 16/2015-02-23".`,
          `The footnote [^${def.label}] is empty. Write the source after the colon, e.g. "[^${def.label}]: KF § 16/2015-02-23".`,
        ),
      });
    }
  },
};
