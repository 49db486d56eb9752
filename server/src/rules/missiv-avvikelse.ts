import { msg } from '../i18n.js';
import { quotedRecommendations } from '../workspace/missiv.js';
import { recommendationsOf, sameRecommendation } from '../workspace/recommendations.js';
import type { Rule } from './rule.js';
import { field, isStringList } from './util.js';

/** Names compare without case, extra white space or quotation marks. */
const plain = (s: string) => s.toLowerCase().replace(/["«»”“'’]/g, '').replace(/\s+/g, ' ').trim();

export const missivAvvikelse: Rule = {
  id: 'missiv-avvikelse',
  severity: 'warning',
  description: msg('Missivet stämmer inte med rapporten det skickar.', 'The letter disagrees with the report it sends.'),
  docs: {
    why: msg(
      'Missivet och rapporten går ut tillsammans. Står en annan kommun eller titel i missivet, begärs svar från en nämnd som inte granskats, eller citeras en rekommendation som rapporten inte ger, får mottagaren motstridiga besked.',
      'The letter and the report go out together. When the letter names another kommun or title, asks a committee that was not audited to answer, or quotes a recommendation the report does not make, the recipient gets conflicting messages.',
    ),
    bad: '- Inför en rutin för att dokumentera återrapporteringen.',
    good: '- Dokumentera genomförd återrapportering i protokollen.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type !== 'missiv' || !ctx.related) return;
    const rapport = field(doc, 'rapport');
    if (!rapport || typeof rapport.value !== 'string' || rapport.value.trim() === '') return;
    const report = ctx.related(rapport.value.trim());
    if (!report || !report.frontmatter) return;
    const name = rapport.value.trim();
    const value = (d: typeof doc, key: string) => {
      const v = d.frontmatter?.fields.get(key)?.value;
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    };

    for (const key of ['kommun', 'titel']) {
      const mine = value(doc, key);
      const theirs = value(report, key);
      // A missiv's title may add to the report's («Missiv: Granskning av …»), never differ from it.
      if (mine && theirs && plain(mine) !== plain(theirs) && !(key === 'titel' && plain(mine).includes(plain(theirs)))) {
        ctx.report({
          span: field(doc, key)!.keySpan,
          message: msg(`Missivets ${key} "${mine}" skiljer sig från rapportens "${theirs}" (${name}).`, `The letter's ${key} "${mine}" differs from the report's "${theirs}" (${name}).`),
          fixes: [{ title: msg(`Skriv rapportens ${key}: "${theirs}"`, `Use the report's ${key}: "${theirs}"`), edits: [{ span: field(doc, key)!.valueSpan, newText: /[:#"'[\]{}]/.test(theirs) ? JSON.stringify(theirs) : theirs }], safe: false }],
        });
      }
    }

    const till = field(doc, 'till');
    const audited = report.frontmatter.fields.get('granskade')?.value;
    if (till && isStringList(till.value) && isStringList(audited)) {
      const bodies = audited.map(plain);
      till.value.forEach((recipient, i) => {
        const r = plain(recipient);
        // «Samtliga ledamöter i kommunstyrelsen» is the board itself.
        if (bodies.some((b) => r === b || r.includes(b))) return;
        ctx.report({
          span: till.items?.[i]?.span ?? till.keySpan,
          message: msg(
            `Missivet begär svar från "${recipient}", men rapporten granskade ${audited.join(', ')}. Lägg nämnden under "kännedom" eller kontrollera rapportens "granskade".`,
            `The letter asks "${recipient}" to answer, but the report audited ${audited.join(', ')}. Put the committee under "kännedom" or check the report's "granskade".`,
          ),
        });
      });
    }

    const made = recommendationsOf(report);
    for (const quoted of quotedRecommendations(doc)) {
      if (made.some((r) => sameRecommendation(r.text, quoted.text))) continue;
      ctx.report({
        span: quoted.span,
        message: msg(
          `Rapporten (${name}) ger inte rekommendationen "${quoted.text}". Citera rapportens rekommendationer ordagrant.`,
          `The report (${name}) does not make the recommendation "${quoted.text}". Quote the report's recommendations word for word.`,
        ),
      });
    }
  },
};
