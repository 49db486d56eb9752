import type { List, ListItem, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { AuditDocument, Span } from '../model/types.js';
import { NO_RECOMMENDATIONS } from '../rules/util.js';

/** One recommendation of a report, where it stands and what it concerns. */
export interface Recommendation {
  text: string;
  span: Span;
  /** The number of the kontrollmål it belongs to, or its place when it has none. */
  unit: number;
  /** The kontrollmål's text and grade as written. */
  unitText: string;
  grade: string | null;
}

/**
 * The recommendations a report makes. Today they are the list items (or paragraphs) of each
 * kontrollmål's Rekommendationer section. This is the one place that says so: when house
 * profiles (spec §13) place recommendations elsewhere, only this function learns where.
 */
export function recommendationsOf(doc: AuditDocument): Recommendation[] {
  const out: Recommendation[] = [];
  doc.controlObjectives.forEach((km, index) => {
    const unit = km.number ?? index + 1;
    const grade = km.bedomning?.gradeText || null;
    const add = (node: ListItem | Paragraph) => {
      const text = toString(node).replace(/\s+/g, ' ').trim();
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (text && start !== undefined && end !== undefined) out.push({ text, span: { start, end }, unit, unitText: km.text, grade });
    };
    for (const n of km.rekommendation?.content ?? []) {
      if (n.type === 'list') for (const item of (n as List).children) add(item);
      else if (n.type === 'paragraph' && !NO_RECOMMENDATIONS.test(toString(n).trim())) add(n as Paragraph);
    }
  });
  return out;
}

/** A recommendation's text for comparison: case, punctuation and white space do not count. */
export function recommendationKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Whether two recommendation texts are the same recommendation (one may be a shortened quote). */
export function sameRecommendation(a: string, b: string): boolean {
  const x = recommendationKey(a);
  const y = recommendationKey(b);
  if (x === '' || y === '') return false;
  return x === y || (Math.min(x.length, y.length) >= 20 && (x.includes(y) || y.includes(x)));
}
