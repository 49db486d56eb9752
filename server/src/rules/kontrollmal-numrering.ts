import { msg } from '../i18n.js';
import type { Fix, Rule, SpanEdit } from './rule.js';

export const kontrollmalNumrering: Rule = {
  id: 'kontrollmal-numrering',
  severity: 'warning',
  description: msg('Kontrollmålen är inte numrerade 1, 2, 3 … i ordning.', 'The kontrollmål are not numbered 1, 2, 3 … in order.'),
  docs: {
    why: msg(
      'Sammanfattningen, missivet och nämndens svar hänvisar till kontrollmålen med nummer. Ett hopp eller en dubblett efter en omflyttning gör hänvisningarna fel.',
      'The summary, the cover letter and the committee reply refer to control objectives by number. A gap or a repeat after moving text makes those references wrong.',
    ),
    bad: '## Kontrollmål 1: Finns mål och aktiviteter för att förbättra asyl och integration?\n…\n## Kontrollmål 3: Har återrapportering skett till kommunstyrelsen?',
    good: '## Kontrollmål 1: Finns mål och aktiviteter för att förbättra asyl och integration?\n…\n## Kontrollmål 2: Har återrapportering skett till kommunstyrelsen?',
  },
  check(ctx) {
    // Only units whose headings carry numbers can be numbered wrong (spec §13.2).
    if (ctx.doc.profile.units.discovery !== 'numbered') return;
    const kms = ctx.doc.controlObjectives;
    const name = ctx.doc.profile.units.name;
    const edits: SpanEdit[] = [];
    kms.forEach((km, i) => {
      if (km.number === i + 1) return;
      if (km.numberSpan) edits.push({ span: km.numberSpan, newText: String(i + 1) });
      else {
        // A heading without a number gets one right after the word «Kontrollmål».
        const source = ctx.doc.text.slice(km.headingSpan.start, km.headingSpan.end);
        const word = ctx.doc.profile.units.words.map((w) => ({ w, at: source.toLowerCase().indexOf(w.toLowerCase()) })).find((x) => x.at >= 0);
        if (word) {
          const pos = km.headingSpan.start + word.at + word.w.length;
          edits.push({ span: { start: pos, end: pos }, newText: ` ${i + 1}` });
        }
      }
    });
    if (edits.length === 0) return;
    const plural = ctx.doc.profile.units.plural;
    const fix: Fix = { title: msg(`Numrera om ${plural === 'kontrollmål' ? 'kontrollmålen' : plural} 1, 2, 3 …`, `Renumber the ${plural} 1, 2, 3 …`), edits, safe: true };
    const seen = new Set<number>();
    kms.forEach((km, i) => {
      const repeated = km.number !== null && seen.has(km.number);
      if (km.number !== null) seen.add(km.number);
      if (km.number === i + 1) return;
      ctx.report({
        span: km.headingSpan,
        message: km.number === null
          ? msg(`${name} nummer ${i + 1} i ordningen saknar nummer. Skriv "${name} ${i + 1}: …".`, `The ${name.toLowerCase()} in place ${i + 1} has no number. Write "${name} ${i + 1}: …".`)
          : repeated
            ? msg(`${name} ${km.number} förekommer redan. Det här är ${name.toLowerCase()} ${i + 1} i ordningen; numrera om.`, `${name} ${km.number} already exists. This is ${name.toLowerCase()} ${i + 1} in order; renumber.`)
            : msg(`${name} ${km.number} står i ordningen som nummer ${i + 1}. Numrera ${plural === 'kontrollmål' ? 'kontrollmålen' : plural} 1, 2, 3 … i dokumentordning.`, `${name} ${km.number} is number ${i + 1} in order. Number the ${plural} 1, 2, 3 … in document order.`),
        fixes: [fix],
      });
    });
  },
};
