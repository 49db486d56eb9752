import { msg } from '../i18n.js';
import { formatDecision, references } from '../model/decisions.js';
import type { Rule } from './rule.js';

export const referensStil: Rule = {
  id: 'referens-stil',
  severity: 'off',
  description: msg('En beslutsreferens följer inte husstilen.', 'A decision reference does not follow the house style.'),
  docs: {
    why: msg(
      'Byråer och revisionskontor har en husstil för beslutsreferenser. Regeln är avstängd som standard; slå på den med "referens-stil": "warning" och välj stil med "referensstil" (A, B eller C). En referens i löptext (form D, "kommunfullmäktiges beslut 2012-11-20, § 101") lämnas som den är skriven.',
      'Firms and audit offices have a house style for decision references. The rule is off by default; switch it on with "referens-stil": "warning" and choose the style with "referensstil" (A, B or C). A reference in running prose (form D, "kommunfullmäktiges beslut 2012-11-20, § 101") is left as written.',
    ),
    bad: '[^3]: KF 2016-02-08 § 7',
    good: '[^3]: KF § 7/2016-02-08',
  },
  check(ctx) {
    const style = ctx.config.style;
    for (const [d, paragraphs] of references(ctx.doc.decisions)) {
      // Form D is a reference written into a sentence (`enligt kommunfullmäktiges beslut …`);
      // rewriting it into a house style would break the sentence, so prose is left as written.
      if (d.form === style || d.form === 'D') continue;
      const rewrite = formatDecision(d, style, paragraphs);
      if (!rewrite) continue;
      ctx.report({
        span: d.span,
        message: msg(
          `"${d.raw}" följer inte husstilen (form ${style}). Skriv "${rewrite}".`,
          `"${d.raw}" does not follow the house style (form ${style}). Write "${rewrite}".`,
        ),
        // A rewrite replaces the reference's source; where that source is not the reference
        // alone (it runs over a quote's `>`), no fix is offered rather than a wrong one.
        fixes: d.spanExact ? [{ title: msg(`Skriv "${rewrite}"`, `Write "${rewrite}"`), edits: [{ span: d.span, newText: rewrite }], safe: true }] : [],
      });
    }
  },
};
