import { BUILTIN_PROFILES, DEFAULT_PROFILE } from './builtin.js';
import { stepsOf, type Scale, type ScaleStep } from './grades.js';
import type { Profile } from './types.js';

/** What choosing a profile and a scale depends on: the configuration's parts, or the defaults. */
export interface ProfileChoice {
  profiles?: ReadonlyMap<string, Profile>;
  /** The configuration's default profile. */
  profile?: string;
  scales?: ReadonlyMap<string, readonly string[]>;
  scaleSteps?: ReadonlyMap<string, readonly ScaleStep[]>;
  /** The configuration's default scale. */
  scale?: string;
}

const V1_SCALES: ReadonlyMap<string, readonly string[]> = new Map([
  ['uppfyllt', ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt']],
  ['ja-nej', ['Ja', 'Delvis', 'Nej']],
]);

/** The profile a document's `profil:` names when it is known, else the configuration's default. */
export function resolveProfile(named: unknown, choice: ProfileChoice): Profile {
  const profiles = choice.profiles ?? BUILTIN_PROFILES;
  const name = typeof named === 'string' ? named.trim() : '';
  return profiles.get(name) ?? profiles.get(choice.profile ?? DEFAULT_PROFILE) ?? BUILTIN_PROFILES.get(DEFAULT_PROFILE)!;
}

/** Whether a scale name is known to a document with this profile. */
export function knowsScale(name: string, profile: Profile, choice: ProfileChoice): boolean {
  return (choice.scales ?? V1_SCALES).has(name) || name in profile.scales;
}

/**
 * The scale of a document: the one `skala:` names when known, else its profile's, else the
 * configuration's default. A profile's own scales carry the phrases grades are written with.
 */
export function resolveScale(named: unknown, profile: Profile, choice: ProfileChoice): Scale {
  const scales = choice.scales ?? V1_SCALES;
  const fallback = choice.scale ?? 'uppfyllt';
  const wanted = typeof named === 'string' ? named : null;
  const name = wanted !== null && knowsScale(wanted, profile, choice)
    ? wanted
    : profile.scale && knowsScale(profile.scale, profile, choice) ? profile.scale : scales.has(fallback) ? fallback : 'uppfyllt';
  const configured = choice.scaleSteps?.get(name);
  const own = scales.get(name);
  // A scale the configuration defines wins over a profile's scale of the same name; a
  // profile's version of a v1 scale adds phrases to the same grades.
  const steps: readonly ScaleStep[] = configured ?? (own && profile.scales[name] && !sameGrades(own, profile.scales[name]) ? stepsOf(own) : profile.scales[name] ?? stepsOf(own ?? V1_SCALES.get('uppfyllt')!));
  return { name, grades: steps.map((s) => s.name), steps };
}

function sameGrades(a: readonly string[], b: readonly ScaleStep[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i].name);
}
