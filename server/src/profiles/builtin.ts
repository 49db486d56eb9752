import { PROFILE_SCALES } from './grades.js';
import type { ChapterSpec, Profile } from './types.js';

/**
 * The built-in house profiles (spec §13), named by structure, not by firm. Each is plain
 * data; `kontrollmal` is spec §3–§4 exactly, so version 1 documents keep their diagnostics.
 * The others follow the house styles in ../shared/notes/real-practice.md.
 */

function chapter(name: string, headings: string[], sections: ChapterSpec[] = [], required = true): ChapterSpec {
  return { name, headings, required, sections };
}

/** Every built-in profile but the default offers the verbal, «tillfredsställande» and traffic-light scales, and phrases for «uppfyllt». */
const PROFILE_SCALES_FOR_PROFILES = PROFILE_SCALES;
const SUMMARY = ['sammanfattning*', 'sammanfattande bedömning*'];
const RECOMMENDATION_SUBSECTIONS = ['rekommendation', 'rekommendationer'];

/** PwC 2019 (the Hultsfred report): Kontrollmål N with Iakttagelser, Bedömning: X and Rekommendationer each. */
const kontrollmal: Profile = {
  name: 'kontrollmal',
  description: 'Kontrollmål N under «Iakttagelser och bedömningar», var och ett med Iakttagelser, «Bedömning: <grad>» och Rekommendationer (specifikationens standard).',
  builtin: true,
  chapters: [
    chapter('Sammanfattning', ['sammanfattning*']),
    chapter('Inledning', ['inledning'], [
      chapter('Syfte och revisionsfråga', ['*revisionsfråg*']),
      chapter('Revisionskriterier', ['revisionskriterier']),
    ]),
    chapter('Iakttagelser och bedömningar', ['iakttagelser och bedömningar']),
  ],
  question: { headings: ['*revisionsfråg*'], within: 'Inledning', form: 'question' },
  units: { name: 'Kontrollmål', definite: 'Kontrollmålet', plural: 'kontrollmål', discovery: 'numbered', words: ['Kontrollmål'], level: 2, chapter: 'Iakttagelser och bedömningar' },
  observations: { place: 'subsection', headings: ['iakttagelser'] },
  assessment: { place: 'subsection', headings: ['bedömning'], chapter: null, grade: ['heading'] },
  recommendations: { place: 'unit', headings: RECOMMENDATION_SUBSECTIONS, chapter: [], coverage: 'unit' },
  references: { required: 'unit', organs: null },
  scale: null,
  scales: {},
  summaryHeaders: ['kontrollmål', 'nr', 'revisionsfråga'],
  gradeHeaders: ['bedömning'],
};

/**
 * Older PwC reports: kontrollmål (or kontrollområden, kontrollfrågor, granskningsmål) in a
 * results chapter, assessed one by one in a final «Revisionell bedömning» or «Avslutning»
 * chapter, with the grade in the assessment's words and recommendations gathered per nämnd.
 */
const kontrollmalSlutkapitel: Profile = {
  name: 'kontrollmal-slutkapitel',
  description: 'Kontrollmål i ett resultatkapitel («Iakttagelser», «Granskningsresultat», «Granskningens resultat»), bedömda ett och ett i ett avslutande kapitel («Revisionell bedömning», «Avslutning»); graden i bedömningens första mening eller i fetstil; rekommendationer samlade, gärna per nämnd.',
  builtin: true,
  chapters: [
    chapter('Sammanfattning', SUMMARY),
    chapter('Inledning', ['inledning'], [chapter('Syfte och revisionsfråga', ['*revisionsfråg*', 'syfte*'])]),
    chapter('Granskningsresultat', ['iakttagelser*', 'granskningsresultat', 'granskningens resultat', 'resultat']),
    chapter('Revisionell bedömning', ['revisionell bedömning', 'revisionella bedömningar', 'avslutning', 'bedömningar']),
  ],
  question: { headings: ['*revisionsfråg*', 'syfte*'], within: 'Inledning', form: 'question-or-att' },
  units: { name: 'Kontrollmål', definite: 'Kontrollmålet', plural: 'kontrollmål', discovery: 'numbered', words: ['Kontrollmål', 'Kontrollområde', 'Kontrollfråga', 'Granskningsmål'], level: 2, chapter: 'Granskningsresultat' },
  observations: { place: 'unit', headings: ['iakttagelser'] },
  assessment: { place: 'chapter', headings: ['bedömning', 'vår bedömning'], chapter: 'Revisionell bedömning', grade: ['bold', 'sentence', 'table'] },
  recommendations: { place: 'chapter', headings: RECOMMENDATION_SUBSECTIONS, chapter: ['Rekommendationer', '*rekommendationer', 'förslag och rekommendationer', 'rekommendationer*'], coverage: 'list' },
  references: { required: 'report', organs: null },
  scale: 'uppfyllt',
  scales: PROFILE_SCALES_FOR_PROFILES,
  summaryHeaders: ['kontrollmål', 'nr', 'kontrollområde', 'kontrollfråga', 'granskningsmål'],
  gradeHeaders: ['bedömning'],
};

/**
 * EY: the revisionsfrågor are listed in the introduction and answered one by one in a final
 * «Slutsatser» chapter («Svar på respektive revisionsfråga»), with one consolidated list of
 * recommendations («Kommunstyrelsen bör …»).
 */
const revisionsfragorSlutsatser: Profile = {
  name: 'revisionsfragor-slutsatser',
  description: 'Revisionsfrågorna listas i inledningen och besvaras en och en i kapitlet «Slutsatser» («Svar på respektive revisionsfråga»); ämneskapitel däremellan; en samlad lista med rekommendationer.',
  builtin: true,
  chapters: [
    chapter('Sammanfattning', SUMMARY),
    chapter('Inledning', ['inledning'], [chapter('Revisionsfrågor', ['*revisionsfråg*'])]),
    chapter('Slutsatser', ['slutsatser*', 'slutsats*']),
  ],
  question: { headings: ['*revisionsfråg*'], within: 'Inledning', form: 'question' },
  units: { name: 'Revisionsfråga', definite: 'Revisionsfrågan', plural: 'revisionsfrågor', discovery: 'listed', words: ['Revisionsfråga', 'Fråga', 'Delfråga'], level: 3, chapter: '*' },
  observations: { place: 'chapter', headings: [] },
  assessment: { place: 'chapter', headings: ['svar på*', 'bedömning'], chapter: 'Slutsatser', grade: ['bold', 'sentence', 'table'] },
  recommendations: { place: 'chapter', headings: RECOMMENDATION_SUBSECTIONS, chapter: ['Rekommendationer', '*rekommendationer*', '*förbättringsområden*'], coverage: 'list' },
  references: { required: 'none', organs: null },
  scale: 'verbal',
  scales: PROFILE_SCALES_FOR_PROFILES,
  summaryHeaders: ['revisionsfråga', 'nr', 'fråga', 'delfråga'],
  gradeHeaders: ['bedömning', 'svar', 'slutsats'],
};

/**
 * KPMG: flat numbered chapters (Bakgrund, Syfte och revisionsfrågor, Avgränsning,
 * Revisionskriterier, Ansvarig nämnd, Metod) with the revisionsfrågor answered under
 * «Slutsatser och rekommendationer», and recommendations «… rekommenderar vi kommunstyrelsen att:».
 */
const plattaKapitel: Profile = {
  name: 'platta-kapitel',
  description: 'Platta kapitel på nivå 1 (Sammanfattning, Bakgrund, Syfte och revisionsfrågor, Revisionskriterier, Ansvarig nämnd, Metod, Resultat, Slutsatser och rekommendationer); revisionsfrågorna besvaras under «Slutsatser och rekommendationer».',
  builtin: true,
  chapters: [
    chapter('Sammanfattning', SUMMARY),
    chapter('Bakgrund', ['bakgrund']),
    chapter('Syfte och revisionsfrågor', ['syfte*', '*revisionsfråg*']),
    chapter('Revisionskriterier', ['revisionskriterier', 'bedömningsgrunder']),
    chapter('Resultat', ['resultat', 'granskningsresultat', 'granskningens resultat', 'iakttagelser*']),
    chapter('Slutsatser och rekommendationer', ['slutsatser*', 'slutsats*', 'bedömning och rekommendationer', 'sammanfattande bedömning*']),
  ],
  question: { headings: ['syfte*', '*revisionsfråg*'], within: null, form: 'question-or-att' },
  units: { name: 'Revisionsfråga', definite: 'Revisionsfrågan', plural: 'revisionsfrågor', discovery: 'listed', words: ['Revisionsfråga', 'Fråga', 'Delfråga'], level: 2, chapter: '*' },
  observations: { place: 'chapter', headings: [] },
  assessment: { place: 'chapter', headings: ['bedömning', 'svar på*'], chapter: 'Slutsatser och rekommendationer', grade: ['bold', 'sentence', 'table'] },
  recommendations: { place: 'chapter', headings: RECOMMENDATION_SUBSECTIONS, chapter: ['Rekommendationer', '*rekommendationer*', 'slutsatser och rekommendationer'], coverage: 'list' },
  references: { required: 'none', organs: null },
  scale: 'verbal',
  scales: PROFILE_SCALES_FOR_PROFILES,
  summaryHeaders: ['revisionsfråga', 'nr', 'fråga', 'delfråga'],
  gradeHeaders: ['bedömning', 'svar'],
};

/**
 * Deloitte: Sammanfattning · Inledning · Resultat · Revisionell bedömning, the revisionsfråga
 * often an att-clause, each delfråga assessed in the final chapter, recommendations in the summary.
 */
const resultatRevisionellBedomning: Profile = {
  name: 'resultat-revisionell-bedomning',
  description: 'Sammanfattning, Inledning, Resultat och Revisionell bedömning; revisionsfrågan gärna som att-sats; varje delfråga bedöms under en egen rubrik i «Revisionell bedömning»; rekommendationerna i sammanfattningen.',
  builtin: true,
  chapters: [
    chapter('Sammanfattning', SUMMARY),
    chapter('Inledning', ['inledning'], [chapter('Syfte och revisionsfråga', ['*revisionsfråg*', 'syfte*'])]),
    chapter('Resultat', ['resultat', 'granskningsresultat', 'granskningens resultat', 'iakttagelser*']),
    chapter('Revisionell bedömning', ['revisionell bedömning', 'revisionella bedömningar', 'bedömning']),
  ],
  question: { headings: ['*revisionsfråg*', 'syfte*'], within: 'Inledning', form: 'question-or-att' },
  units: { name: 'Delfråga', definite: 'Delfrågan', plural: 'delfrågor', discovery: 'headings', words: ['Delfråga', 'Kontrollmål', 'Revisionsfråga'], level: 2, chapter: 'Revisionell bedömning' },
  observations: { place: 'chapter', headings: [] },
  assessment: { place: 'unit', headings: ['bedömning'], chapter: null, grade: ['bold', 'sentence', 'table'] },
  recommendations: { place: 'chapter', headings: RECOMMENDATION_SUBSECTIONS, chapter: ['Rekommendationer', '*rekommendationer*', 'förslag*'], coverage: 'list' },
  references: { required: 'report', organs: null },
  scale: 'tillfredsställande',
  scales: PROFILE_SCALES_FOR_PROFILES,
  summaryHeaders: ['delfråga', 'nr', 'revisionsfråga', 'kontrollmål'],
  gradeHeaders: ['bedömning'],
};

/**
 * In-house audit offices of regions and large cities: Inledning (Syfte och revisionsfrågor,
 * Ansvariga nämnder, Revisionskriterier) · Våra iakttagelser och kommentarer · a final
 * «Sammanfattande bedömning och rekommendationer»; the questions as headings of the results.
 */
const egenRevision: Profile = {
  name: 'iakttagelser-och-kommentarer',
  description: 'Inledning (Syfte och revisionsfrågor, Revisionskriterier) · «Våra iakttagelser och kommentarer» med frågorna som rubriker · «Sammanfattande bedömning och rekommendationer» sist, där varje fråga bedöms.',
  builtin: true,
  chapters: [
    chapter('Inledning', ['inledning'], [
      chapter('Syfte och revisionsfrågor', ['*revisionsfråg*', 'syfte*']),
      chapter('Revisionskriterier', ['revisionskriterier', 'bedömningsgrunder']),
    ]),
    chapter('Våra iakttagelser och kommentarer', ['våra iakttagelser*', 'iakttagelser*', 'granskningsresultat', 'resultat']),
    chapter('Sammanfattande bedömning och rekommendationer', ['sammanfattande bedömning*', 'sammanfattning*', 'bedömning och rekommendationer']),
  ],
  question: { headings: ['*revisionsfråg*', 'syfte*'], within: 'Inledning', form: 'question' },
  units: { name: 'Revisionsfråga', definite: 'Revisionsfrågan', plural: 'revisionsfrågor', discovery: 'questions', words: ['Revisionsfråga', 'Fråga'], level: 2, chapter: 'Våra iakttagelser och kommentarer' },
  observations: { place: 'unit', headings: ['iakttagelser'] },
  assessment: { place: 'chapter', headings: ['bedömning'], chapter: 'Sammanfattande bedömning och rekommendationer', grade: ['bold', 'sentence', 'table'] },
  recommendations: { place: 'chapter', headings: RECOMMENDATION_SUBSECTIONS, chapter: ['Rekommendationer', '*rekommendationer*', 'sammanfattande bedömning och rekommendationer'], coverage: 'list' },
  references: { required: 'none', organs: null },
  scale: 'verbal',
  scales: PROFILE_SCALES_FOR_PROFILES,
  summaryHeaders: ['revisionsfråga', 'nr', 'fråga'],
  gradeHeaders: ['bedömning'],
};

export const DEFAULT_PROFILE = 'kontrollmal';

export const BUILTIN_PROFILES: ReadonlyMap<string, Profile> = new Map(
  [kontrollmal, kontrollmalSlutkapitel, revisionsfragorSlutsatser, plattaKapitel, resultatRevisionellBedomning, egenRevision].map((p) => [p.name, p]),
);
