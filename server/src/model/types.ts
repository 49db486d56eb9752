import type { Root, RootContent, Table, Heading } from 'mdast';
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './text.js';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { ReferenceForm } from './decisions.js';
import type { CalendarDate } from './dates.js';
import type { Msg } from '../i18n.js';
import type { GradePlace, Profile } from '../profiles/types.js';
import type { Scale } from '../profiles/grades.js';

export const DOCUMENT_TYPES = ['granskningsrapport', 'förstudie', 'uppföljning', 'missiv'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** An offset span in the document text (UTF-16 code units, without a BOM). */
export interface Span {
  start: number;
  end: number;
}

export interface FrontmatterField {
  key: string;
  keySpan: Span;
  /** The plain JavaScript value YAML gives (strings stay strings: dates are not converted). */
  value: unknown;
  valueSpan: Span;
  /** Items of a sequence value with their spans, for per-item checks. */
  items?: { value: unknown; span: Span; fields?: Map<string, { value: unknown; keySpan: Span; valueSpan: Span }> }[];
}

export interface Frontmatter {
  /** The whole block from the opening to the closing `---`. */
  span: Span;
  /** Where the YAML text starts (after the opening line). */
  contentStart: number;
  fields: Map<string, FrontmatterField>;
  /** Syntax errors of the YAML, or a structure that is not a mapping. */
  errors: { message: string; span: Span }[];
  /** True when the file opens with `---` but no closing `---` follows. */
  unclosed: boolean;
  /** What was not read to keep the work bounded (too many YAML aliases), reported as `tolkning`. */
  limits?: { message: Msg; span: Span }[];
}

export interface Section {
  depth: number;
  /** Heading text as written (inline markup removed). */
  title: string;
  /** Heading text normalised for matching (spec §1). */
  key: string;
  heading: Heading;
  headingSpan: Span;
  /** From the heading to the start of the next heading of the same or a higher level. */
  span: Span;
  /** Indexes into `root.children`: the heading is at `first - 1`, content is [first, end). */
  first: number;
  end: number;
  children: Section[];
  parent: Section | null;
}

export interface SubSection {
  headingSpan: Span;
  title: string;
  /** Root-level content nodes of the subsection, including those under deeper headings. */
  content: RootContent[];
  span: Span;
}

export interface Assessment extends SubSection {
  /** The grade as written after `Bedömning:`, trimmed; empty when none. */
  gradeText: string;
  gradeSpan: Span | null;
  /** Where the grade was read (spec §13.4); undefined when there is none. */
  gradeFrom?: GradePlace;
}

/** A recommendation of a consolidated chapter (a list item), for profiles that gather them. */
export interface Recommendation {
  text: string;
  span: Span;
}

export interface ControlObjective {
  /** The number as written, or null when the heading has none (`Kontrollmål: …`). */
  number: number | null;
  numberSpan: Span | null;
  /** The text after `Kontrollmål N:`. */
  text: string;
  headingSpan: Span;
  span: Span;
  iakttagelser: SubSection | null;
  bedomning: Assessment | null;
  rekommendation: SubSection | null;
  /** Footnote references (resolved or not) that stand inside the kontrollmål. */
  footnoteRefs: FootnoteRef[];
  /** The unit's own section; null for units listed in the introduction (spec §13.2). */
  section: Section | null;
}

export interface FootnoteRef {
  label: string;
  /** Normalised label (case-insensitive comparison). */
  key: string;
  span: Span;
  /** False when remark-gfm left it as text because no definition exists. */
  defined: boolean;
}

export interface FootnoteDef {
  label: string;
  key: string;
  span: Span;
  /** Span of the `[^label]:` marker. */
  labelSpan: Span;
  /** The definition's text with markup removed. */
  text: string;
}

export interface DecisionRef {
  organ: string;
  organName: string | null;
  paragraph: number;
  date: CalendarDate;
  form: ReferenceForm;
  raw: string;
  span: Span;
  /** Whether a rewrite may replace `span`: see `MalformedRef.spanExact`. */
  spanExact: boolean;
  /** Normalised label of the footnote definition it stands in, or null in running text. */
  footnote: string | null;
}

export interface MalformedRef {
  raw: string;
  span: Span;
  /**
   * Whether the source of `span` spells `raw` through nothing but escapes and character
   * references, so that replacing the span rewrites exactly the reference. False when the
   * reference runs over a quote's `>` or an indentation that a rewrite would remove.
   */
  spanExact: boolean;
  suggestion: string | null;
  safe: boolean;
  footnote: string;
}

/** A run of plain text (a text node) with its source span, for scanning without walking the tree. */
export interface TextRun {
  value: string;
  start: number;
  /** Where the node's source ends; the source between `start` and `end` spells `value`. */
  end: number;
  /** Whether the source at `start` spells `value` exactly (no escapes or entities in between). */
  exact: boolean;
  /** Normalised label of the enclosing footnote definition, if any. */
  footnote: string | null;
}

export interface SummaryTable {
  table: Table;
  span: Span;
  /** Index of the Bedömning column. */
  gradeColumn: number;
  rows: { cells: string[]; span: Span }[];
  header: string[];
}

export interface InlineControl {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means all rules. */
  rules: string[];
  span: Span;
}

/** The typed model of one audit document version. Rules and features read only this. */
export interface AuditDocument {
  /** The text without a leading BOM. Offsets and positions refer to it. */
  text: string;
  lines: LineIndex;
  root: Root;
  frontmatter: Frontmatter | null;
  /** The `typ` when it is a known document type. */
  type: DocumentType | null;
  /** Level-1 sections with their nested subsections. */
  sections: Section[];
  /** The chapter holding the units (v1: `Iakttagelser och bedömningar`), when present. */
  findingsSection: Section | null;
  /** The assessed units (kontrollmål, revisionsfrågor, …) as the document's profile finds them. */
  controlObjectives: ControlObjective[];
  /** The house profile the document is read with (spec §13). */
  profile: Profile;
  /** Whether that is the default profile, under which version 1's exact checks apply. */
  defaultProfile: boolean;
  /** The document's grading scale, highest grade first. */
  scale: Scale;
  /** Recommendations of a consolidated chapter, for profiles that gather them (empty otherwise). */
  recommendations: Recommendation[];
  recommendationSection: Section | null;
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  decisions: DecisionRef[];
  malformedRefs: MalformedRef[];
  summaryTable: SummaryTable | null;
  textRuns: TextRun[];
  controls: InlineControl[];
  /** Pictures, Markdown's `![alt](src)` and the report's own `<img>` tags, in document order. */
  images: ImageRef[];
  /** Text the Markdown parser could not take as written (absurd nesting), reported as `tolkning`. */
  parseProblems: { span: Span; message: Msg }[];
}

/** A picture in the document, with the alternative text it gives (empty when none). */
export interface ImageRef {
  alt: string;
  src: string;
  /** The whole image: `![alt](src)` or the `<img …>` tag. */
  span: Span;
}

export function spanToRange(doc: AuditDocument, span: Span): Range {
  return doc.lines.range(span.start, span.end);
}

/**
 * The text runs that start inside a span, found by binary search: runs are in document
 * order, so a rule that looks at one section need not scan the whole document.
 */
export function runsIn(doc: AuditDocument, span: Span): TextRun[] {
  const runs = doc.textRuns;
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (runs[mid].start < span.start) low = mid + 1;
    else high = mid;
  }
  const out: TextRun[] = [];
  for (let i = low; i < runs.length && runs[i].start < span.end; i++) out.push(runs[i]);
  return out;
}

/** Where a match in a text run's value stands in the source. */
export interface SourceSpan {
  span: Span;
  /**
   * Whether the source of `span` spells the match through escapes (`\§`) and character
   * references (`&nbsp;`) only, so that an edit replacing the span rewrites exactly the
   * match. False when the match runs over text the value leaves out (a quote's `>`, the
   * indentation of a continuation line) or the run could not be mapped; then `span` is
   * still a true range to show, but no fix may replace it.
   */
  exact: boolean;
}

/** The document span of a match found in a text run. See `sourceSpanInRun`. */
export function spanInRun(doc: AuditDocument, run: TextRun, index: number, match: string): Span {
  return sourceSpanInRun(doc.text, run, index, match.length).span;
}

/**
 * The source span of `length` characters of a run's value starting at `index`. A run's value
 * can differ from its source: backslash escapes and character references are decoded, and
 * the markers of quotes and lists, the indentation of continuation lines and white space
 * before a line break are left out. The mapping from value to source is rebuilt from the
 * source between the run's start and end (and kept per run, since a run is mapped only
 * when a rule found something in it). Where it cannot be rebuilt, the span is the whole run.
 */
export function sourceSpanInRun(text: string, run: TextRun, index: number, length: number): SourceSpan {
  if (run.exact) return { span: { start: run.start + index, end: run.start + index + length }, exact: true };
  const pieces = runPieces(text, run);
  if (!pieces || index < 0 || index + length > run.value.length) return { span: { start: run.start, end: run.end }, exact: false };
  const { starts, ends } = pieces;
  const first = index;
  const last = index + length - 1;
  if (length === 0) {
    const at = run.start + (index < run.value.length ? starts[index] : ends[run.value.length - 1] ?? 0);
    return { span: { start: at, end: at }, exact: true };
  }
  let exact = true;
  // The match must begin and end at the edges of source pieces (not in the middle of a
  // reference that decodes to two code units), and each piece must follow the previous one.
  if (first > 0 && starts[first - 1] === starts[first]) exact = false;
  if (last + 1 < run.value.length && starts[last + 1] === starts[last]) exact = false;
  for (let i = first + 1; exact && i <= last; i++) {
    if (starts[i] !== starts[i - 1] && starts[i] !== ends[i - 1]) exact = false;
  }
  return { span: { start: run.start + starts[first], end: run.start + ends[last] }, exact };
}

/** For each code unit of a run's value, the source piece it comes from, relative to the run's start. */
interface RunPieces {
  starts: Int32Array;
  ends: Int32Array;
}

/** Mappings already made, per run; a run moves only as a whole, so offsets relative to its start stay true. */
const pieceCache = new WeakMap<TextRun, RunPieces | null>();

function runPieces(text: string, run: TextRun): RunPieces | null {
  let pieces = pieceCache.get(run);
  if (pieces === undefined) {
    pieces = alignRun(text, run.start, run.end, run.value);
    pieceCache.set(run, pieces);
  }
  return pieces;
}

/** ASCII punctuation, the characters a backslash escapes in CommonMark. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/**
 * Walks a text node's source and its value together: each code unit of the value comes
 * from a literal character, a backslash escape or a character reference; anything else in
 * the source may only be white space or a quote marker, which the parser leaves out of the
 * value. Returns null when the two cannot be aligned, so that no span is guessed.
 */
function alignRun(text: string, start: number, end: number, value: string): RunPieces | null {
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  let s = start;
  let v = 0;
  while (v < value.length) {
    if (s >= end) return null;
    const c = text[s];
    if (c === '\\' && s + 1 < end && ESCAPABLE.test(text[s + 1]) && value[v] === text[s + 1]) {
      starts[v] = s - start;
      ends[v] = s + 2 - start;
      v++;
      s += 2;
      continue;
    }
    if (c === '&') {
      const ref = characterReference(text, s, end);
      if (ref && ref.value.length > 0 && value.startsWith(ref.value, v)) {
        for (let k = 0; k < ref.value.length; k++) {
          starts[v + k] = s - start;
          ends[v + k] = ref.end - start;
        }
        v += ref.value.length;
        s = ref.end;
        continue;
      }
    }
    if (c === value[v]) {
      starts[v] = s - start;
      ends[v] = s + 1 - start;
      v++;
      s++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '>') {
      s++;
      continue;
    }
    return null;
  }
  for (; s < end; s++) if (text[s] !== ' ' && text[s] !== '\t' && text[s] !== '>') return null;
  return { starts, ends };
}

/** The character reference at `at` (`&nbsp;`, `&#45;`, `&#x2D;`) as micromark decodes it, or null. */
function characterReference(text: string, at: number, end: number): { value: string; end: number } | null {
  const m = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z0-9]{1,31}));/.exec(text.slice(at, Math.min(end, at + 40)));
  if (!m) return null;
  const value = m[1] !== undefined
    ? decodeNumericCharacterReference(m[1], 10)
    : m[2] !== undefined
      ? decodeNumericCharacterReference(m[2], 16)
      : decodeNamedCharacterReference(m[3]);
  return typeof value === 'string' ? { value, end: at + m[0].length } : null;
}
