import { isDeepStrictEqual } from 'node:util';
import { BUILTIN_PROFILES, DEFAULT_PROFILE } from './builtin.js';
import { ASSESSMENT, COVERAGE, DISCOVERY, GRADE, OBSERVATIONS, RECOMMENDATIONS, REFERENCES } from './config.js';
import type { ChapterSpec, Profile } from './types.js';

/**
 * The inverse of `readProfiles` (config.ts): a profile written as a `.granskarc.json` profile
 * in the configuration's Swedish keys, with every key spelt out, so that an auditor can start
 * from it and change what differs in their house. Reading the result back gives the same
 * profile (a test holds it to that).
 */

/** The configuration's word for a model value, from one of config.ts's tables. */
function wordFor<T>(table: Record<string, T>, value: T): string {
  const found = Object.entries(table).find(([, v]) => v === value);
  // The tables cover every value of their type, so this only guards against a table that drifts.
  if (!found) throw new Error(`no configuration word for ${String(value)}`);
  return found[0];
}

function chapterToConfig(c: ChapterSpec): Record<string, unknown> {
  return {
    namn: c.name,
    rubriker: [...c.headings],
    krävs: c.required,
    ...(c.sections.length > 0 ? { avsnitt: c.sections.map(chapterToConfig) } : {}),
  };
}

/**
 * The built-in profile a printed profile extends: itself when built in, else the built-in
 * whose scales it carries (a configuration cannot change a profile's own scales, so they
 * come from the root of its `bas` chain).
 */
export function rootBuiltin(profile: Profile): string {
  if (BUILTIN_PROFILES.has(profile.name)) return profile.name;
  if (profile.extends && BUILTIN_PROFILES.has(profile.extends)) return profile.extends;
  for (const [name, p] of BUILTIN_PROFILES) if (isDeepStrictEqual(p.scales, profile.scales)) return name;
  return DEFAULT_PROFILE;
}

/** One profile as the object that stands under its name in `profiler`. */
export function profileToConfig(profile: Profile): Record<string, unknown> {
  const out: Record<string, unknown> = {
    bas: rootBuiltin(profile),
    beskrivning: profile.description,
    kapitel: profile.chapters.map(chapterToConfig),
    revisionsfråga: {
      rubriker: [...profile.question.headings],
      under: profile.question.within,
      form: profile.question.form === 'question' ? 'fråga' : 'fråga-eller-att',
    },
    enheter: {
      namn: profile.units.name,
      bestämd: profile.units.definite,
      plural: profile.units.plural,
      hittas: wordFor(DISCOVERY, profile.units.discovery),
      ord: [...profile.units.words],
      nivå: profile.units.level,
      kapitel: profile.units.chapter,
    },
    iakttagelser: { var: wordFor(OBSERVATIONS, profile.observations.place), rubriker: [...profile.observations.headings] },
    bedömning: {
      var: wordFor(ASSESSMENT, profile.assessment.place),
      rubriker: [...profile.assessment.headings],
      // No chapter is written as the key left out: the configuration has no null for it.
      ...(profile.assessment.chapter !== null ? { kapitel: profile.assessment.chapter } : {}),
      grad: profile.assessment.grade.map((g) => wordFor(GRADE, g)),
    },
    rekommendationer: {
      var: wordFor(RECOMMENDATIONS, profile.recommendations.place),
      rubriker: [...profile.recommendations.headings],
      kapitel: [...profile.recommendations.chapter],
      täckning: wordFor(COVERAGE, profile.recommendations.coverage),
    },
    referenser: {
      krävs: wordFor(REFERENCES, profile.references.required),
      ...(profile.references.organs !== null ? { organ: [...profile.references.organs] } : {}),
    },
    ...(profile.scale !== null ? { skala: profile.scale } : {}),
    sammanställning: { förstaKolumn: [...profile.summaryHeaders], gradkolumn: [...profile.gradeHeaders] },
  };
  return out;
}

/**
 * A whole `.granskarc.json` that defines the profile under a name of its own (a built-in
 * name cannot be redefined) and makes it the default, as text ending in a newline.
 */
export function profileConfigText(profile: Profile, name = BUILTIN_PROFILES.has(profile.name) ? `${profile.name}-egen` : profile.name): string {
  const json = JSON.stringify({ profil: name, profiler: { [name]: profileToConfig(profile) } }, null, 2);
  // Lists of texts stand on one line, as people write them in a configuration.
  return `${json.replace(/\[\n\s*((?:"(?:[^"\\]|\\.)*"(?:,\n\s*)?)*)\n\s*\]/g, (_, items: string) => `[${items.split(/,\n\s*/).join(', ')}]`)}\n`;
}
