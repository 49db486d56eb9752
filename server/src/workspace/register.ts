import { parse } from 'csv-parse/sync';
import { msg, type Msg } from '../i18n.js';
import { formatIsoDate, parseIsoDate } from '../model/dates.js';
import { ORGAN_ABBREVIATION, type OrganTable } from '../model/organs.js';
import { LineIndex } from '../model/text.js';
import type { DecisionRef, Span } from '../model/types.js';

/** The default file name of the beslutsregister (spec §14), at the workspace root. */
export const REGISTER_FILE_NAME = 'beslut.csv';

/** The diagnostic code of problems in the register file: not a rule, like `konfiguration`. */
export const REGISTER_CODE = 'beslutsregister';

/** One decision the register lists. */
export interface RegisterEntry {
  /** Abbreviation when the organ table knows one (`KF`), else the name in lower case. */
  organ: string;
  organName: string | null;
  paragraph: number;
  /** ISO date of the meeting. */
  date: string;
  rubrik: string;
  /** An http(s) address, or null. */
  link: string | null;
  /** 0-based line of the row in the register file. */
  line: number;
}

export interface RegisterProblem {
  message: Msg;
  span: Span;
}

export interface DecisionRegister {
  /** The file it was read from (absolute path), or null when built in memory. */
  file: string | null;
  /** The file's text without its BOM, for positions of problems. */
  text: string;
  entries: RegisterEntry[];
  problems: RegisterProblem[];
  /**
   * Whether the register could be read at all (its header names the required columns).
   * An unusable register is reported on its file, and references are not checked against
   * it, so one broken file does not flood every report with warnings.
   */
  usable: boolean;
  /** The delimiter the file uses (`;` as Swedish Excel writes it, or `,`). */
  delimiter: ';' | ',';
}

const REQUIRED_COLUMNS = ['organ', 'paragraf', 'datum', 'rubrik'] as const;
const LINK_COLUMNS = ['länk', 'lank', 'link', 'url'];

/** Normalises an organ as written in the register or a reference, so both compare equal. */
export function normalizeOrgan(written: string, organs: OrganTable): { organ: string; organName: string | null } {
  const trimmed = written.trim().replace(/\s+/g, ' ');
  const upper = trimmed.toUpperCase();
  if (organs.has(upper) && (trimmed === upper || ORGAN_ABBREVIATION.test(upper))) return { organ: upper, organName: organs.get(upper) ?? null };
  const lower = trimmed.toLowerCase();
  for (const [abbr, name] of organs) if (name.toLowerCase() === lower) return { organ: abbr, organName: name };
  if (ORGAN_ABBREVIATION.test(trimmed)) return { organ: trimmed, organName: null };
  return { organ: lower, organName: lower };
}

/** The delimiter of a CSV text, from its first line: Swedish Excel writes `;`, others `,`. */
function detectDelimiter(firstLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : commas > 0 ? ',' : ';';
}

/**
 * Reads a register's text (spec §14). Never throws: every problem is positioned in the
 * file, and the valid rows still count.
 */
export function parseRegister(input: string, file: string | null, organs: OrganTable): DecisionRegister {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const lineSpan = (line: number): Span => {
    const l = Math.min(Math.max(line, 0), lines.lineCount - 1);
    return { start: lines.lineStarts[l], end: lines.lineEnd(l) };
  };
  const problems: RegisterProblem[] = [];
  const problem = (line: number, sv: string, en: string) => problems.push({ message: msg(sv, en), span: lineSpan(line) });
  const firstLine = text.slice(0, lines.lineCount > 1 ? lines.lineEnd(0) : text.length);
  const delimiter = detectDelimiter(firstLine);
  const register: DecisionRegister = { file, text, entries: [], problems, usable: false, delimiter };

  let records: { record: string[]; info: { lines: number; bytes: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    const line = typeof err.lines === 'number' ? err.lines - 1 : 0;
    problem(line, `Beslutsregistret kan inte läsas som CSV: ${err.message ?? String(e)}. Kontrollera citattecknen.`, `The decision register cannot be read as CSV: ${err.message ?? String(e)}. Check the quotes.`);
    return register;
  }
  // A record starts where the previous one ended. The parser counts UTF-8 bytes (its line
  // count takes a CRLF inside quotes as two lines), so bytes are walked to characters.
  const toChar = utf8Walker(text);
  const rows = records.map((r, i) => ({
    cells: r.record.map((c) => c.trim()),
    line: i === 0 ? 0 : lines.positionAt(toChar(records[i - 1].info.bytes)).line,
  }));
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== ''));
  const header = nonEmpty[0];
  if (!header) {
    problem(0, `Beslutsregistret är tomt. Första raden ska vara kolumnerna ${REQUIRED_COLUMNS.join(delimiter)}${delimiter}länk.`, `The decision register is empty. The first line must be the columns ${REQUIRED_COLUMNS.join(delimiter)}${delimiter}länk.`);
    return register;
  }
  const names = header.cells.map((c) => c.toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const missing = REQUIRED_COLUMNS.filter((c) => column(c) < 0);
  if (missing.length > 0) {
    problem(header.line, `Beslutsregistret saknar kolumnen ${missing.map((m) => `"${m}"`).join(', ')}. Första raden ska vara ${REQUIRED_COLUMNS.join(delimiter)}${delimiter}länk (länk är valfri).`,
      `The decision register lacks the column ${missing.map((m) => `"${m}"`).join(', ')}. The first line must be ${REQUIRED_COLUMNS.join(delimiter)}${delimiter}länk (länk is optional).`);
    return register;
  }
  register.usable = true;
  const linkColumn = names.findIndex((n) => LINK_COLUMNS.includes(n));
  const seen = new Map<string, number>();
  for (const row of nonEmpty.slice(1)) {
    const cell = (i: number) => (i >= 0 ? row.cells[i] ?? '' : '');
    const organText = cell(column('organ'));
    const paragraphText = cell(column('paragraf')).replace(/^§\s*/, '');
    const dateText = cell(column('datum'));
    if (organText === '') {
      problem(row.line, 'Raden saknar organ, t.ex. KF eller kommunfullmäktige.', 'The row has no organ, e.g. KF or kommunfullmäktige.');
      continue;
    }
    if (!/^\d{1,5}$/.test(paragraphText)) {
      problem(row.line, `Paragrafen "${cell(column('paragraf'))}" ska vara ett nummer, t.ex. 16.`, `The paragraph "${cell(column('paragraf'))}" must be a number, e.g. 16.`);
      continue;
    }
    const date = parseIsoDate(dateText);
    if (!date || !date.valid) {
      problem(row.line, `Datumet "${dateText}" ska vara ett verkligt datum ÅÅÅÅ-MM-DD.`, `The date "${dateText}" must be a real date YYYY-MM-DD.`);
      continue;
    }
    const linkText = cell(linkColumn);
    let link: string | null = null;
    if (linkText !== '') {
      // Only web addresses become links: the register is untrusted input, and a hover must
      // not offer `command:` or `file:` links.
      if (/^https?:\/\/[^\s<>"]+$/i.test(linkText)) link = linkText;
      else problem(row.line, `Länken "${linkText}" ska vara en webbadress som börjar med https:// eller http://.`, `The link "${linkText}" must be a web address starting with https:// or http://.`);
    }
    const { organ, organName } = normalizeOrgan(organText, organs);
    const entry: RegisterEntry = { organ, organName, paragraph: Number(paragraphText), date: formatIsoDate(date), rubrik: cell(column('rubrik')), link, line: row.line };
    const key = entryKey(entry.organ, entry.paragraph, entry.date);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(row.line, `${organText} § ${entry.paragraph} ${entry.date} står redan på rad ${earlier + 1}.`, `${organText} § ${entry.paragraph} ${entry.date} is already on line ${earlier + 1}.`);
      continue;
    }
    seen.set(key, row.line);
    register.entries.push(entry);
  }
  return register;
}

/** Maps increasing UTF-8 byte offsets of a text to its UTF-16 offsets, in one pass overall. */
function utf8Walker(text: string): (bytes: number) => number {
  let char = 0;
  let byte = 0;
  return (target) => {
    while (byte < target && char < text.length) {
      const code = text.codePointAt(char)!;
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      char += code >= 0x10000 ? 2 : 1;
    }
    return char;
  };
}

function entryKey(organ: string, paragraph: number, date: string): string {
  return `${organ}\u0000${paragraph}\u0000${date}`;
}

const lookups = new WeakMap<DecisionRegister, { exact: Map<string, RegisterEntry>; byParagraph: Map<string, RegisterEntry[]> }>();

function lookupOf(register: DecisionRegister) {
  let l = lookups.get(register);
  if (!l) {
    l = { exact: new Map(), byParagraph: new Map() };
    for (const e of register.entries) {
      l.exact.set(entryKey(e.organ, e.paragraph, e.date), e);
      const k = `${e.organ}\u0000${e.paragraph}`;
      const list = l.byParagraph.get(k);
      if (list) list.push(e);
      else l.byParagraph.set(k, [e]);
    }
    lookups.set(register, l);
  }
  return l;
}

/** The register's entry for a decision reference, whatever form the reference is written in. */
export function findDecision(register: DecisionRegister, d: Pick<DecisionRef, 'organ' | 'paragraph' | 'date'>): RegisterEntry | undefined {
  return lookupOf(register).exact.get(entryKey(d.organ, d.paragraph, formatIsoDate(d.date)));
}

/**
 * The entry a reference most likely means when its date is not the register's: the same
 * organ and §, in the same year when the register has one there (§ numbers restart each
 * year), else the only one. Undefined when no single entry fits.
 */
export function likelyDecision(register: DecisionRegister, d: Pick<DecisionRef, 'organ' | 'paragraph' | 'date'>): RegisterEntry | undefined {
  const candidates = lookupOf(register).byParagraph.get(`${d.organ}\u0000${d.paragraph}`) ?? [];
  const sameYear = candidates.filter((e) => e.date.startsWith(`${String(d.date.year).padStart(4, '0')}-`));
  if (sameYear.length === 1) return sameYear[0];
  if (sameYear.length === 0 && candidates.length === 1) return candidates[0];
  return undefined;
}

/** The register's entries, newest meeting first, optionally for one organ. */
export function registerDecisions(register: DecisionRegister, organ?: string): RegisterEntry[] {
  const list = organ ? register.entries.filter((e) => e.organ === organ) : [...register.entries];
  return list.sort((a, b) => b.date.localeCompare(a.date) || b.paragraph - a.paragraph || a.organ.localeCompare(b.organ));
}

/** A CSV field as Swedish Excel reads it: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header line of a new register. */
export function registerHeader(delimiter: string): string {
  return [...REQUIRED_COLUMNS, 'länk'].join(delimiter);
}
