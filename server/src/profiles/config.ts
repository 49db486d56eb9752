import type { Node as JsonNode } from 'jsonc-parser';
import { msg, type Msg } from '../i18n.js';
import type { Span } from '../model/types.js';
import { BUILTIN_PROFILES } from './builtin.js';
import { PROFILE_SCALES, type ScaleStep } from './grades.js';
import type {
  AssessmentPlace, ChapterSpec, Coverage, GradePlace, ObservationPlace, Profile, RecommendationPlace, ReferenceRequirement, UnitDiscovery,
} from './types.js';

/**
 * Reads the `profiler` of a `.granskarc.json` (spec §13): each profile extends a built-in or
 * another configured one (`bas`) and changes what it names, in the configuration's Swedish
 * words. Every problem is reported on the node it concerns; a profile with problems still
 * applies with its valid parts, as the rest of the configuration does.
 */

export interface ProfileProblem {
  message: Msg;
  span: Span;
}

/** The configuration's words for each enumerated choice, mapped to the model's. */
export const DISCOVERY: Record<string, UnitDiscovery> = { numrerade: 'numbered', frågor: 'questions', rubriker: 'headings', listade: 'listed' };
export const OBSERVATIONS: Record<string, ObservationPlace> = { underrubrik: 'subsection', enheten: 'unit', kapitel: 'chapter' };
export const ASSESSMENT: Record<string, AssessmentPlace> = { underrubrik: 'subsection', enheten: 'unit', slutkapitel: 'chapter', tabell: 'table' };
export const GRADE: Record<string, GradePlace> = { rubrik: 'heading', fetstil: 'bold', mening: 'sentence', tabell: 'table' };
export const RECOMMENDATIONS: Record<string, RecommendationPlace> = { 'per-enhet': 'unit', samlat: 'chapter', 'per-nämnd': 'chapter' };
export const COVERAGE: Record<string, Coverage> = { enhet: 'unit', lista: 'list', namngiven: 'named' };
export const REFERENCES: Record<string, ReferenceRequirement> = { 'per-enhet': 'unit', 'per-rapport': 'report', inga: 'none' };

/** The keys a profile object may have, with what each holds: the reference page in docs/profiler.md lists the same. */
export const PROFILE_KEYS = ['bas', 'beskrivning', 'kapitel', 'revisionsfråga', 'enheter', 'iakttagelser', 'bedömning', 'rekommendationer', 'referenser', 'skala', 'sammanställning'] as const;

export const SUB_KEYS: Record<string, readonly string[]> = {
  revisionsfråga: ['rubriker', 'under', 'form'],
  enheter: ['namn', 'bestämd', 'plural', 'hittas', 'ord', 'nivå', 'kapitel'],
  iakttagelser: ['var', 'rubriker'],
  bedömning: ['var', 'rubriker', 'kapitel', 'grad'],
  rekommendationer: ['var', 'rubriker', 'kapitel', 'täckning'],
  referenser: ['krävs', 'organ'],
  sammanställning: ['förstaKolumn', 'gradkolumn'],
};

export const CHAPTER_KEYS = ['namn', 'rubriker', 'ocksåRubriker', 'krävs', 'avsnitt'];

export function readProfiles(node: JsonNode | undefined, knownScales: ReadonlySet<string>, configScales: ReadonlyMap<string, readonly ScaleStep[]>): { profiles: Map<string, Profile>; problems: ProfileProblem[] } {
  const problems: ProfileProblem[] = [];
  const profiles = new Map<string, Profile>(BUILTIN_PROFILES);
  const span = (n: JsonNode): Span => ({ start: n.offset, end: n.offset + n.length });
  const problem = (n: JsonNode, sv: string, en: string) => problems.push({ message: msg(sv, en), span: span(n) });
  if (!node) return { profiles, problems };
  if (node.type !== 'object') {
    problem(node, '"profiler" ska vara ett objekt: profilnamn → profil, t.ex. { "vår-byrå": { "bas": "kontrollmal" } }.', '"profiler" must be an object: profile name → profile, e.g. { "our-firm": { "bas": "kontrollmal" } }.');
    return { profiles, problems };
  }
  const entries = (node.children ?? []).map((p) => ({ key: p.children?.[0], value: p.children?.[1] })).filter((e): e is { key: JsonNode; value: JsonNode } => !!e.key && !!e.value);
  // A profile may extend one defined later in the file, so they are read in dependency order.
  const pending = new Map(entries.map((e) => [String(e.key.value), e]));
  const reading = new Set<string>();
  const read = (name: string): void => {
    const entry = pending.get(name);
    if (!entry) return;
    pending.delete(name);
    reading.add(name);
    const profile = readProfile(name, entry.key, entry.value);
    reading.delete(name);
    if (profile) profiles.set(name, profile);
  };

  const readProfile = (name: string, keyNode: JsonNode, value: JsonNode): Profile | null => {
    if (BUILTIN_PROFILES.has(name)) {
      problem(keyNode, `Profilen "${name}" är inbyggd och kan inte definieras om. Ge din profil ett eget namn och skriv "bas": "${name}".`, `The profile "${name}" is built in and cannot be redefined. Give yours its own name and write "bas": "${name}".`);
      return null;
    }
    if (value.type !== 'object') {
      problem(value, `Profilen "${name}" ska vara ett objekt, t.ex. { "bas": "kontrollmal" }.`, `The profile "${name}" must be an object, e.g. { "bas": "kontrollmal" }.`);
      return null;
    }
    const props = new Map<string, { key: JsonNode; value: JsonNode }>();
    for (const p of value.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      const key = String(k.value);
      if (!(PROFILE_KEYS as readonly string[]).includes(key)) {
        problem(k, `Okänd nyckel "${key}" i profilen "${name}". Kända nycklar: ${PROFILE_KEYS.join(', ')}.`, `Unknown key "${key}" in the profile "${name}". Known keys: ${PROFILE_KEYS.join(', ')}.`);
        continue;
      }
      props.set(key, { key: k, value: v });
    }
    let base: Profile = BUILTIN_PROFILES.get('kontrollmal')!;
    const bas = props.get('bas');
    if (bas) {
      const b = bas.value.type === 'string' ? String(bas.value.value) : null;
      if (b === null) problem(bas.value, '"bas" ska vara namnet på profilen som utökas, t.ex. "kontrollmal".', '"bas" must name the profile extended, e.g. "kontrollmal".');
      else if (reading.has(b)) problem(bas.value, `Profilen "${name}" bygger på sig själv via "${b}".`, `The profile "${name}" extends itself through "${b}".`);
      else {
        read(b);
        const found = profiles.get(b);
        if (found) base = found;
        else problem(bas.value, `Profilen "${b}" finns inte. Kända profiler: ${[...profiles.keys()].join(', ')}.`, `The profile "${b}" does not exist. Known profiles: ${[...profiles.keys()].join(', ')}.`);
      }
    }
    const p: Profile = structuredClone({ ...base, name, builtin: false, extends: base.builtin ? base.name : base.extends });
    const strings = (n: JsonNode, what: string): string[] | null => {
      if (n.type === 'string' && String(n.value).trim()) return [String(n.value)];
      if (n.type === 'array' && (n.children ?? []).every((c) => c.type === 'string' && String(c.value).trim() !== '')) return (n.children ?? []).map((c) => String(c.value));
      problem(n, `${what} ska vara en text eller en lista med texter som inte är tomma.`, `${what} must be a text or a list of non-empty texts.`);
      return null;
    };
    const text = (n: JsonNode, what: string): string | null => {
      if (n.type === 'string' && String(n.value).trim()) return String(n.value).trim();
      problem(n, `${what} ska vara en text som inte är tom.`, `${what} must be a non-empty text.`);
      return null;
    };
    const choice = <T>(n: JsonNode, table: Record<string, T>, what: string): T | null => {
      const v = n.type === 'string' ? String(n.value) : null;
      if (v !== null && v in table) return table[v];
      problem(n, `${what} ska vara ${Object.keys(table).map((k) => `"${k}"`).join(', ')}.`, `${what} must be ${Object.keys(table).map((k) => `"${k}"`).join(', ')}.`);
      return null;
    };
    const object = (key: string): Map<string, JsonNode> | null => {
      const entry = props.get(key);
      if (!entry) return null;
      if (entry.value.type !== 'object') {
        problem(entry.value, `"${key}" ska vara ett objekt med nycklarna ${SUB_KEYS[key].join(', ')}.`, `"${key}" must be an object with the keys ${SUB_KEYS[key].join(', ')}.`);
        return null;
      }
      const out = new Map<string, JsonNode>();
      for (const c of entry.value.children ?? []) {
        const [k, v] = c.children ?? [];
        if (!k || !v) continue;
        const sub = String(k.value);
        if (!SUB_KEYS[key].includes(sub)) problem(k, `Okänd nyckel "${sub}" under "${key}". Kända nycklar: ${SUB_KEYS[key].join(', ')}.`, `Unknown key "${sub}" under "${key}". Known keys: ${SUB_KEYS[key].join(', ')}.`);
        else out.set(sub, v);
      }
      return out;
    };

    const beskrivning = props.get('beskrivning');
    if (beskrivning) p.description = text(beskrivning.value, '"beskrivning"') ?? p.description;

    const kapitel = props.get('kapitel');
    if (kapitel) {
      const before = p.chapters;
      p.chapters = readChapters(kapitel.value, p.chapters, problem, strings, text) ?? p.chapters;
      // A chapter renamed in place (the object form keeps the order) keeps what referred to it.
      const renamed = new Map<string, string>();
      if (kapitel.value.type === 'object') before.forEach((c, i) => p.chapters[i] && p.chapters[i].name !== c.name && renamed.set(c.name, p.chapters[i].name));
      const follow = (n: string | null) => (n !== null && renamed.has(n) ? renamed.get(n)! : n);
      p.units.chapter = follow(p.units.chapter)!;
      p.assessment.chapter = follow(p.assessment.chapter);
      p.question.within = follow(p.question.within);
    }
    const chapterNames = new Set(p.chapters.map((c) => c.name));
    const chapterRef = (n: JsonNode, what: string): string | null => {
      const v = text(n, what);
      if (v === null || v === '*' || chapterNames.has(v)) return v;
      problem(n, `${what} "${v}" är inget kapitel i profilen. Kapitlen heter ${[...chapterNames].map((c) => `"${c}"`).join(', ')}.`, `${what} "${v}" is no chapter of the profile. Its chapters are ${[...chapterNames].map((c) => `"${c}"`).join(', ')}.`);
      return null;
    };

    const q = object('revisionsfråga');
    if (q) {
      if (q.has('rubriker')) p.question.headings = strings(q.get('rubriker')!, '"revisionsfråga.rubriker"') ?? p.question.headings;
      if (q.has('under')) p.question.within = q.get('under')!.type === 'null' ? null : chapterRef(q.get('under')!, '"revisionsfråga.under"') ?? p.question.within;
      if (q.has('form')) p.question.form = choice(q.get('form')!, { fråga: 'question' as const, 'fråga-eller-att': 'question-or-att' as const }, '"revisionsfråga.form"') ?? p.question.form;
    }
    const u = object('enheter');
    if (u) {
      if (u.has('namn')) {
        const n = text(u.get('namn')!, '"enheter.namn"');
        if (n) {
          p.units.name = n;
          // A renamed unit gets matching words and forms unless they are given too.
          if (!u.has('ord')) p.units.words = [n];
          if (!u.has('plural')) p.units.plural = n.toLowerCase();
          if (!u.has('bestämd')) p.units.definite = n;
        }
      }
      if (u.has('bestämd')) p.units.definite = text(u.get('bestämd')!, '"enheter.bestämd"') ?? p.units.definite;
      if (u.has('plural')) p.units.plural = text(u.get('plural')!, '"enheter.plural"') ?? p.units.plural;
      if (u.has('hittas')) p.units.discovery = choice(u.get('hittas')!, DISCOVERY, '"enheter.hittas"') ?? p.units.discovery;
      if (u.has('ord')) p.units.words = strings(u.get('ord')!, '"enheter.ord"') ?? p.units.words;
      if (u.has('nivå')) {
        const n = u.get('nivå')!;
        if (n.type === 'number' && Number.isInteger(n.value) && n.value >= 1 && n.value <= 6) p.units.level = n.value;
        else problem(n, '"enheter.nivå" ska vara rubriknivån 1–6 (2 för "##").', '"enheter.nivå" must be the heading level 1–6 (2 for "##").');
      }
      if (u.has('kapitel')) p.units.chapter = chapterRef(u.get('kapitel')!, '"enheter.kapitel"') ?? p.units.chapter;
    }
    const o = object('iakttagelser');
    if (o) {
      if (o.has('var')) p.observations.place = choice(o.get('var')!, OBSERVATIONS, '"iakttagelser.var"') ?? p.observations.place;
      if (o.has('rubriker')) p.observations.headings = strings(o.get('rubriker')!, '"iakttagelser.rubriker"') ?? p.observations.headings;
    }
    const a = object('bedömning');
    if (a) {
      if (a.has('var')) p.assessment.place = choice(a.get('var')!, ASSESSMENT, '"bedömning.var"') ?? p.assessment.place;
      if (a.has('rubriker')) p.assessment.headings = strings(a.get('rubriker')!, '"bedömning.rubriker"') ?? p.assessment.headings;
      if (a.has('kapitel')) p.assessment.chapter = chapterRef(a.get('kapitel')!, '"bedömning.kapitel"') ?? p.assessment.chapter;
      if (a.has('grad')) {
        const list = strings(a.get('grad')!, '"bedömning.grad"');
        if (list) {
          const places = list.map((g) => GRADE[g]);
          if (places.some((x) => !x)) problem(a.get('grad')!, `"bedömning.grad" ska lista platser bland ${Object.keys(GRADE).map((k) => `"${k}"`).join(', ')}.`, `"bedömning.grad" must list places among ${Object.keys(GRADE).map((k) => `"${k}"`).join(', ')}.`);
          else p.assessment.grade = places;
        }
      }
      if (p.assessment.place === 'chapter' && !p.assessment.chapter) problem(props.get('bedömning')!.value, 'Med "var": "slutkapitel" ska "bedömning.kapitel" namnge kapitlet där enheterna bedöms.', 'With "var": "slutkapitel", "bedömning.kapitel" must name the chapter where units are assessed.');
    }
    const r = object('rekommendationer');
    if (r) {
      if (r.has('var')) {
        const place = choice(r.get('var')!, RECOMMENDATIONS, '"rekommendationer.var"');
        if (place) {
          p.recommendations.place = place;
          if (!r.has('täckning')) p.recommendations.coverage = place === 'unit' ? 'unit' : 'list';
        }
      }
      if (r.has('rubriker')) p.recommendations.headings = strings(r.get('rubriker')!, '"rekommendationer.rubriker"') ?? p.recommendations.headings;
      if (r.has('kapitel')) p.recommendations.chapter = strings(r.get('kapitel')!, '"rekommendationer.kapitel"') ?? p.recommendations.chapter;
      if (r.has('täckning')) p.recommendations.coverage = choice(r.get('täckning')!, COVERAGE, '"rekommendationer.täckning"') ?? p.recommendations.coverage;
    }
    const ref = object('referenser');
    if (ref) {
      if (ref.has('krävs')) p.references.required = choice(ref.get('krävs')!, REFERENCES, '"referenser.krävs"') ?? p.references.required;
      if (ref.has('organ')) p.references.organs = strings(ref.get('organ')!, '"referenser.organ"') ?? p.references.organs;
    }
    const skala = props.get('skala');
    if (skala) {
      const s = text(skala.value, '"skala"');
      const known = [...new Set([...knownScales, ...Object.keys(p.scales), ...Object.keys(PROFILE_SCALES)])];
      if (s && !knownScales.has(s) && !(s in p.scales) && !configScales.has(s) && !(s in PROFILE_SCALES)) problem(skala.value, `Skalan "${s}" finns inte. Kända skalor: ${known.join(', ')}.`, `The scale "${s}" does not exist. Known scales: ${known.join(', ')}.`);
      else if (s) {
        p.scale = s;
        // The profiles' scales (verbal, tillfredsställande, trafikljus) may be named by any
        // profile, also one built on `kontrollmal`, which has none of its own.
        if (!(s in p.scales) && s in PROFILE_SCALES && !configScales.has(s)) p.scales = { ...p.scales, [s]: PROFILE_SCALES[s] };
      }
    }
    const t = object('sammanställning');
    if (t) {
      if (t.has('förstaKolumn')) p.summaryHeaders = (strings(t.get('förstaKolumn')!, '"sammanställning.förstaKolumn"') ?? p.summaryHeaders).map((h) => h.toLowerCase());
      if (t.has('gradkolumn')) p.gradeHeaders = (strings(t.get('gradkolumn')!, '"sammanställning.gradkolumn"') ?? p.gradeHeaders).map((h) => h.toLowerCase());
    }
    for (const [what, ref] of [['"enheter.kapitel"', p.units.chapter], ['"bedömning.kapitel"', p.assessment.chapter], ['"revisionsfråga.under"', p.question.within]] as const) {
      if (ref === null || ref === '*' || chapterNames.has(ref)) continue;
      problem(value, `Profilen "${name}" har inget kapitel "${ref}", som ${what} pekar på. Ange ${what} med ett av kapitlen ${[...chapterNames].map((c) => `"${c}"`).join(', ')}.`, `The profile "${name}" has no chapter "${ref}", which ${what} names. Set ${what} to one of ${[...chapterNames].map((c) => `"${c}"`).join(', ')}.`);
    }
    // A unit word renamed by the configuration is also accepted as the summary table's first header.
    for (const w of p.units.words) if (!p.summaryHeaders.includes(w.toLowerCase())) p.summaryHeaders.push(w.toLowerCase());
    return p;
  };

  for (const e of entries) read(String(e.key.value));
  return { profiles, problems };
}

type Problem = (n: JsonNode, sv: string, en: string) => void;

function readChapters(
  node: JsonNode,
  current: readonly ChapterSpec[],
  problem: Problem,
  strings: (n: JsonNode, what: string) => string[] | null,
  text: (n: JsonNode, what: string) => string | null,
): ChapterSpec[] | null {
  const readOne = (n: JsonNode, base: ChapterSpec | null, fallbackName: string | null): ChapterSpec | null => {
    if (n.type !== 'object') {
      problem(n, 'Ett kapitel ska vara ett objekt, t.ex. { "namn": "Resultat", "rubriker": ["resultat", "granskningsresultat"] }.', 'A chapter must be an object, e.g. { "namn": "Resultat", "rubriker": ["resultat", "granskningsresultat"] }.');
      return null;
    }
    const c: ChapterSpec = base ? structuredClone(base) : { name: fallbackName ?? '', headings: [], required: true, sections: [] };
    for (const prop of n.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      switch (String(k.value)) {
        case 'namn': c.name = text(v, '"namn"') ?? c.name; break;
        case 'rubriker': c.headings = strings(v, '"rubriker"') ?? c.headings; break;
        case 'ocksåRubriker': c.headings = [...c.headings, ...(strings(v, '"ocksåRubriker"') ?? [])]; break;
        case 'krävs':
          if (v.type === 'boolean') c.required = v.value;
          else problem(v, '"krävs" ska vara true eller false.', '"krävs" must be true or false.');
          break;
        case 'avsnitt': c.sections = readChapters(v, c.sections, problem, strings, text) ?? c.sections; break;
        default:
          problem(k, `Okänd nyckel "${String(k.value)}" i ett kapitel. Kända nycklar: ${CHAPTER_KEYS.join(', ')}.`, `Unknown key "${String(k.value)}" in a chapter. Known keys: ${CHAPTER_KEYS.join(', ')}.`);
      }
    }
    if (!c.name) {
      problem(n, 'Kapitlet saknar "namn".', 'The chapter has no "namn".');
      return null;
    }
    // A chapter named but given no patterns accepts its own name as heading.
    if (c.headings.length === 0) c.headings = [c.name.toLowerCase()];
    return c;
  };
  if (node.type === 'array') {
    const out: ChapterSpec[] = [];
    for (const item of node.children ?? []) {
      const c = readOne(item, null, null);
      if (c) out.push(c);
    }
    return out;
  }
  if (node.type === 'object') {
    // Keyed by the name of a chapter of the base profile: changes that chapter; a new name adds one.
    const out = current.map((c) => structuredClone(c));
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const name = String(k.value);
      const at = out.findIndex((c) => c.name === name);
      const c = readOne(v, at >= 0 ? out[at] : null, name);
      if (!c) continue;
      if (at >= 0) out[at] = c;
      else out.push(c);
    }
    return out;
  }
  problem(node, '"kapitel" ska vara en lista med kapitel (ersätter basens) eller ett objekt: kapitelnamn → ändringar.', '"kapitel" must be a list of chapters (replacing the base\'s) or an object: chapter name → changes.');
  return null;
}
