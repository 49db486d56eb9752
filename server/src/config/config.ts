import * as path from 'node:path';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { msg, type Msg } from '../i18n.js';
import type { ReferenceForm } from '../model/decisions.js';
import { BUILTIN_ORGANS, ORGAN_ABBREVIATION, organTable, type OrganTable } from '../model/organs.js';
import type { Span } from '../model/types.js';

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
  /** The firm's Word template for the Word and PDF exports, as an absolute path (`wordmall`). */
  wordTemplate?: string;
}

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
};

const KNOWN_KEYS = ['regler', 'skala', 'skalor', 'kravdaOrgan', 'organ', 'referensstil', 'wordmall'];

/**
 * Reads a configuration file's text. Never throws: every problem becomes a ConfigProblem
 * with a position, and the valid parts still apply, so one typo does not switch off
 * the whole configuration.
 */
export function parseConfig(text: string, file: string | null, ruleIds: ReadonlySet<string>): LoadedConfig {
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
          const grades = v.type === 'array' ? (v.children ?? []).map((g) => g.value) : null;
          if (!grades || grades.length < 2 || grades.some((g) => typeof g !== 'string' || g.trim() === '')) {
            problem(v, `Skalan "${k.value}" ska vara en lista med minst två grader (texter), högsta först.`, `The scale "${k.value}" must be a list of at least two grades (strings), highest first.`);
          } else {
            scales.set(String(k.value), grades as string[]);
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
  return {
    config: { rules, scale, scales, requiredOrgans, organs: organTable(extraOrgans), style, ...(wordTemplate ? { wordTemplate } : {}) },
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
