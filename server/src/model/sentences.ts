/**
 * Swedish abbreviations that end in a full stop but do not end a sentence. ICU's sentence
 * rules already keep a sentence whole when a lower-case word follows (`t.ex. socialnämnden`),
 * but not before a capital (`bl.a. Kommunstyrelsen`), and they have no Swedish list.
 */
const ABBREVIATIONS = new Set([
  't.ex', 'bl.a', 'dvs', 'd.v.s', 's.k', 'm.m', 'm.fl', 'o.s.v', 'osv', 'etc', 'ca', 'jfr', 'resp',
  'nr', 'kap', 'enl', 'f.d', 'p.g.a', 'pga', 'fr.o.m', 't.o.m', 'inkl', 'exkl', 'st', 'ang', 'avd', 'tel',
  'bl. a', 't. ex', 'd. v. s', 'dnr', 'prop', 'sid', 's', 'f', 'ff', 'kl',
]);

/**
 * Made on first use: building ICU's sentence rules took about 30 ms, most of what the server
 * bundle did at load, and only the missiv's rules split sentences this way.
 */
let segmenter: Intl.Segmenter | undefined;

export interface Sentence {
  text: string;
  /** Offset of the sentence in the text it was split from. */
  start: number;
}

/** Whether a piece of text ends in one of the abbreviations above (`… bl.a. `). */
function endsInAbbreviation(piece: string): boolean {
  const m = /(?:^|[\s(])((?:\p{L}{1,5}\.[ \u00a0]?)*\p{L}{1,5})\.\s*$/u.exec(piece);
  return m !== null && ABBREVIATIONS.has(m[1].toLowerCase());
}

/** Splits text into sentences (Unicode sentence boundaries, kept whole across Swedish abbreviations). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let carry: Sentence | null = null;
  segmenter ??= new Intl.Segmenter('sv', { granularity: 'sentence' });
  for (const s of segmenter.segment(text)) {
    const piece: Sentence = carry ? { text: carry.text + s.segment, start: carry.start } : { text: s.segment, start: s.index };
    if (endsInAbbreviation(piece.text)) carry = piece;
    else {
      out.push(piece);
      carry = null;
    }
  }
  if (carry) out.push(carry);
  return out;
}
