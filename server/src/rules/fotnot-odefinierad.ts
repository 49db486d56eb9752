import { msg } from '../i18n.js';
import { appendDefinition } from './edits.js';
import type { Rule } from './rule.js';

export const fotnotOdefinierad: Rule = {
  id: 'fotnot-odefinierad',
  severity: 'error',
  description: msg('En fotnotsreferens saknar definition.', 'A footnote reference has no definition.'),
  docs: {
    why: msg(
      'En fotnot utan definition syns som "[^3]" i den färdiga rapporten, och källan som skulle styrka iakttagelsen saknas.',
      'A footnote without a definition shows as "[^3]" in the finished report, and the source that should support the observation is missing.',
    ),
    bad: 'Se även beslutet om åtgärdskatalogen.[^3]',
    good: '[^3]: KF § 7/2016-02-08',
  },
  check(ctx) {
    for (const ref of ctx.doc.footnoteRefs) {
      if (ref.defined) continue;
      ctx.report({
        span: ref.span,
        message: msg(
          `Fotnoten [^${ref.label}] har ingen definition. Lägg till "[^${ref.label}]: …" på en egen rad, t.ex. sist i dokumentet.`,
          `The footnote [^${ref.label}] has no definition. Add "[^${ref.label}]: …" on a line of its own, e.g. at the end of the document.`,
        ),
        // Every use of the label gets the same fix, so one definition is added whichever is picked.
        fixes: [{ title: msg(`Definiera fotnoten [^${ref.label}]`, `Define the footnote [^${ref.label}]`), edits: [appendDefinition(ctx.doc, `[^${ref.label}]: TODO`)], safe: false }],
      });
    }
  },
};
