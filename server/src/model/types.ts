import type { Root, RootContent, Table, Heading } from 'mdast';
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './text.js';
import type { ReferenceForm } from './decisions.js';
import type { CalendarDate } from './dates.js';
import type { Msg } from '../i18n.js';

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
  /** Normalised label of the footnote definition it stands in, or null in running text. */
  footnote: string | null;
}

export interface MalformedRef {
  raw: string;
  span: Span;
  suggestion: string | null;
  safe: boolean;
  footnote: string;
}

/** A run of plain text (a text node) with its offset, for scanning without walking the tree. */
export interface TextRun {
  value: string;
  start: number;
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
  /** The `Iakttagelser och bedömningar` section, when present. */
  findingsSection: Section | null;
  controlObjectives: ControlObjective[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  decisions: DecisionRef[];
  malformedRefs: MalformedRef[];
  summaryTable: SummaryTable | null;
  textRuns: TextRun[];
  controls: InlineControl[];
  /** Text the Markdown parser could not take as written (absurd nesting), reported as `tolkning`. */
  parseProblems: { span: Span; message: Msg }[];
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

/**
 * The document span of a match found in a text run. A run's value can differ from its
 * source (escapes, character references, trailing spaces before a line break), so when it
 * does, the matched text is looked up in the source near the run; failing that, the span
 * is empty at the run's start, which is always a valid place to show.
 */
export function spanInRun(doc: AuditDocument, run: TextRun, index: number, match: string): Span {
  if (run.exact) return { start: run.start + index, end: run.start + index + match.length };
  const found = doc.text.indexOf(match, run.start);
  if (found >= 0 && found - run.start <= run.value.length + 256) return { start: found, end: found + match.length };
  return { start: run.start, end: run.start };
}
