import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { field, firstLine, frontmatterReadable } from './util.js';

function text(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

export const missivUndertecknare: Rule = {
  id: 'missiv-undertecknare',
  severity: 'error',
  description: msg('Missivet saknar undertecknare, eller en undertecknare saknar namn eller roll.', 'The cover letter has no signatories, or one lacks namn or roll.'),
  docs: {
    why: msg(
      'Missivet är de förtroendevalda revisorernas brev; det ska undertecknas "För kommunens revisorer" med namn och roll, t.ex. ordförande.',
      'The letter comes from the elected auditors; it is signed "För kommunens revisorer" with name and role, e.g. chair.',
    ),
    bad: 'undertecknare:\n  - namn: Thomas Boström',
    good: 'undertecknare:\n  - namn: Thomas Boström\n    roll: Ordförande',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type !== 'missiv' || !frontmatterReadable(doc)) return;
    const f = field(doc, 'undertecknare');
    if (!f) {
      ctx.report({
        span: firstLine(doc),
        message: msg('Missivet saknar "undertecknare". Ange t.ex. "undertecknare: [{ namn: Lars Beckman, roll: Ordförande }]".', 'The letter lacks "undertecknare". Give e.g. "undertecknare: [{ namn: Lars Beckman, roll: Ordförande }]".'),
      });
      return;
    }
    if (!Array.isArray(f.value) || f.value.length === 0) {
      ctx.report({ span: f.keySpan, message: msg('"undertecknare" ska vara en lista med minst en person med namn och roll.', '"undertecknare" must be a list of at least one person with namn and roll.') });
      return;
    }
    f.value.forEach((s: unknown, i: number) => {
      const o = s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : null;
      const missing = [!o || !text(o.namn) ? 'namn' : null, !o || !text(o.roll) ? 'roll' : null].filter((x): x is string => x !== null);
      if (missing.length === 0) return;
      const who = o && text(o.namn) ? `"${String(o.namn)}"` : `nummer ${i + 1}`;
      const whoEn = o && text(o.namn) ? `"${String(o.namn)}"` : `number ${i + 1}`;
      ctx.report({
        span: f.keySpan,
        message: msg(
          `Undertecknare ${who} saknar ${missing.join(' och ')}. Skriv t.ex. "- { namn: Lars Beckman, roll: Ordförande }".`,
          `Signatory ${whoEn} lacks ${missing.join(' and ')}. Write e.g. "- { namn: Lars Beckman, roll: Ordförande }".`,
        ),
      });
    });
  },
};
