/**
 * Swedish sentence splitting for `mening-lang` and LIX. A full stop ends a sentence unless
 * it closes an abbreviation that never ends one (t.ex., bl.a., s.k., dvs., kap. 3,
 * fr.o.m.) or an initial («A. Andersson»). Abbreviations that often close a sentence
 * (m.m., osv., etc.) end one only when a capital letter follows.
 */
export interface Sentence {
  /** Offsets in the text given. */
  start: number;
  end: number;
  words: number;
  /** Words of more than six letters, for LIX. */
  longWords: number;
}

const NEVER_FINAL = new Set([
  't.ex', 'bl.a', 's.k', 'dvs', 'd.v.s', 'kap', 'fr.o.m', 't.o.m', 'resp', 'ca', 'jfr', 'nr', 'st', 'p.g.a', 'pga', 'f.d', 'f.n',
  'ang', 'enl', 'inkl', 'exkl', 'bl.annat', 'o.d', 'ev', 'tf', 'mfl', 'm.fl', 'prop', 'sid', 's', 'jan', 'feb', 'aug', 'sept', 'okt', 'nov', 'dec',
]);
const MAYBE_FINAL = new Set(['m.m', 'osv', 'etc', 'o.s.v']);

const WORD = /[\p{L}\p{N}]+(?:[-:.'’][\p{L}\p{N}]+)*/gu;
/** At least seven letters, wherever they are: tested without making an array of them. */
const SEVEN_LETTERS = /(?:\p{L}[^\p{L}]*){7}/u;

/** Word counts of a stretch of text: words, and words longer than six letters. */
export function countWords(text: string): { words: number; longWords: number } {
  let words = 0;
  let longWords = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    words++;
    // Most words are short; only those longer than six characters need their letters counted.
    if (m[0].length > 6 && SEVEN_LETTERS.test(m[0])) longWords++;
  }
  return { words, longWords };
}

/**
 * Splits a text into sentences. `\n\n` in the text is a hard break (the caller joins the
 * runs of separate paragraphs or list items with it).
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const close = (end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed !== '') {
      const { words, longWords } = countWords(trimmed);
      if (words > 0) out.push({ start: start + lead, end: start + lead + trimmed.length, words, longWords });
    }
    start = end;
  };
  const end = /[.!?…]+["»”’)]*(?=\s|$)|\n\s*\n/gu;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const at = m.index;
    const stop = at + m[0].length;
    if (m[0].startsWith('\n')) {
      close(at);
      continue;
    }
    if (m[0][0] === '.' && m[0].length === 1 && !isSentenceEnd(text, at, stop)) continue;
    close(stop);
  }
  close(text.length);
  return out;
}

/** Whether the full stop at `at` ends a sentence, judged by the word before and the text after. */
function isSentenceEnd(text: string, at: number, stop: number): boolean {
  let from = at;
  // The word before the stop, at most a few characters back: abbreviations are short.
  while (from > 0 && at - from < 12 && /[\p{L}\p{N}.]/u.test(text[from - 1])) from--;
  const before = text.slice(from, at);
  const lower = before.toLowerCase();
  let i = stop;
  while (i < text.length && /\s/.test(text[i])) i++;
  const following = text.slice(i, i + 1);
  // A single capital before the stop is an initial: «A. Andersson».
  if (/^\p{Lu}$/u.test(before)) return false;
  if (NEVER_FINAL.has(lower)) return false;
  if (MAYBE_FINAL.has(lower)) return following === '' || /\p{Lu}/u.test(following);
  // «3. kap.» or a date «1. januari»: a number and a small letter after it is no sentence end.
  if (/^\p{N}+$/u.test(before) && /\p{Ll}/u.test(following)) return false;
  return true;
}
