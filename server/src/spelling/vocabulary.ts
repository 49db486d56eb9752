import { COMMON_BODIES, SIGNATORY_ROLES } from '../data/bodies.js';
import { KOMMUNER, KOMMUNER_BY_LAN } from '../data/kommuner.js';
import { REGIONER } from '../data/regioner.js';
import { AUDIT_TERMS, AUDIT_ACRONYMS, BODY_PREFIXES, ABBREVIATIONS } from '../data/audit-vocabulary.js';
import { tokenize } from './words.js';

/**
 * Words that are right although the general dictionary lacks them. Entries in lower case
 * match in any case (a term may open a sentence); entries with capitals are names and
 * match as written, or in all capitals as a heading writes them.
 */
export class Vocabulary {
  private readonly words = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    const w = word.trim().normalize('NFC');
    if (w !== '') this.words.add(w);
  }

  /** Adds every word of a name, with its genitive: «Hultsfred» and «Hultsfreds». */
  addName(name: string): void {
    for (const t of tokenize(name.normalize('NFC'))) {
      this.add(t.word);
      this.add(genitive(t.word));
    }
  }

  has(word: string): boolean {
    const w = word.normalize('NFC');
    if (this.words.has(w)) return true;
    const lower = w.toLowerCase();
    if (lower !== w && this.words.has(lower)) return true;
    // «HULTSFRED» in a heading set in capitals.
    if (w === w.toUpperCase() && w.length > 1) {
      const capitalised = w[0] + w.slice(1).toLowerCase();
      return this.words.has(capitalised);
    }
    return false;
  }

  get size(): number {
    return this.words.size;
  }
}

/** The genitive as Swedish writes it: no extra s after s, x or z («Borås», «Kalix»). */
export function genitive(word: string): string {
  return /[sxz]$/i.test(word) ? word : `${word}s`;
}

const NOUN_FORMS: Readonly<Record<string, readonly string[]>> = {
  nämnd: ['nämnd', 'nämnden', 'nämndens', 'nämnder', 'nämnderna', 'nämndernas', 'nämnds'],
  förvaltning: ['förvaltning', 'förvaltningen', 'förvaltningens', 'förvaltningar', 'förvaltningarna', 'förvaltningarnas'],
  utskott: ['utskott', 'utskottet', 'utskottets'],
  kontor: ['kontor', 'kontoret', 'kontorets'],
  enhet: ['enhet', 'enheten', 'enhetens'],
  avdelning: ['avdelning', 'avdelningen', 'avdelningens'],
};

function builtin(): Vocabulary {
  const v = new Vocabulary();
  for (const k of KOMMUNER) {
    v.addName(k.name);
    v.addName(k.formal);
  }
  for (const lan of Object.keys(KOMMUNER_BY_LAN)) v.addName(lan);
  for (const r of REGIONER) v.addName(r);
  for (const b of [...COMMON_BODIES, ...SIGNATORY_ROLES]) v.addName(b);
  for (const prefix of BODY_PREFIXES) for (const forms of Object.values(NOUN_FORMS)) for (const f of forms) v.add(prefix + f);
  for (const w of [...AUDIT_TERMS, ...AUDIT_ACRONYMS, ...ABBREVIATIONS]) v.add(w);
  return v;
}

let shared: Vocabulary | null = null;

/** The built-in audit vocabulary: kommuner, län, regions, bodies, audit terms and acronyms. */
export function builtinVocabulary(): Vocabulary {
  shared ??= builtin();
  return shared;
}
