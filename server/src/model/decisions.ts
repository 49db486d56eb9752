import { detach } from '../detach.js';
import { type CalendarDate, formatIsoDate, makeDate, parseIsoDate, parseSwedishDate, SWEDISH_MONTH_PATTERN } from './dates.js';
import { ORGAN_ABBREVIATION, type OrganTable } from './organs.js';

/**
 * The accepted ways of writing a decision reference (spec §6). A, B and C are the forms a
 * house style may require; D is prose (`kommunfullmäktiges beslut 2012-11-20, § 101`), which
 * is accepted everywhere but never asked for as a house style.
 */
export type ReferenceForm = 'A' | 'B' | 'C' | 'D';

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
  /**
   * Every paragraph the reference names (`§§ 92–93` names 92 and 93). A reference to several
   * paragraphs is returned once per paragraph, each entry with the same span and raw text.
   */
  paragraphs: readonly number[];
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
/**
 * One paragraph or several of one meeting: `92`, `92–93`, `92, 93`, `92 och 93`. A number
 * after a separator must not start a date (`§ 92, 2019-06-17` names only § 92).
 */
const PARAGRAPHS = `\\d+(?:(?:${OSP}[–—-]${OSP}|${OSP},${OSP}|${SP}och${SP})\\d+(?!\\d|${OSP}[-–]${OSP}\\d{1,2}-))*`;
/** The paragraph part after a date: `§ 92`, `, § 92`, `§§ 92–93` or `(§ 92)`. */
const PARAGRAPH_TAIL = `(?:,?${SP}§§?${SP}(?<paras>${PARAGRAPHS})|${OSP}\\(${OSP}§§?${SP}(?<pparas>${PARAGRAPHS})${OSP}\\))(?!\\d)`;
/** Words that make a name read as a decision-making body when the organ table does not know it. */
const BODY_WORD = /nämnd|styrelse|fullmäktige|utskott|beredning|direktion|förbund/u;
/** The most paragraphs one range may name; a longer range is a typo, not a reference. */
const MAX_RANGE = 50;

/**
 * What a text holds of the few fixed pieces the patterns need, found once per text so that
 * a pattern is run only on a text that can match it (each pattern scans the whole text, and
 * the index scans 87 000 footnotes of an archive with all of them). Every form but A ends its
 * date (which ends in a digit) with the paragraph after it: `, § 92`, `§ 92` or `(§ 92)`.
 */
interface Pieces {
  /** `/`: form A (`KF § 16/2015-02-23`) and the loose form `KF § 16/15-02-23`. */
  slash: boolean;
  /** A digit, an optional comma, spacing and `§`: forms B, C and D's `, § 92`. */
  plainTail: boolean;
  /** A digit, `(` and `§` with optional spacing: form D's `(§ 92)`. */
  parenTail: boolean;
  /** A digit, optional spacing and comma, and `§`: the loose forms with the paragraph after the date. */
  looseTail: boolean;
  beslut: boolean;
  comma: boolean;
  /** `rotokoll`, of `Protokoll` and `protokoll`: a minute. */
  minute: boolean;
  /** `-`, which every loose date holds. */
  hyphen: boolean;
}

const PLAIN_TAIL = /\d,?[ \t\u00a0]+§/;
const PAREN_TAIL = /\d[ \t\u00a0]*\([ \t\u00a0]*§/;
const LOOSE_TAIL = /\d[ \t\u00a0]*,?[ \t\u00a0]*§/;

function piecesOf(text: string): Pieces {
  const looseTail = LOOSE_TAIL.test(text);
  return {
    slash: text.includes('/'),
    // Both tails are special cases of the loose one: without it, neither is searched for.
    plainTail: looseTail && PLAIN_TAIL.test(text),
    parenTail: PAREN_TAIL.test(text),
    looseTail,
    beslut: text.includes('beslut'),
    comma: text.includes(','),
    minute: text.includes('rotokoll'),
    hyphen: text.includes('-'),
  };
}

interface Patterns {
  /** Each pattern with what a text must hold for it to match anywhere in it (a necessary condition only). */
  strict: { form: ReferenceForm; re: RegExp; needs: (p: Pieces) => boolean }[];
  loose: { re: RegExp; needs: (p: Pieces) => boolean }[];
  nameToAbbr: Map<string, string>;
}

const cache = new WeakMap<OrganTable, Patterns>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as it may stand in prose: in lower case, or with a capital first letter at a sentence start. */
function sentenceCase(name: string): string {
  const first = name.charAt(0);
  const rest = escapeRegExp(name.slice(1));
  return first.toLowerCase() === first.toUpperCase() ? escapeRegExp(first) + rest : `[${first.toLowerCase()}${first.toUpperCase()}]${rest}`;
}

/** The genitive of an organ name: `kommunfullmäktiges`; a name ending in s, x or z takes no extra s. */
export function genitive(name: string): string {
  return /[sxz]$/u.test(name) ? name : `${name}s`;
}

function patterns(organs: OrganTable): Patterns {
  let p = cache.get(organs);
  if (p) return p;
  const nameToAbbr = new Map<string, string>();
  for (const [abbr, name] of organs) nameToAbbr.set(name.toLowerCase(), abbr);
  const byLength = [...nameToAbbr.keys()].sort((a, b) => b.length - a.length);
  const names = byLength.map(escapeRegExp).join('|');
  const proseNames = byLength.map(sentenceCase).join('|');
  const genitives = byLength.map((n) => sentenceCase(genitive(n))).join('|');
  const longDate = `\\d{1,2}${SP}(?:${SWEDISH_MONTH_PATTERN})${SP}\\d{4}`;
  const date = `(?<date>${ISO}|${longDate})`;
  const looseDate = `(?<y>\\d{2,4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})`;
  // The organ of a minute: a name the table knows, or up to eight words that name a body.
  const minuteOrgan = `(?<pname>\\p{L}[\\p{L}-]*(?:${SP}\\p{L}[\\p{L}-]*){0,7}?)`;
  const minute = `[Pp]rotokoll(?:sutdrag)?(?:${SP}från)?,?${SP}${minuteOrgan},?`;
  p = {
    nameToAbbr,
    strict: [
      { form: 'A', needs: (t) => t.slash, re: new RegExp(`${BEFORE}([A-ZÅÄÖ]{2,6})${SP}§§?${SP}(${PARAGRAPHS})\\/(${ISO})(?!\\d)`, 'gu') },
      { form: 'B', needs: (t) => t.plainTail, re: new RegExp(`${BEFORE}([A-ZÅÄÖ]{2,6})${SP}(${ISO}),?${SP}§§?${SP}(${PARAGRAPHS})(?!\\d)`, 'gu') },
      {
        form: 'C',
        needs: (t) => t.plainTail,
        re: new RegExp(`${BEFORE}(${names})${SP}(?:den${SP})?(${ISO}|${longDate}),?${SP}§§?${SP}(${PARAGRAPHS})(?!\\d)`, 'giu'),
      },
      // Form D, prose: `kommunfullmäktiges beslut 2012-11-20, § 101`, `KF:s beslut 2018-12-17 § 153`.
      {
        form: 'D',
        needs: (t) => t.beslut && (t.plainTail || t.parenTail),
        re: new RegExp(`${BEFORE}(?:(?<gen>${genitives})|(?<abbr>[A-ZÅÄÖ]{2,6}):s)${SP}beslut(?:${SP}den)?${SP}${date}${PARAGRAPH_TAIL}`, 'gu'),
      },
      // `Kommunfullmäktige, 2018-12-17, § 160`.
      { form: 'D', needs: (t) => t.comma && (t.plainTail || t.parenTail), re: new RegExp(`${BEFORE}(?<name>${proseNames}),${OSP}(?:den${SP})?${date}${PARAGRAPH_TAIL}`, 'gu') },
      // `Protokoll nämnden för arbete och välfärd 2019-01-24 § 15`.
      { form: 'D', needs: (t) => t.minute && (t.plainTail || t.parenTail), re: new RegExp(`${BEFORE}${minute}${SP}(?:den${SP})?${date}${PARAGRAPH_TAIL}`, 'gu') },
      // `kommunfullmäktige 2019-06-17 (§ 92)`, `KF beslutade den 17 juni 2019 (§ 92)`.
      {
        form: 'D',
        needs: (t) => t.parenTail,
        re: new RegExp(
          `${BEFORE}(?:(?<abbr>[A-ZÅÄÖ]{2,6})|(?<name>${proseNames}))(?:${SP}(?:beslutade|beslöt))?${SP}(?:den${SP})?${date}${OSP}\\(${OSP}§§?${SP}(?<pparas>${PARAGRAPHS})${OSP}\\)`,
          'gu',
        ),
      },
    ],
    loose: [
      // Prose (form D) written almost right: the writer's words are kept, the date and § mended.
      {
        needs: (t) => t.looseTail && (t.beslut || t.comma || t.minute),
        re: new RegExp(
          `${BEFORE}(?<pre>(?:(?<gen>${genitives})|(?<abbr>[A-ZÅÄÖ]{2,6}):s)${OSP}beslut(?:${SP}den)?|(?<name>${proseNames}),|${minute})${OSP}${looseDate}(?<sep>${OSP},?${OSP})§§?${OSP}(?<paras>${PARAGRAPHS})(?!\\d)`,
          'gu',
        ),
      },
      { needs: (t) => t.hyphen, re: new RegExp(`${BEFORE}(\\p{L}{2,6})${OSP}§§?${OSP}(${PARAGRAPHS})${OSP}[/,]?${OSP}(\\d{2,4})-(\\d{1,2})-(\\d{1,2})(?!\\d)`, 'gu') },
      { needs: (t) => t.looseTail, re: new RegExp(`${BEFORE}(\\p{L}{2,6})${OSP},?${OSP}(\\d{2,4})-(\\d{1,2})-(\\d{1,2})${OSP},?${OSP}§§?${OSP}(${PARAGRAPHS})(?!\\d)`, 'gu') },
      { needs: (t) => t.looseTail, re: new RegExp(`${BEFORE}(${names})${OSP}(?:den${OSP})?(\\d{2,4})-(\\d{1,2})-(\\d{1,2})${OSP},?${OSP}§§?${OSP}(${PARAGRAPHS})(?!\\d)`, 'giu') },
    ],
  };
  cache.set(organs, p);
  return p;
}

const ONE_PARAGRAPH = /^\d+$/;

/** Reads `92`, `92–93`, `92, 93` or `92 och 93` as paragraph numbers; null for a backward or absurd range. */
export function parseParagraphs(text: string): number[] | null {
  // Nearly every reference names one paragraph, which needs no splitting.
  if (ONE_PARAGRAPH.test(text)) return [Number(text)];
  const out: number[] = [];
  for (const item of text.split(/[ \t\u00a0]*(?:,|[ \t\u00a0]och[ \t\u00a0])[ \t\u00a0]*/u)) {
    const range = /^(\d+)(?:[ \t\u00a0]*[–—-][ \t\u00a0]*(\d+))?$/u.exec(item.trim());
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from || to - from > MAX_RANGE) return null;
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out.length > 0 ? out : null;
}

/** Writes paragraph numbers as a reference does: `§ 92`, `§§ 92–93`, `§§ 92, 94`. */
export function formatParagraphs(paragraphs: readonly number[]): string {
  if (paragraphs.length <= 1) return `§ ${paragraphs[0]}`;
  const runs: string[] = [];
  for (let i = 0; i < paragraphs.length; ) {
    let j = i;
    while (j + 1 < paragraphs.length && paragraphs[j + 1] === paragraphs[j] + 1) j++;
    runs.push(j > i ? `${paragraphs[i]}–${paragraphs[j]}` : String(paragraphs[i]));
    i = j + 1;
  }
  return `§§ ${runs.join(', ')}`;
}

/**
 * Renders a decision in a given form; `paragraphs` (default: its one paragraph) lets a
 * reference to several paragraphs of one meeting be written as one. Null when the form needs
 * a part the decision lacks: an abbreviation for A and B, a full name for C and D.
 */
export function formatDecision(
  d: Omit<DecisionParts, 'date'> & { date: { year: number; month: number; day: number } },
  form: ReferenceForm,
  paragraphs: readonly number[] = [d.paragraph],
): string | null {
  const iso = formatIsoDate(d.date);
  const section = formatParagraphs(paragraphs);
  switch (form) {
    case 'A':
      return ORGAN_ABBREVIATION.test(d.organ) ? `${d.organ} ${section}/${iso}` : null;
    case 'B':
      return ORGAN_ABBREVIATION.test(d.organ) ? `${d.organ} ${iso} ${section}` : null;
    case 'C':
      return d.organName ? `${d.organName} ${iso} ${section}` : null;
    case 'D':
      return d.organName ? `${genitive(d.organName)} beslut ${iso}, ${section}` : null;
  }
}

/**
 * Groups the model's decisions into references: the model holds one entry per paragraph
 * (`§§ 92–93` is two, with one span), while a reference is reported and rewritten once, with
 * all its paragraphs.
 */
export function references<T extends { paragraph: number; span: { start: number; end: number } }>(decisions: readonly T[]): [T, number[]][] {
  const out: [T, number[]][] = [];
  for (const d of decisions) {
    const last = out[out.length - 1];
    if (last && last[0].span.start === d.span.start && last[0].span.end === d.span.end) last[1].push(d.paragraph);
    else out.push([d, [d.paragraph]]);
  }
  return out;
}

/**
 * Finds decision references in a piece of text. With `malformed`, also finds text that is
 * plainly meant as a reference (an organ, a § and a date close together) but fits no form.
 * Never throws; returns matches sorted by offset.
 */
export function scanDecisions(
  text: string,
  organs: OrganTable,
  options: { malformed: boolean; style: ReferenceForm; remember?: boolean },
): { refs: ScannedDecision[]; malformed: ScannedMalformed[] } {
  // Nearly every text run lacks a § sign; skipping those keeps the scan cheap on long reports.
  if (!text.includes('§')) return { refs: [], malformed: [] };
  // The workspace index scans each file once: remembering its footnotes would only fill
  // the memo (and the heap) with texts that are not seen again.
  if (options.remember === false) return expandParagraphs(scan(text, organs, options));
  // While a report is edited, its other paragraphs and footnotes reach here unchanged at
  // every keystroke, so results are remembered per text (results are never mutated).
  const prefix = `${options.malformed ? 'm' : '-'}${options.style}`;
  const key = prefix + text;
  let memo = memos.get(organs);
  if (!memo) memos.set(organs, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  // The remembered key and result outlive the text's version and document (a closed
  // report's text stayed in memory through them); made from a copy, they hold only the run.
  const own = detach(text);
  const result = expandParagraphs(scan(own, organs, options));
  if (memo.size > 20_000) memo.clear();
  memo.set(prefix + own, result);
  return result;
}

/** One entry per paragraph, so that `§§ 92–93` counts as a reference to § 92 and to § 93. */
function expandParagraphs(result: { refs: ScannedDecision[]; malformed: ScannedMalformed[] }): { refs: ScannedDecision[]; malformed: ScannedMalformed[] } {
  if (result.refs.every((r) => r.paragraphs.length === 1)) return result;
  return { refs: result.refs.flatMap((r) => r.paragraphs.map((paragraph) => decision(r, paragraph, r.form, r.start, r.end, r.raw))), malformed: result.malformed };
}

/**
 * One scanned reference, written out field by field: an object spread with properties added
 * after it (`{ ...parts, form }`) takes V8's slow path, which was half the time of the
 * workspace index's scan of an archive's 87 000 footnotes.
 */
function decision(parts: DecisionParts & { paragraphs: readonly number[] }, paragraph: number, form: ReferenceForm, start: number, end: number, raw: string): ScannedDecision {
  return { organ: parts.organ, organName: parts.organName, paragraph, paragraphs: parts.paragraphs, date: parts.date, form, start, end, raw };
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
  const pieces = piecesOf(text);
  for (const { form, re, needs } of p.strict) {
    if (!needs(pieces)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parts = strictParts(form, m, organs, p.nameToAbbr);
      if (parts) refs.push(decision(parts, parts.paragraph, form, m.index, m.index + m[0].length, m[0]));
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
    p.loose.forEach(({ re, needs }, index) => {
      if (!needs(pieces)) return;
      // What earlier patterns took, sorted and without overlaps, searched by bisection;
      // one pattern's own matches never overlap each other (the search resumes after each).
      const taken = [...kept, ...malformed].sort((a, b) => a.start - b.start);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (overlapsAny(taken, span)) continue;
        const found = looseParts(index, m, organs, p.nameToAbbr);
        if (!found) continue;
        const suggestion = found.suggestion !== undefined
          ? found.suggestion
          : found.parts && (formatDecision(found.parts, options.style, found.paragraphs) ?? formatDecision(found.parts, 'A', found.paragraphs));
        malformed.push({ start: span.start, end: span.end, raw: m[0], suggestion, safe: found.safe && suggestion !== null });
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

type FoundParts = DecisionParts & { paragraphs: number[] };

function strictParts(form: ReferenceForm, m: RegExpExecArray, organs: OrganTable, nameToAbbr: Map<string, string>): FoundParts | null {
  if (form === 'D') return proseParts(m, organs, nameToAbbr);
  const paragraphs = parseParagraphs(form === 'A' ? m[2] : m[3]);
  if (!paragraphs) return null;
  if (form === 'A') {
    const date = parseIsoDate(m[3]);
    return date && { organ: m[1], organName: organs.get(m[1]) ?? null, paragraph: paragraphs[0], paragraphs, date };
  }
  if (form === 'B') {
    const date = parseIsoDate(m[2]);
    return date && { organ: m[1], organName: organs.get(m[1]) ?? null, paragraph: paragraphs[0], paragraphs, date };
  }
  const name = m[1].toLowerCase();
  // Form C names the organ in lower case as in running text; only a capital first letter
  // (sentence start) is tolerated, so `KOMMUNFULLMÄKTIGE` is not taken as a name.
  if (m[1].slice(1) !== m[1].slice(1).toLowerCase()) return null;
  const abbr = nameToAbbr.get(name);
  const date = parseIsoDate(m[2]) ?? parseSwedishDate(m[2].replace(/[ \t\u00a0]+/g, ' '));
  return date && { organ: abbr ?? name, organName: organs.get(abbr ?? '') ?? name, paragraph: paragraphs[0], paragraphs, date };
}

/** The organ a form D reference names: by abbreviation, by (genitive) name, or the body of a minute. */
function proseOrgan(groups: Record<string, string | undefined>, organs: OrganTable, nameToAbbr: Map<string, string>): { organ: string; organName: string | null } | null {
  if (groups.abbr !== undefined) return { organ: groups.abbr, organName: organs.get(groups.abbr) ?? null };
  const written = groups.name ?? groups.pname;
  let name: string | undefined;
  if (written !== undefined) name = written.replace(/[ \t\u00a0]+/g, ' ').toLowerCase();
  else if (groups.gen !== undefined) {
    // The genitive s is dropped unless the name itself ends in s (`kommunstyrelsens arbetsutskott`
    // has none added): the table decides which reading is a name.
    const gen = groups.gen.toLowerCase();
    name = nameToAbbr.has(gen) ? gen : gen.replace(/s$/u, '');
  }
  if (name === undefined) return null;
  const abbr = nameToAbbr.get(name);
  if (abbr) return { organ: abbr, organName: organs.get(abbr) ?? name };
  if (groups.pname !== undefined) {
    // `Protokoll från sammanträdet med socialnämnden …`: the organ is the known name the words end in.
    const words = name.split(' ');
    for (let i = 1; i < words.length; i++) {
      const known = nameToAbbr.get(words.slice(i).join(' '));
      if (known) return { organ: known, organName: organs.get(known) ?? null };
    }
  }
  // A minute may name a body the table does not know; it must still read as one, so that
  // `Protokoll fört vid sammanträdet 2019-01-24 § 15` is not taken for an organ.
  if (groups.pname === undefined || !BODY_WORD.test(name)) return null;
  return { organ: name, organName: name };
}

function proseParts(m: RegExpExecArray, organs: OrganTable, nameToAbbr: Map<string, string>): FoundParts | null {
  const groups = m.groups ?? {};
  const organ = proseOrgan(groups, organs, nameToAbbr);
  const paragraphs = parseParagraphs(groups.paras ?? groups.pparas ?? '');
  const written = groups.date ?? '';
  const date = parseIsoDate(written) ?? parseSwedishDate(written.replace(/[ \t\u00a0]+/g, ' '));
  if (!organ || !paragraphs || !date) return null;
  return { organ: organ.organ, organName: organ.organName, paragraph: paragraphs[0], paragraphs, date };
}

interface LooseFound {
  parts: DecisionParts | null;
  paragraphs?: number[];
  safe: boolean;
  /** A suggestion of its own (prose keeps the writer's words); otherwise one is made in the house style. */
  suggestion?: string | null;
}

function looseParts(index: number, m: RegExpExecArray, organs: OrganTable, nameToAbbr: Map<string, string>): LooseFound | null {
  if (index === 0) return looseProse(m, organs, nameToAbbr);
  index -= 1;
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
  const date = looseDate(y, mo, d);
  const paragraphs = parseParagraphs(paragraph);
  if (!date || !paragraphs) return { parts: null, safe: false };
  return { parts: { organ, organName, paragraph: paragraphs[0], date: date.date }, paragraphs, safe: date.safe };
}

/** A date written loosely: a two-digit year is completed (not safely), a three-digit one cannot be. */
function looseDate(y: string, mo: string, d: string): { date: CalendarDate; safe: boolean } | null {
  let safe = true;
  let year = Number(y);
  if (y.length === 2) {
    year = 2000 + year;
    safe = false;
  } else if (y.length !== 4) {
    return null;
  }
  const date = makeDate(year, Number(mo), Number(d));
  if (!date.valid) safe = false;
  return { date, safe };
}

/**
 * Prose written almost right (`KF:s beslut 2018-12-7 §153`). The suggestion keeps the writer's
 * words and mends only the date and the § sign, since a house-style rewrite would break the sentence.
 */
function looseProse(m: RegExpExecArray, organs: OrganTable, nameToAbbr: Map<string, string>): LooseFound | null {
  const g = m.groups ?? {};
  const pre = g.pre ?? '';
  const organ = proseOrgan(g, organs, nameToAbbr);
  if (!organ) return null;
  const date = looseDate(g.y ?? '', g.mo ?? '', g.d ?? '');
  const paragraphs = parseParagraphs(g.paras ?? '');
  if (!date || !paragraphs) return { parts: null, safe: false, suggestion: null };
  const words = pre.replace(/[ \t\u00a0]+/g, ' ').replace(/ ?,$/u, ',');
  const comma = (g.sep ?? '').includes(',') ? ',' : '';
  const suggestion = `${words} ${formatIsoDate(date.date)}${comma} ${formatParagraphs(paragraphs)}`;
  return { parts: { organ: organ.organ, organName: organ.organName, paragraph: paragraphs[0], date: date.date }, paragraphs, safe: date.safe, suggestion };
}
