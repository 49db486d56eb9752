import { type CalendarDate, formatIsoDate, makeDate, parseIsoDate, parseSwedishDate, SWEDISH_MONTH_PATTERN } from './dates.js';
import { ORGAN_ABBREVIATION, type OrganTable } from './organs.js';

/** The three accepted ways of writing a decision reference (spec §6). */
export type ReferenceForm = 'A' | 'B' | 'C';

export interface DecisionParts {
  /** Abbreviation (`KF`) when the organ is known by one, otherwise the name as written. */
  organ: string;
  /** Full name of the organ (`kommunfullmäktige`), or null when the table does not know it. */
  organName: string | null;
  paragraph: number;
  date: CalendarDate;
}

export interface ScannedDecision extends DecisionParts {
  form: ReferenceForm;
  /** Offsets into the scanned string. */
  start: number;
  end: number;
  raw: string;
}

export interface ScannedMalformed {
  start: number;
  end: number;
  raw: string;
  /** The reference rewritten in the house style, when the parts can be recovered. */
  suggestion: string | null;
  /** Whether the suggestion changes nothing but spelling (safe to apply without a human). */
  safe: boolean;
}

const SP = '[ \\t\\u00a0]+';
const OSP = '[ \\t\\u00a0]*';
const BEFORE = '(?<![\\p{L}\\p{N}])';
const ISO = '\\d{4}-\\d{2}-\\d{2}';

interface Patterns {
  strict: { form: ReferenceForm; re: RegExp }[];
  loose: RegExp[];
  nameToAbbr: Map<string, string>;
}

const cache = new WeakMap<OrganTable, Patterns>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patterns(organs: OrganTable): Patterns {
  let p = cache.get(organs);
  if (p) return p;
  const nameToAbbr = new Map<string, string>();
  for (const [abbr, name] of organs) nameToAbbr.set(name.toLowerCase(), abbr);
  const names = [...nameToAbbr.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const longDate = `\\d{1,2}${SP}(?:${SWEDISH_MONTH_PATTERN})${SP}\\d{4}`;
  p = {
    nameToAbbr,
    strict: [
      { form: 'A', re: new RegExp(`${BEFORE}([A-ZÅÄÖ]{2,6})${SP}§${SP}(\\d+)\\/(${ISO})(?!\\d)`, 'gu') },
      { form: 'B', re: new RegExp(`${BEFORE}([A-ZÅÄÖ]{2,6})${SP}(${ISO}),?${SP}§${SP}(\\d+)(?!\\d)`, 'gu') },
      {
        form: 'C',
        re: new RegExp(`${BEFORE}(${names})${SP}(?:den${SP})?(${ISO}|${longDate}),?${SP}§${SP}(\\d+)(?!\\d)`, 'giu'),
      },
    ],
    loose: [
      new RegExp(`${BEFORE}(\\p{L}{2,6})${OSP}§${OSP}(\\d+)${OSP}[/,]?${OSP}(\\d{2,4})-(\\d{1,2})-(\\d{1,2})(?!\\d)`, 'gu'),
      new RegExp(`${BEFORE}(\\p{L}{2,6})${OSP},?${OSP}(\\d{2,4})-(\\d{1,2})-(\\d{1,2})${OSP},?${OSP}§${OSP}(\\d+)(?!\\d)`, 'gu'),
      new RegExp(`${BEFORE}(${names})${OSP}(?:den${OSP})?(\\d{2,4})-(\\d{1,2})-(\\d{1,2})${OSP},?${OSP}§${OSP}(\\d+)(?!\\d)`, 'giu'),
    ],
  };
  cache.set(organs, p);
  return p;
}

/** Renders a decision in a given form; null when form C is asked for an organ without a known name. */
export function formatDecision(d: Omit<DecisionParts, 'date'> & { date: { year: number; month: number; day: number } }, form: ReferenceForm): string | null {
  const iso = formatIsoDate(d.date);
  switch (form) {
    case 'A':
      return `${d.organ} § ${d.paragraph}/${iso}`;
    case 'B':
      return `${d.organ} ${iso} § ${d.paragraph}`;
    case 'C':
      return d.organName ? `${d.organName} ${iso} § ${d.paragraph}` : null;
  }
}

/**
 * Finds decision references in a piece of text. With `malformed`, also finds text that is
 * plainly meant as a reference (an organ, a § and a date close together) but fits no form.
 * Never throws; returns matches sorted by offset.
 */
export function scanDecisions(
  text: string,
  organs: OrganTable,
  options: { malformed: boolean; style: ReferenceForm },
): { refs: ScannedDecision[]; malformed: ScannedMalformed[] } {
  // Nearly every text run lacks a § sign; skipping those keeps the scan cheap on long reports.
  if (!text.includes('§')) return { refs: [], malformed: [] };
  // While a report is edited, its other paragraphs and footnotes reach here unchanged at
  // every keystroke, so results are remembered per text (results are never mutated).
  const key = `${options.malformed ? 'm' : '-'}${options.style}${text}`;
  let memo = memos.get(organs);
  if (!memo) memos.set(organs, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  const result = scan(text, organs, options);
  if (memo.size > 20_000) memo.clear();
  memo.set(key, result);
  return result;
}

const memos = new WeakMap<OrganTable, Map<string, { refs: ScannedDecision[]; malformed: ScannedMalformed[] }>>();

function scan(
  text: string,
  organs: OrganTable,
  options: { malformed: boolean; style: ReferenceForm },
): { refs: ScannedDecision[]; malformed: ScannedMalformed[] } {
  const refs: ScannedDecision[] = [];
  const malformed: ScannedMalformed[] = [];
  const p = patterns(organs);
  for (const { form, re } of p.strict) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parts = strictParts(form, m, organs, p.nameToAbbr);
      if (parts) refs.push({ ...parts, form, start: m.index, end: m.index + m[0].length, raw: m[0] });
    }
  }
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  // Sorted by start, a reference overlaps one kept before it exactly when it starts before
  // the furthest end kept so far: one comparison each, where testing every kept reference
  // made 20 000 references in one paragraph take minutes.
  const kept: ScannedDecision[] = [];
  let keptEnd = -1;
  for (const r of refs) {
    if (r.start < keptEnd) continue;
    kept.push(r);
    keptEnd = Math.max(keptEnd, r.end);
  }
  if (options.malformed) {
    p.loose.forEach((re, index) => {
      // What earlier patterns took, sorted and without overlaps, searched by bisection;
      // one pattern's own matches never overlap each other (the search resumes after each).
      const taken = [...kept, ...malformed].sort((a, b) => a.start - b.start);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (overlapsAny(taken, span)) continue;
        const found = looseParts(index, m, organs, p.nameToAbbr);
        if (!found) continue;
        const suggestion = found.parts && (formatDecision(found.parts, options.style) ?? formatDecision(found.parts, 'A'));
        malformed.push({ ...span, raw: m[0], suggestion, safe: found.safe && suggestion !== null });
      }
    });
    malformed.sort((a, b) => a.start - b.start);
  }
  return { refs: kept, malformed };
}

/** Whether a span overlaps any of `sorted`: spans sorted by start that do not overlap each other. */
function overlapsAny(sorted: readonly { start: number; end: number }[], span: { start: number; end: number }): boolean {
  // The last span starting before `span` ends is the only one that can reach into it.
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < span.end) low = mid + 1;
    else high = mid;
  }
  return low > 0 && sorted[low - 1].end > span.start;
}

function strictParts(form: ReferenceForm, m: RegExpExecArray, organs: OrganTable, nameToAbbr: Map<string, string>): DecisionParts | null {
  if (form === 'A') {
    const date = parseIsoDate(m[3]);
    return date && { organ: m[1], organName: organs.get(m[1]) ?? null, paragraph: Number(m[2]), date };
  }
  if (form === 'B') {
    const date = parseIsoDate(m[2]);
    return date && { organ: m[1], organName: organs.get(m[1]) ?? null, paragraph: Number(m[3]), date };
  }
  const name = m[1].toLowerCase();
  // Form C names the organ in lower case as in running text; only a capital first letter
  // (sentence start) is tolerated, so `KOMMUNFULLMÄKTIGE` is not taken as a name.
  if (m[1].slice(1) !== m[1].slice(1).toLowerCase()) return null;
  const abbr = nameToAbbr.get(name);
  const date = parseIsoDate(m[2]) ?? parseSwedishDate(m[2].replace(/[ \t\u00a0]+/g, ' '));
  return date && { organ: abbr ?? name, organName: organs.get(abbr ?? '') ?? name, paragraph: Number(m[3]), date };
}

function looseParts(
  index: number,
  m: RegExpExecArray,
  organs: OrganTable,
  nameToAbbr: Map<string, string>,
): { parts: DecisionParts | null; safe: boolean } | null {
  let organ: string;
  let organName: string | null;
  let paragraph: string;
  let y: string, mo: string, d: string;
  if (index === 2) {
    const abbr = nameToAbbr.get(m[1].toLowerCase());
    if (!abbr) return null;
    organ = abbr;
    organName = organs.get(abbr) ?? null;
    [y, mo, d, paragraph] = [m[2], m[3], m[4], m[5]];
  } else {
    const written = m[1];
    const upper = written.toUpperCase();
    // Only an organ the table knows (in any case) or a word in capitals reads as an organ;
    // ordinary words before a § sign (law citations, prose) are not references.
    if (!organs.has(upper) && !ORGAN_ABBREVIATION.test(written)) return null;
    organ = upper;
    organName = organs.get(upper) ?? null;
    if (index === 0) [paragraph, y, mo, d] = [m[2], m[3], m[4], m[5]];
    else [y, mo, d, paragraph] = [m[2], m[3], m[4], m[5]];
  }
  let safe = true;
  let year = Number(y);
  if (y.length === 2) {
    year = 2000 + year;
    safe = false;
  } else if (y.length !== 4) {
    // A three-digit year cannot be completed without guessing, so nothing is suggested.
    return { parts: null, safe: false };
  }
  const date = makeDate(year, Number(mo), Number(d));
  if (!date.valid) safe = false;
  return { parts: { organ, organName, paragraph: Number(paragraph), date }, safe };
}
