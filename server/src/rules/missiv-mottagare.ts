import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { field, firstLine, frontmatterReadable, isStringList } from './util.js';

export const missivMottagare: Rule = {
  id: 'missiv-mottagare',
  severity: 'error',
  description: msg('Missivet saknar mottagare.', 'The cover letter has no recipients.'),
  docs: {
    why: msg(
      'Ett missiv utan mottagare vet ingen vem som ska svara. Mottagarna är också de som rekommendationerna riktar sig till.',
      'A letter without recipients leaves no one responsible for replying. The recipients are also those the recommendations address.',
    ),
    bad: 'till: []',
    good: 'till: [kommunstyrelsen]',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type !== 'missiv' || !frontmatterReadable(doc)) return;
    const f = field(doc, 'till');
    if (!f) {
      ctx.report({ span: firstLine(doc), message: msg('Missivet saknar "till". Ange mottagarna, t.ex. "till: [kommunstyrelsen]".', 'The letter lacks "till". Give the recipients, e.g. "till: [kommunstyrelsen]".') });
    } else if (!isStringList(f.value) || f.value.length === 0) {
      ctx.report({ span: f.keySpan, message: msg('"till" ska vara en lista med minst en mottagare, t.ex. [kommunstyrelsen].', '"till" must be a list of at least one recipient, e.g. [kommunstyrelsen].') });
    }
  },
};
