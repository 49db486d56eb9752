import { detach } from '../detach.js';

/**
 * Words of prose for spelling: what is no word is skipped here (URLs, e-mail addresses,
 * footnote labels left as text, numbers and words with digits, file and domain names,
 * all-caps acronyms), so that the checker sees only what a reader would call a word.
 */
export interface Token {
  word: string;
  /** Offset in the text it was found in. */
  index: number;
  /** Whether a full stop follows: «t.ex.» and «kap.» are words only with it. */
  dot: boolean;
}

const TOKEN = new RegExp(
  [
    String.raw`(?:https?|ftp):\/\/\S+`,
    String.raw`www\.\S+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`\[\^[^\]\s]*\]`,
    // The typographic apostrophe as an escape that the regular expression reads: a raw
    // template keeps the character itself, which the bundle cannot hold (scripts/latin1.mjs).
    String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-.:'\u2019][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*-?`,
  ].join('|'),
  'gu',
);

/** Domain and file names: «hultsfred.se», «rapport.pdf». */
const NAME_WITH_SUFFIX = /\.(?:se|nu|com|org|net|eu|gov|info|pdf|docx?|xlsx?|md|html?|json|txt|csv|png|jpe?g)$/iu;
const HAS_DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;

const ACRONYM = /^\p{Lu}{2,5}(?::\p{Ll}{1,3})?$/u;

/** Acronyms of up to five capitals, also with an ending: KF, BUN, KF:s, SKR:s. */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/** Whether a match of TOKEN is a word to check: a function of the matched text alone. */
function isCheckable(word: string): boolean {
  const first = word.charCodeAt(0);
  // URLs, addresses and footnote labels are matched whole so that none of their parts is checked.
  if (first === 0x5b /* [ */ || word.includes('@') || word.includes('://') || /^www\./i.test(word)) return false;
  if (HAS_DIGIT.test(word) || NAME_WITH_SUFFIX.test(word)) return false;
  // One letter is a list marker, a variable or an initial, never a misspelling worth a squiggle.
  if (word.length < 2 || !LETTER.test(word)) return false;
  return !isAcronym(word);
}

/**
 * `isCheckable` per distinct text: a report repeats its words many times, and the four
 * regular expressions per word were a third of tokenizing (measured in docs/prestanda.md,
 * «Kommandoraden och minnet, andra omgången»). Cleared when full, like the speller's verdicts.
 */
const checkable = new Map<string, boolean>();
const MAX_CHECKABLE = 100_000;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[0];
    let ok = checkable.get(word);
    if (ok === undefined) {
      ok = isCheckable(word);
      if (checkable.size >= MAX_CHECKABLE) checkable.clear();
      // The word is cut from a version of a report; kept as it is, it would keep that text.
      checkable.set(detach(word), ok);
    }
    if (!ok) continue;
    out.push({ word, index: m.index, dot: text.charCodeAt(m.index + word.length) === 0x2e });
  }
  return out;
}
