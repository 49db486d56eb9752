import { msg } from '../i18n.js';
import { longSentencesIn } from '../spelling/prose.js';
import type { Rule } from './rule.js';

/**
 * Sentences longer than `meningslangd` words (35 by default). Klarspråk asks for short
 * sentences, and a long one is where readers of a report lose the thread.
 */
export const meningLang: Rule = {
  id: 'mening-lang',
  severity: 'info',
  description: msg('En mening har fler ord än `meningslangd` (35 om inget annat anges).', 'A sentence has more words than `meningslangd` (35 unless configured).'),
  docs: {
    why: msg(
      'Språklagen kräver att offentligt språk är vårdat, enkelt och begripligt. En mening med fler än 35 ord är svår att följa för en förtroendevald som läser rapporten inför fullmäktige; dela den. Gränsen ändras med `meningslangd` i .granskarc.json.',
      'The Language Act requires public-sector language to be cultivated, simple and comprehensible. A sentence of more than 35 words is hard to follow for an elected member reading the report before the council; split it. The limit is set with `meningslangd` in .granskarc.json.',
    ),
    bad: 'Vi har i granskningen noterat att kommunstyrelsen, som enligt reglementet har det övergripande ansvaret för uppföljningen av de åtgärder som beslutats i åtgärdskatalogerna, inte i tillräcklig omfattning har tagit del av de rapporter som nämnderna lämnat under perioden, vilket enligt vår bedömning försvårar styrningen.',
    good: 'Kommunstyrelsen har enligt reglementet det övergripande ansvaret för att följa upp åtgärdskatalogerna. Vi har noterat att styrelsen inte i tillräcklig omfattning har tagit del av nämndernas rapporter. Det försvårar enligt vår bedömning styrningen.',
  },
  check(ctx) {
    const limit = ctx.config.sentenceLength ?? 35;
    for (const s of longSentencesIn(ctx.doc, limit)) {
      ctx.report({
        span: s.span,
        message: msg(
          `Meningen har ${s.words} ord (högst ${limit}). Dela upp den i kortare meningar.`,
          `The sentence has ${s.words} words (at most ${limit}). Split it into shorter sentences.`,
        ),
      });
    }
  },
};
