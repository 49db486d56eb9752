import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeLabel } from '../model/text.js';
import { agreementKey, resolveStep } from '../profiles/grades.js';
import type { AuditDocument, ControlObjective, FrontmatterField, Span } from '../model/types.js';

/** A span covering only the first line of another, for findings «on a line». */
export function lineSpan(doc: AuditDocument, line: number): Span {
  const l = Math.max(0, Math.min(line, doc.lines.lineCount - 1));
  return { start: doc.lines.lineStarts[l], end: doc.lines.lineEnd(l) };
}

export function firstLine(doc: AuditDocument): Span {
  return lineSpan(doc, 0);
}

/** How a kontrollmål is named in messages: by its number, or by its place when it has none. */
export function kmName(km: ControlObjective, index: number): string {
  return String(km.number ?? index + 1);
}

/** Whether content holds anything a reader can read: a paragraph, list, table, quote or code. */
export function hasBodyContent(nodes: readonly RootContent[]): boolean {
  return nodes.some((n) =>
    (n.type === 'paragraph' || n.type === 'list' || n.type === 'table' || n.type === 'blockquote' || n.type === 'code' || n.type === 'html' && !/^<!--[\s\S]*-->$/.test(n.value.trim())) &&
    hasText(n),
  );
}

/**
 * Whether a node holds any text but white space, kept per node: rules ask it of each unit's
 * first blocks at every keystroke, and the incremental parse moves unchanged nodes (and so
 * their answers) into the next version.
 */
const textful = new WeakMap<Nodes, boolean>();

export function hasText(n: Nodes): boolean {
  let known = textful.get(n);
  if (known === undefined) {
    known = toString(n).trim().length > 0;
    textful.set(n, known);
  }
  return known;
}

/** The sole paragraph that says a kontrollmål needs no recommendations (spec §4). */
export const NO_RECOMMENDATIONS = /^(inga rekommendationer|ingen rekommendation)\.?$/i;

/** The key grades compare by in a document: v1's under the default profile, agreement-free under others. */
export function gradeKey(doc: AuditDocument, text: string): string {
  return doc.defaultProfile ? normalizeLabel(text) : agreementKey(text);
}

export function field(doc: AuditDocument, key: string): FrontmatterField | undefined {
  return doc.frontmatter?.fields.get(key);
}

/** Whether the frontmatter exists and was readable, so that field rules have something to judge. */
export function frontmatterReadable(doc: AuditDocument): boolean {
  return !!doc.frontmatter && !doc.frontmatter.unclosed && doc.frontmatter.errors.length === 0;
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

export function isReport(doc: AuditDocument): boolean {
  return doc.type === 'granskningsrapport' || doc.type === 'uppföljning';
}

/** How a unit is named in messages: «Kontrollmål 2», «Revisionsfråga 3», by the document's profile. */
export function unitName(doc: AuditDocument, km: ControlObjective, index: number): string {
  return `${doc.profile.units.name} ${kmName(km, index)}`;
}

/** The same in running text: «kontrollmål 2», «revisionsfråga 3». */
export function unitNameLower(doc: AuditDocument, km: ControlObjective, index: number): string {
  return `${doc.profile.units.name.toLowerCase()} ${kmName(km, index)}`;
}

/**
 * The scale grade a text names, for checking that a grade is on the scale: under the default
 * profile as version 1 did (case and white space only, so «Uppfylld» is off the scale and the
 * fix offers «Uppfyllt»); under other profiles also ignoring adjective agreement and by the
 * scale's symbols (spec §4 and §13.4).
 */
export function gradeOnScale(doc: AuditDocument, text: string): string | null {
  return resolveStep(text, doc.scale, !doc.defaultProfile)?.name ?? null;
}

/**
 * Two grades compared as spec §4 v2 says: ignoring case, white space and adjective
 * agreement. Under the default profile as version 1 did (case and white space only), so that
 * version 1 documents keep their exact diagnostics.
 */
export function sameGrade(doc: AuditDocument, a: string, b: string): boolean {
  if (doc.defaultProfile) return normalizeLabel(a) === normalizeLabel(b);
  const sa = resolveStep(a, doc.scale, true)?.name ?? a;
  const sb = resolveStep(b, doc.scale, true)?.name ?? b;
  return agreementKey(sa) === agreementKey(sb);
}

/** The grade of a list a text names, compared ignoring case and white space; null when none (follow-up statuses, say). */
export function resolveGrade(text: string, grades: readonly string[]): string | null {
  const key = normalizeLabel(text);
  return grades.find((g) => normalizeLabel(g) === key) ?? null;
}
