/**
 * Short texts made of the pieces decision references are written with (organs by
 * abbreviation and name in several cases, genitives, `beslut`, minutes, ISO, long and loose
 * dates, `§`/`§§`, paragraph lists, commas, parentheses, slashes) mixed with filler words,
 * deterministic for a seed. Most hold a reference of some form, a malformed one, or a near
 * miss; `test/decision-scan.test.ts` compares what the scanner finds in them with what it
 * found before the scanner was made cheaper.
 */

const ORGANS = ['KF', 'KS', 'KSAU', 'SN', 'BUN', 'RF', 'RS', 'ÖFN', 'Kf', 'kf', 'XYZ', 'KFAB'];
const NAMES = [
  'kommunfullmäktige', 'Kommunfullmäktige', 'KOMMUNFULLMÄKTIGE', 'kommunstyrelsen', 'Kommunstyrelsen', 'kommunstyrelsens arbetsutskott',
  'socialnämnden', 'barn- och utbildningsnämnden', 'regionfullmäktige', 'Regionstyrelsen', 'överförmyndarnämnden', 'nämnden för arbete och välfärd',
  'tekniska nämnden', 'styrelsen',
];
const GENITIVES = ['kommunfullmäktiges', 'Kommunfullmäktiges', 'kommunstyrelsens', 'kommunstyrelsens arbetsutskotts', 'socialnämndens', 'regionstyrelsens'];
const MINUTES = ['Protokoll', 'protokoll', 'Protokollsutdrag', 'Protokoll från', 'Protokollsutdrag från', 'Protokoll fört vid sammanträdet med'];
const VERBS = ['beslut', 'beslut den', 'beslutade', 'beslöt', 'beslutade den', 'den'];
const DATES = [
  '2015-02-23', '2019-06-17', '2018-12-17', '2021-05-04', '2019-02-30', '15-02-23', '2015-2-23', '201-02-23', '2015-02-3',
  '25 februari 2019', '17 juni 2019', '1 december 2020', '3 maj  2018',
];
const PARAGRAPHS = ['16', '92', '153', '92–93', '92-93', '92 — 94', '92, 93', '92 och 93', '4, 2019-06-17', '93–92', '1–99', '7'];
const SECTIONS = ['§', '§§', '§\u00a0', '§ ', '§§ '];
const FILLER = ['Enligt', 'beslut', 'om', 'asyl', 'och', 'integration', 'se', 'kap.', '6', 'kommunallagen', 'KL', 'år', '2019', 'i', '—', 'Beslut', 'reglementet'];
const GLUE = [' ', ' ', ' ', '', ', ', ',', '/', ' / ', ' (', ')', '\u00a0', '\t', ':s ', '. ', ' – '];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A reference in one of the forms, its parts picked at random and joined by mostly the
 * right spacing, so that many come out valid and many as near misses.
 */
function reference(rand: () => number, pick: <T>(xs: readonly T[]) => T): string {
  const sp = () => (rand() < 0.8 ? ' ' : pick(['', '  ', '\u00a0', '\t', ', ', ',']));
  const comma = () => (rand() < 0.5 ? '' : ',');
  const section = () => pick(SECTIONS).trimEnd() + sp() + pick(PARAGRAPHS);
  const den = () => (rand() < 0.3 ? `den${sp()}` : '');
  const organ = () => (rand() < 0.5 ? pick(ORGANS) : pick(NAMES));
  switch (Math.floor(rand() * 9)) {
    case 0:
      return `${pick(ORGANS)}${sp()}${section()}${pick(['/', '/', ' ', ', ', ' / '])}${pick(DATES)}`;
    case 1:
      return `${pick(ORGANS)}${sp()}${pick(DATES)}${comma()}${sp()}${section()}`;
    case 2:
      return `${pick(NAMES)}${sp()}${den()}${pick(DATES)}${comma()}${sp()}${section()}`;
    case 3:
      return `${rand() < 0.6 ? pick(GENITIVES) : `${pick(ORGANS)}:s`}${sp()}${pick(VERBS)}${sp()}${pick(DATES)}${comma()}${sp()}${section()}`;
    case 4:
      return `${pick(NAMES)},${sp()}${den()}${pick(DATES)},${sp()}${section()}`;
    case 5:
      return `${pick(MINUTES)}${sp()}${pick(NAMES)}${comma()}${sp()}${den()}${pick(DATES)}${sp()}${section()}`;
    case 6:
      return `${organ()}${rand() < 0.5 ? sp() + pick(VERBS) : ''}${sp()}${den()}${pick(DATES)}${sp()}(${section()})`;
    case 7:
      return `${organ()}${sp()}${pick(DATES)}${sp()}(${section()}${pick([')', '', ' )'])}`;
    default:
      // Form A as house styles write it, the most common reference.
      return `${pick(ORGANS)} ${pick(SECTIONS).trimEnd()} ${pick(PARAGRAPHS)}/${pick(DATES)}`;
  }
}

/** `count` texts of one reference or a few, with filler between; the same texts for the same seed. */
export function decisionCorpus(count: number, seed = 1): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    const pieces: string[] = [];
    const n = 1 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) {
      const kind = rand();
      if (kind < 0.55) pieces.push(reference(rand, pick));
      else if (kind < 0.6) pieces.push(pick(ORGANS));
      else if (kind < 0.65) pieces.push(pick(NAMES));
      else if (kind < 0.7) pieces.push(pick(DATES));
      else if (kind < 0.75) pieces.push(pick(SECTIONS) + pick(PARAGRAPHS));
      else pieces.push(pick(FILLER));
      pieces.push(pick(GLUE));
    }
    texts.push(pieces.join('').trim());
  }
  return texts;
}
