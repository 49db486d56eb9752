/**
 * Decision-making bodies (organ) known without configuration, by abbreviation.
 * Form C of a decision reference uses the full name; forms A and B the abbreviation.
 */
export const BUILTIN_ORGANS: Readonly<Record<string, string>> = {
  KF: 'kommunfullmäktige',
  KS: 'kommunstyrelsen',
  KSAU: 'kommunstyrelsens arbetsutskott',
  SN: 'socialnämnden',
  BUN: 'barn- och utbildningsnämnden',
  // Regions decide in regionfullmäktige and regionstyrelsen (spec §6, v2).
  RF: 'regionfullmäktige',
  RS: 'regionstyrelsen',
};

/** Abbreviation → full name, built-in organs merged with those a configuration adds. */
export type OrganTable = ReadonlyMap<string, string>;

export function organTable(extra: Readonly<Record<string, string>> = {}): OrganTable {
  const map = new Map<string, string>(Object.entries(BUILTIN_ORGANS));
  for (const [abbr, name] of Object.entries(extra)) map.set(abbr, name);
  return map;
}

export const ORGAN_ABBREVIATION = /^[A-ZÅÄÖ]{2,6}$/;
