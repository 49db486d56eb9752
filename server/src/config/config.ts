import * as path from 'node:path';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { msg, type Msg } from '../i18n.js';
import type { ReferenceForm } from '../model/decisions.js';
import { BUILTIN_ORGANS, ORGAN_ABBREVIATION, organTable, type OrganTable } from '../model/organs.js';
import type { Span } from '../model/types.js';
import { BUILTIN_PROFILES, DEFAULT_PROFILE } from '../profiles/builtin.js';
import { readProfiles } from '../profiles/config.js';
import type { ScaleStep } from '../profiles/grades.js';
import type { Profile } from '../profiles/types.js';

export type SeverityName = 'off' | 'info' | 'warning' | 'error';
export const SEVERITY_NAMES: readonly SeverityName[] = ['off', 'info', 'warning', 'error'];

export const CONFIG_FILE_NAME = '.granskarc.json';

/** Grading scales known without configuration, highest grade first (spec §5). */
export const BUILTIN_SCALES: Readonly<Record<string, readonly string[]>> = {
  uppfyllt: ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt'],
  'ja-nej': ['Ja', 'Delvis', 'Nej'],
};

export interface GranskaConfig {
  /** Severity overrides by rule id. */
  rules: Readonly<Record<string, SeverityName>>;
  /** The scale used when a document names none. */
  scale: string;
  scales: ReadonlyMap<string, readonly string[]>;
  requiredOrgans: readonly string[];
  organs: OrganTable;
  style: ReferenceForm;
  /** House profiles by name: the built-in ones and those the configuration defines (spec §13). */
  profiles: ReadonlyMap<string, Profile>;
  /** The profile of documents that name none with `profil:`. */
  profile: string;
  /** Phrases and symbols of configured scales' steps, for grades written in prose (spec §13.4). */
  scaleSteps: ReadonlyMap<string, readonly ScaleStep[]>;
  /** The project's own words for `stavning` (`ord`: inline, or read from its word file). */
  words: readonly string[];
  /** The word file `ord` names, resolved against the configuration file's folder; null when inline or unset. */
  wordFile: string | null;
  /** Whether `ord` is an inline list (then «add to the word list» appends to it in the configuration). */
  wordsInline: boolean;
  /** `meningslangd`: the longest sentence `mening-lang` accepts, in words. */
  sentenceLength: number;
  /** The beslutsregister's path relative to the configuration file (spec §14), or null for `beslut.csv`. */
  registerPath: string | null;
  /** The follow-up statuses of an uppföljning, highest first (spec §3). */
  followUpScale: readonly string[];
  /** The firm's Word template for the Word and PDF exports, as an absolute path (`wordmall`). */
  wordTemplate?: string;
}

/** The follow-up scale when the configuration names none (spec §3). */
export const DEFAULT_FOLLOW_UP_SCALE: readonly string[] = ['Åtgärdad', 'Delvis åtgärdad', 'Ej åtgärdad'];

export interface ConfigProblem {
  message: Msg;
  span: Span;
}

export interface LoadedConfig {
  config: GranskaConfig;
  /** The file it came from, or null for the defaults. */
  file: string | null;
  text: string;
  problems: ConfigProblem[];
}

export const DEFAULT_CONFIG: GranskaConfig = {
  rules: {},
  scale: 'uppfyllt',
  scales: new Map(Object.entries(BUILTIN_SCALES)),
  requiredOrgans: ['KF'],
  organs: organTable(),
  style: 'A',
  profiles: BUILTIN_PROFILES,
  profile: DEFAULT_PROFILE,
  scaleSteps: new Map(),
  words: [],
  wordFile: null,
  wordsInline: false,
  sentenceLength: 35,
  registerPath: null,
  followUpScale: DEFAULT_FOLLOW_UP_SCALE,
};

const KNOWN_KEYS = ['regler', 'skala', 'skalor', 'kravdaOrgan', 'organ', 'referensstil', 'profil', 'profiler', 'ord', 'meningslangd', 'beslutsregister', 'uppfoljningsskala', 'wordmall'];

/**
 * Reads a configuration file's text. Never throws: every problem becomes a ConfigProblem
 * with a position, and the valid parts still apply, so one typo does not switch off
 * the whole configuration.
 */
export function parseConfig(input: string, file: string | null, ruleIds: ReadonlySet<string>): LoadedConfig {
  // Notepad saves a BOM; it is no JSON but no mistake either. Positions refer to the text
  // without it, as the editor shows the file, and as for reports.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    const code = printParseErrorCode(e.error);
    problems.push({
      message: msg(`Konfigurationsfilen är inte giltig JSON (${code}). Rätta syntaxen.`, `The configuration file is not valid JSON (${code}). Fix the syntax.`),
      span: { start: e.offset, end: e.offset + e.length },
    });
  }
  const rules: Record<string, SeverityName> = {};
  const scales = new Map<string, readonly string[]>(Object.entries(BUILTIN_SCALES));
  const extraOrgans: Record<string, string> = {};
  let scale = DEFAULT_CONFIG.scale;
  let scaleNode: JsonNode | null = null;
  let requiredOrgans: readonly string[] = DEFAULT_CONFIG.requiredOrgans;
  let style: ReferenceForm = 'A';
  const scaleSteps = new Map<string, readonly ScaleStep[]>();
  let profileName = DEFAULT_PROFILE;
  let profileNode: JsonNode | null = null;
  let profilesNode: JsonNode | undefined;
  let words: readonly string[] = [];
  let wordFile: string | null = null;
  let wordsInline = false;
  let sentenceLength = DEFAULT_CONFIG.sentenceLength;
  let registerPath: string | null = null;
  let followUpScale: readonly string[] = DEFAULT_FOLLOW_UP_SCALE;
  let wordTemplate: string | undefined;
  const span = (n: JsonNode): Span => ({ start: n.offset, end: n.offset + n.length });
  const problem = (n: JsonNode, sv: string, en: string) => problems.push({ message: msg(sv, en), span: span(n) });

  if (root && root.type !== 'object') {
    problem(root, 'Konfigurationen ska vara ett JSON-objekt, t.ex. { "regler": {} }.', 'The configuration must be a JSON object, e.g. { "regler": {} }.');
  }
  for (const prop of root?.type === 'object' ? root.children ?? [] : []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    switch (key) {
      case 'regler':
        if (valueNode.type !== 'object') {
          problem(valueNode, '"regler" ska vara ett objekt: regel-id → "off", "info", "warning" eller "error".', '"regler" must be an object: rule id → "off", "info", "warning" or "error".');
          break;
        }
        for (const r of valueNode.children ?? []) {
          const [k, v] = r.children ?? [];
          if (!k || !v) continue;
          const id = String(k.value);
          if (!ruleIds.has(id)) {
            problem(k, `Okänd regel "${id}". Se docs/regler för alla regler.`, `Unknown rule "${id}". See docs/regler for all rules.`);
          } else if (v.type !== 'string' || !SEVERITY_NAMES.includes(v.value)) {
            problem(v, `Nivån för "${id}" ska vara "off", "info", "warning" eller "error".`, `The severity of "${id}" must be "off", "info", "warning" or "error".`);
          } else {
            rules[id] = v.value as SeverityName;
          }
        }
        break;
      case 'skala':
        if (valueNode.type !== 'string') problem(valueNode, '"skala" ska vara namnet på en bedömningsskala.', '"skala" must be the name of a grading scale.');
        else {
          scale = valueNode.value;
          scaleNode = valueNode;
        }
        break;
      case 'skalor':
        if (valueNode.type !== 'object') {
          problem(valueNode, '"skalor" ska vara ett objekt: namn → lista med grader, högsta först.', '"skalor" must be an object: name → list of grades, highest first.');
          break;
        }
        for (const s of valueNode.children ?? []) {
          const [k, v] = s.children ?? [];
          if (!k || !v) continue;
          const steps = v.type === 'array' ? (v.children ?? []).map(readStep) : null;
          if (!steps || steps.length < 2 || steps.some((g) => g === null)) {
            problem(v, `Skalan "${k.value}" ska vara en lista med minst två grader, högsta först: texter, eller { "namn": "I huvudsak", "fraser": ["i huvudsak", "till övervägande del"], "symboler": ["🟡"] }.`, `The scale "${k.value}" must be a list of at least two grades, highest first: strings, or { "namn": "I huvudsak", "fraser": ["i huvudsak"], "symboler": ["🟡"] }.`);
          } else {
            scales.set(String(k.value), steps.map((x) => x!.name));
            scaleSteps.set(String(k.value), steps as ScaleStep[]);
          }
        }
        break;
      case 'kravdaOrgan':
        if (valueNode.type !== 'array' || (valueNode.children ?? []).some((c) => c.type !== 'string')) {
          problem(valueNode, '"kravdaOrgan" ska vara en lista med organförkortningar, t.ex. ["KF"].', '"kravdaOrgan" must be a list of organ abbreviations, e.g. ["KF"].');
        } else {
          requiredOrgans = (valueNode.children ?? []).map((c) => String(c.value));
        }
        break;
      case 'organ':
        if (valueNode.type !== 'object') {
          problem(valueNode, '"organ" ska vara ett objekt: förkortning → fullständigt namn.', '"organ" must be an object: abbreviation → full name.');
          break;
        }
        for (const o of valueNode.children ?? []) {
          const [k, v] = o.children ?? [];
          if (!k || !v) continue;
          const abbr = String(k.value);
          if (!ORGAN_ABBREVIATION.test(abbr)) {
            problem(k, `Organförkortningen "${abbr}" ska vara 2–6 versaler (A–Ö).`, `The organ abbreviation "${abbr}" must be 2–6 capital letters (A–Ö).`);
          } else if (v.type !== 'string' || v.value.trim() === '') {
            problem(v, `Ange organets fullständiga namn för "${abbr}", t.ex. "överförmyndarnämnden".`, `Give the organ's full name for "${abbr}", e.g. "överförmyndarnämnden".`);
          } else {
            extraOrgans[abbr] = v.value.trim();
          }
        }
        break;
      case 'referensstil':
        if (valueNode.type !== 'string' || !['A', 'B', 'C'].includes(valueNode.value)) {
          problem(valueNode, '"referensstil" ska vara "A", "B" eller "C".', '"referensstil" must be "A", "B" or "C".');
        } else {
          style = valueNode.value as ReferenceForm;
        }
        break;
      case 'profil':
        if (valueNode.type !== 'string' || valueNode.value.trim() === '') problem(valueNode, '"profil" ska vara namnet på en husprofil, t.ex. "kontrollmal".', '"profil" must name a house profile, e.g. "kontrollmal".');
        else {
          profileName = valueNode.value.trim();
          profileNode = valueNode;
        }
        break;
      case 'profiler':
        profilesNode = valueNode;
        break;
      case 'ord':
        if (valueNode.type === 'array' && (valueNode.children ?? []).every((c) => c.type === 'string')) {
          words = (valueNode.children ?? []).map((c) => String(c.value).trim()).filter((w) => w !== '');
          wordsInline = true;
        } else if (valueNode.type === 'string' && valueNode.value.trim() !== '') {
          // A relative path is relative to the configuration file, wherever the document is.
          wordFile = file ? path.resolve(path.dirname(file), valueNode.value) : path.resolve(valueNode.value);
        } else {
          problem(valueNode, '"ord" ska vara en lista med ord, t.ex. ["RockCity"], eller sökvägen till en ordfil med ett ord per rad, t.ex. "ordlista.txt".', '"ord" must be a list of words, e.g. ["RockCity"], or the path of a word file with one word a line, e.g. "ordlista.txt".');
        }
        break;
      case 'meningslangd':
        if (valueNode.type !== 'number' || !Number.isInteger(valueNode.value) || valueNode.value < 1) {
          problem(valueNode, '"meningslangd" ska vara ett positivt heltal: det största antalet ord i en mening, t.ex. 35.', '"meningslangd" must be a positive integer: the most words a sentence may have, e.g. 35.');
        } else {
          sentenceLength = valueNode.value;
        }
        break;
      case 'beslutsregister':
        if (valueNode.type !== 'string' || valueNode.value.trim() === '' || !/\.csv$/i.test(valueNode.value.trim())) {
          problem(valueNode, '"beslutsregister" ska vara sökvägen till en CSV-fil, relativt konfigurationsfilen, t.ex. "beslut.csv".', '"beslutsregister" must be the path of a CSV file, relative to the configuration file, e.g. "beslut.csv".');
        } else {
          registerPath = valueNode.value.trim();
        }
        break;
      case 'uppfoljningsskala': {
        const statuses = valueNode.type === 'array' ? (valueNode.children ?? []).map((g) => g.value) : null;
        if (!statuses || statuses.length < 2 || statuses.some((g) => typeof g !== 'string' || g.trim() === '')) {
          problem(valueNode, '"uppfoljningsskala" ska vara en lista med minst två statusar (texter), högsta först, t.ex. ["Åtgärdad", "Delvis åtgärdad", "Ej åtgärdad"].', '"uppfoljningsskala" must be a list of at least two statuses (strings), highest first, e.g. ["Åtgärdad", "Delvis åtgärdad", "Ej åtgärdad"].');
        } else {
          followUpScale = (statuses as string[]).map((g) => g.trim());
        }
        break;
      }
      case 'wordmall':
        // Relative to the configuration file's folder; a shared drive's absolute path works too.
        if (valueNode.type !== 'string' || !/\.(dotx|docx)$/i.test(valueNode.value.trim())) {
          problem(valueNode, '"wordmall" ska vara sökvägen till en Word-mall (.dotx eller .docx), t.ex. "mallar/husmall.dotx".', '"wordmall" must be the path of a Word template (.dotx or .docx), e.g. "mallar/husmall.dotx".');
        } else {
          wordTemplate = path.resolve(file ? path.dirname(file) : '.', valueNode.value.trim());
        }
        break;
      default: {
        const near = KNOWN_KEYS.find((k) => k.toLowerCase() === key.toLowerCase().normalize('NFC').replace('å', 'a').replace('ä', 'a'));
        problem(keyNode, `Okänd nyckel "${key}" i konfigurationen.${near ? ` Menade du "${near}"?` : ` Kända nycklar: ${KNOWN_KEYS.join(', ')}.`}`,
          `Unknown key "${key}" in the configuration.${near ? ` Did you mean "${near}"?` : ` Known keys: ${KNOWN_KEYS.join(', ')}.`}`);
      }
    }
  }
  if (!scales.has(scale)) {
    if (scaleNode) problem(scaleNode, `Skalan "${scale}" finns inte. Kända skalor: ${[...scales.keys()].join(', ')}.`, `The scale "${scale}" does not exist. Known scales: ${[...scales.keys()].join(', ')}.`);
    scale = DEFAULT_CONFIG.scale;
  }
  for (const abbr of requiredOrgans) {
    if (!(abbr in BUILTIN_ORGANS) && !(abbr in extraOrgans) && root) {
      const node = root.children?.find((p) => p.children?.[0]?.value === 'kravdaOrgan')?.children?.[1] ?? root;
      problem(node, `Det krävda organet "${abbr}" är inte känt. Lägg till det under "organ".`, `The required organ "${abbr}" is not known. Add it under "organ".`);
    }
  }
  const read = readProfiles(profilesNode, new Set(scales.keys()), scaleSteps);
  problems.push(...read.problems);
  if (!read.profiles.has(profileName)) {
    if (profileNode) problem(profileNode, `Profilen "${profileName}" finns inte. Kända profiler: ${[...read.profiles.keys()].join(', ')}.`, `The profile "${profileName}" does not exist. Known profiles: ${[...read.profiles.keys()].join(', ')}.`);
    profileName = DEFAULT_PROFILE;
  }
  return {
    config: { rules, scale, scales, requiredOrgans, organs: organTable(extraOrgans), style, profiles: read.profiles, profile: profileName, scaleSteps, words, wordFile, wordsInline, sentenceLength, registerPath, followUpScale, ...(wordTemplate ? { wordTemplate } : {}) },
    file,
    text,
    problems,
  };
}

/** Walks up from a folder to the nearest configuration file, as both the CLI and the server do. */
export function findConfigFile(startDir: string, exists: (file: string) => boolean): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** A grade of a configured scale: a string, or a step with the phrases and symbols it is also written as. */
function readStep(n: JsonNode): ScaleStep | null {
  if (n.type === 'string') return n.value.trim() ? { name: n.value.trim(), phrases: [], symbols: [] } : null;
  if (n.type !== 'object') return null;
  let name = '';
  let phrases: string[] = [];
  let symbols: string[] = [];
  for (const p of n.children ?? []) {
    const [k, v] = p.children ?? [];
    if (!k || !v) continue;
    const list = v.type === 'array' && (v.children ?? []).every((c) => c.type === 'string') ? (v.children ?? []).map((c) => String(c.value)) : null;
    if (k.value === 'namn' && v.type === 'string') name = v.value.trim();
    else if (k.value === 'fraser' && list) phrases = list;
    else if (k.value === 'symboler' && list) symbols = list;
    else return null;
  }
  return name ? { name, phrases, symbols } : null;
}
