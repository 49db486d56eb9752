import { normalizeLabel } from '../model/text.js';

/**
 * One step of a grading scale: the grade as written in headings and tables, and the other
 * ways auditors write it in prose (verbal phrases such as «i huvudsak», coloured symbols).
 */
export interface ScaleStep {
  name: string;
  phrases: readonly string[];
  symbols: readonly string[];
}

/** A grading scale, highest grade first. `grades` are the steps' names (what v1 reads). */
export interface Scale {
  name: string;
  grades: readonly string[];
  steps: readonly ScaleStep[];
}

export function stepsOf(grades: readonly string[]): ScaleStep[] {
  return grades.map((name) => ({ name, phrases: [], symbols: [] }));
}

/**
 * Scales that the built-in profiles use beyond v1's `uppfyllt` and `ja-nej`. They belong to
 * the profiles (a document with the default profile sees v1's scales only), and a
 * configuration may name them in its own profiles.
 */
export const PROFILE_SCALES: Readonly<Record<string, ScaleStep[]>> = {
  verbal: [
    { name: 'Ja', phrases: ['i allt väsentligt', 'fullt ut', 'helt och hållet', 'till fullo'], symbols: [] },
    { name: 'I huvudsak', phrases: ['i huvudsak', 'till övervägande del', 'till stor del', 'i stort'], symbols: [] },
    { name: 'Delvis', phrases: ['delvis', 'inte helt', 'till viss del', 'i begränsad omfattning', 'i viss mån'], symbols: [] },
    { name: 'Nej', phrases: ['inte', 'ej', 'inte alls', 'inte är'], symbols: [] },
  ],
  tillfredsställande: [
    { name: 'Tillfredsställande', phrases: ['tillfredsställande', 'i allt väsentligt tillfredsställande'], symbols: [] },
    { name: 'Delvis tillfredsställande', phrases: ['delvis tillfredsställande', 'inte helt tillfredsställande', 'i huvudsak tillfredsställande'], symbols: [] },
    { name: 'Ej tillfredsställande', phrases: ['ej tillfredsställande', 'inte tillfredsställande', 'otillfredsställande', 'inte är tillfredsställande'], symbols: [] },
  ],
  trafikljus: [
    { name: 'Grön', phrases: ['grön', 'gröna', 'grönt'], symbols: ['🟢'] },
    { name: 'Gul', phrases: ['gul', 'gula', 'gult'], symbols: ['🟡', '🟠'] },
    { name: 'Röd', phrases: ['röd', 'röda', 'rött'], symbols: ['🔴'] },
  ],
  uppfyllt: [
    { name: 'Uppfyllt', phrases: ['uppfyllt', 'i allt väsentligt uppfyllt', 'helt uppfyllt'], symbols: [] },
    { name: 'Delvis uppfyllt', phrases: ['delvis uppfyllt', 'i huvudsak uppfyllt', 'inte helt uppfyllt'], symbols: [] },
    { name: 'Ej uppfyllt', phrases: ['ej uppfyllt', 'inte uppfyllt', 'inte är uppfyllt', 'är inte uppfyllt'], symbols: [] },
  ],
};

/**
 * A grade compared ignoring Swedish adjective agreement (spec §4 v2): «uppfylld», «uppfyllt»
 * and «uppfyllda», or «åtgärdad», «åtgärdat» and «åtgärdade», give one key. Words shorter
 * than five letters keep their form, so that «ja», «nej», «gul» and «röd» stay themselves.
 */
export function agreementKey(text: string): string {
  return normalizeLabel(text)
    .split(' ')
    .map((w) => {
      // Punctuation after a word («uppfyllt,») is kept apart, so that the word's ending is found.
      const m = /^(.*?)([^\p{L}\p{N}]*)$/u.exec(w)!;
      return m[1].length >= 5 ? m[1].replace(/(?:dda|dde|tt|da|de|d|t|a)$/u, '') + m[2] : w;
    })
    .join(' ');
}

/**
 * The step a grade names, compared ignoring case, white space and (when `agreement`)
 * adjective agreement; the step's symbols count too. Null when it names none.
 */
export function resolveStep(text: string, scale: Scale, agreement: boolean): ScaleStep | null {
  const exact = normalizeLabel(text);
  for (const s of scale.steps) if (normalizeLabel(s.name) === exact) return s;
  const trimmed = text.trim();
  for (const s of scale.steps) if (s.symbols.some((sym) => trimmed === sym || trimmed.startsWith(`${sym} `))) return s;
  if (!agreement) return null;
  const key = agreementKey(text);
  for (const s of scale.steps) if (agreementKey(s.name) === key) return s;
  return null;
}

/**
 * The step a sentence states, by the longest grade name or phrase it contains as whole words
 * (so that «inte helt» is «Delvis» rather than «Nej», and «delvis uppfyllt» is not «uppfyllt»).
 * Compared ignoring agreement. Returns the step and the matched text's offset and length in
 * `sentence`, or null.
 */
export function stepInSentence(sentence: string, scale: Scale): { step: ScaleStep; index: number; length: number } | null {
  const words = [...sentence.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)];
  const keys = words.map((m) => (/^[\p{L}\p{N}]/u.test(m[0]) ? agreementKey(m[0]) : m[0]));
  let best: { step: ScaleStep; index: number; length: number; words: number } | null = null;
  for (const step of scale.steps) {
    for (const phrase of [step.name, ...step.phrases, ...step.symbols]) {
      const parts = [...phrase.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)].map((m) => (/^[\p{L}\p{N}]/u.test(m[0]) ? agreementKey(m[0]) : m[0]));
      if (parts.length === 0) continue;
      for (let i = 0; i + parts.length <= keys.length; i++) {
        let ok = true;
        for (let j = 0; j < parts.length && ok; j++) ok = keys[i + j] === parts[j];
        if (!ok) continue;
        const start = words[i].index!;
        const last = words[i + parts.length - 1];
        const length = last.index! + last[0].length - start;
        if (!best || parts.length > best.words || (parts.length === best.words && start < best.index)) best = { step, index: start, length, words: parts.length };
      }
    }
  }
  return best && { step: best.step, index: best.index, length: best.length };
}
