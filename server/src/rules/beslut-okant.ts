import { msg } from '../i18n.js';
import { formatDecision } from '../model/decisions.js';
import { formatIsoDate, parseIsoDate } from '../model/dates.js';
import { findDecision, likelyDecision } from '../workspace/register.js';
import type { Rule } from './rule.js';

export const beslutOkant: Rule = {
  id: 'beslut-okant',
  severity: 'warning',
  description: msg('En beslutsreferens finns inte i beslutsregistret.', 'A decision reference is not in the decision register.'),
  docs: {
    why: msg(
      'När arbetsytan har ett beslutsregister (beslut.csv) ska varje beslut som rapporterna hänvisar till stå där. Ett beslut som saknas är ofta en felskriven paragraf eller ett fel datum, och samma beslut kan då citeras olika i årets rapporter. Står paragrafen i registret med ett annat datum erbjuds registrets datum som snabbfix.',
      'When the workspace keeps a decision register (beslut.csv), every decision the reports cite should be in it. A missing one is often a mistyped paragraph or date, and the same decision may then be cited differently across the year\'s reports. When the register has the paragraph with another date, its date is offered as a quick fix.',
    ),
    bad: '[^1]: KF § 16/2015-02-25',
    good: '[^1]: KF § 16/2015-02-23',
  },
  check(ctx) {
    const register = ctx.register;
    if (!register || !register.usable) return;
    for (const d of ctx.doc.decisions) {
      if (!d.date.valid || findDecision(register, d)) continue;
      const written = formatIsoDate(d.date);
      const likely = likelyDecision(register, d);
      if (likely) {
        const date = parseIsoDate(likely.date)!;
        const rewrite = formatDecision({ ...d, date }, d.form) ?? d.raw.replace(written, likely.date);
        ctx.report({
          span: d.span,
          message: msg(
            `Beslutsregistret har ${likely.organ} § ${d.paragraph} den ${likely.date}${likely.rubrik ? ` ("${likely.rubrik}")` : ''}, inte den ${written}. Skriv "${rewrite}".`,
            `The decision register has ${likely.organ} § ${d.paragraph} on ${likely.date}${likely.rubrik ? ` ("${likely.rubrik}")` : ''}, not on ${written}. Write "${rewrite}".`,
          ),
          fixes: [{ title: msg(`Skriv registrets datum: "${rewrite}"`, `Use the register's date: "${rewrite}"`), edits: [{ span: d.span, newText: rewrite }], safe: false }],
        });
        continue;
      }
      ctx.report({
        span: d.span,
        message: msg(
          `"${d.raw}" finns inte i beslutsregistret. Kontrollera paragraf och datum mot protokollet, eller lägg till beslutet i registret (granska beslut --skriv).`,
          `"${d.raw}" is not in the decision register. Check the paragraph and date against the minutes, or add the decision to the register (granska beslut --skriv).`,
        ),
      });
    }
  },
};
