import * as assert from 'node:assert/strict';
import { hover } from '../../server/src/features/hover.ts';
import { readability } from '../../server/src/features/status.ts';
import { documentSymbols } from '../../server/src/features/symbols.ts';
import { lix } from '../../server/src/spelling/prose.ts';
import { config } from '../helpers/lint.ts';
import { at } from '../helpers/features.ts';

const HEAD = '---\ntyp: förstudie\nkommun: Hultsfreds kommun\ntitel: Förstudie\ndatum: 2019-01-22\n---\n\n';
// Chapter one with its subsection: 3 sentences, 11 words, 6 of them longer than six letters. Chapter two: 1 sentence, 3 words, none long.
const TEXT = `${HEAD}# Inledning¦\n\nKommunstyrelsen genomför uppföljningen. Nämnderna rapporterar återkommande varje år.\n\n## Bakgrund\n\nDet är så.\n\n# Metod\n\nVi har läst.\n`;

describe('readability (LIX) in the editor', () => {
  it('shows a chapter\'s LIX and the document\'s on hover over the chapter heading', () => {
    const { ctx, offset } = at(TEXT);
    const h = hover(ctx, offset)!;
    const value = (h.contents as { value: string }).value;
    const chapter = lix(11, 3, 6)!.toLocaleString('sv-SE', { minimumFractionDigits: 1 });
    assert.match(value, /\*\*Inledning\*\*/);
    assert.ok(value.includes(`Kapitlet: LIX ${chapter}`), value);
    assert.match(value, /11 ord · 3 meningar/);
    assert.match(value, /Hela dokumentet: LIX [\d,]+ .* · 14 ord · 4 meningar/);
  });

  it('gives each chapter its LIX in the outline', () => {
    const { ctx } = at(TEXT);
    const symbols = documentSymbols(ctx).filter((s) => s.name !== 'Frontmatter');
    assert.deepEqual(symbols.map((s) => s.detail), [`LIX ${lix(11, 3, 6)!.toLocaleString('sv-SE', { minimumFractionDigits: 1 })} · 11 ord`, `LIX ${lix(3, 1, 0)!.toLocaleString('sv-SE', { minimumFractionDigits: 1 })} · 3 ord`]);
  });

  it('answers the status bar with the document\'s figures and the configured sentence length', () => {
    const { ctx } = at(TEXT, { config: config({ meningslangd: 4 }) });
    const r = readability(ctx.doc, ctx.config);
    assert.deepEqual({ words: r.words, sentences: r.sentences, longSentences: r.longSentences, limit: r.limit }, { words: 14, sentences: 4, longSentences: 1, limit: 4 });
  });
});
