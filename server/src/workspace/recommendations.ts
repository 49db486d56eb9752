import type { List, ListItem, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { AuditDocument, Span } from '../model/types.js';
import { NO_RECOMMENDATIONS } from '../rules/util.js';

/** One recommendation of a report, where it stands and what it concerns. */
export interface Recommendation {
  text: string;
  span: Span;
  /** The number of the unit it belongs to, or its place when it has none; 0 for a consolidated recommendation that names none. */
  unit: number;
  /** The kontrollmål's text and grade as written. */
  unitText: string;
  grade: string | null;
}

/**
 * The recommendations a report makes, found where its house profile (spec §13) places them:
 * the list items (or paragraphs) of each unit's Rekommendationer section, and, for profiles
 * that gather them in one chapter, that chapter's list items. This is the one place that
 * says so for the cross-document rules, the overview and the uppföljning.
 */
export function recommendationsOf(doc: AuditDocument): Recommendation[] {
  const out: Recommendation[] = [];
  if (doc.profile.recommendations.place === 'chapter') {
    // A consolidated list belongs to no one unit; an item naming one («revisionsfråga 2») is counted with it.
    const words = [...doc.profile.units.words, doc.profile.units.name].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const named = new RegExp(`(?:${words})\\s*(\\d+)(?!\\d)`, 'iu');
    for (const r of doc.recommendations) {
      const n = named.exec(r.text);
      const index = n ? doc.controlObjectives.findIndex((km, i) => (km.number ?? i + 1) === Number(n[1])) : -1;
      const km = index >= 0 ? doc.controlObjectives[index] : null;
      out.push({ text: r.text.replace(/\s+/g, ' ').trim(), span: r.span, unit: km ? km.number ?? index + 1 : 0, unitText: km?.text ?? '', grade: km?.bedomning?.gradeText || null });
    }
  }
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
