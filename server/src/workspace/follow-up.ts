import type { AuditDocument, Section, Span } from '../model/types.js';
import { normalizeLabel } from '../model/text.js';
import { sameRecommendation } from './recommendations.js';

/** A place in an uppföljning that follows up a recommendation: a table row or a section. */
export interface FollowUp {
  /** The cells of the row, or the section's heading and its `Status:` line. */
  texts: string[];
  /** The status as written, or null when none was found. */
  status: string | null;
  span: Span;
}

const ROW = /^[ \t]{0,3}\|(.*)\|?[ \t]*$/;
const DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const STATUS_LINE = /^[ \t]*(?:\*\*|__)?Status(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?(.+?)(?:\*\*|__)?[ \t]*$/im;

/**
 * Where an uppföljning follows up recommendations (spec §3): each row of a table that has a
 * status column (a header cell «Status»), and each section with a `Status:` line. Table
 * rows are read line by line from the text: an uppföljning's tables are plain GFM rows.
 */
export function followUpsOf(doc: AuditDocument): FollowUp[] {
  const out: FollowUp[] = [];
  const lines = doc.lines;
  let statusColumn = -1;
  let inTable = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const row = ROW.exec(text);
    if (!row) {
      inTable = false;
      statusColumn = -1;
      continue;
    }
    if (DELIMITER.test(text)) continue;
    const cells = row[1].split('|').map((c) => c.trim());
    if (!inTable) {
      inTable = true;
      statusColumn = cells.findIndex((c) => normalizeLabel(c) === 'status');
      continue;
    }
    if (statusColumn < 0) continue;
    out.push({ texts: cells.filter((_, i) => i !== statusColumn), status: cells[statusColumn] || null, span: { start: lines.lineStarts[line], end: lines.lineEnd(line) } });
  }
  const visit = (sections: readonly Section[]) => {
    for (const s of sections) {
      const own = doc.text.slice(s.headingSpan.end, s.children[0]?.headingSpan.start ?? s.span.end);
      const status = STATUS_LINE.exec(own);
      if (status) out.push({ texts: [s.title.replace(/^rekommendation(?:[ \t]+\d+)?[ \t]*[:.–-][ \t]*/i, ''), own], status: status[1].trim(), span: s.headingSpan });
      visit(s.children);
    }
  };
  visit(doc.sections);
  return out;
}

/** The follow-up of one recommendation, if the uppföljning has one. */
export function followUpOf(followUps: readonly FollowUp[], recommendation: string): FollowUp | undefined {
  return followUps.find((f) => f.texts.some((t) => sameRecommendation(t, recommendation)));
}

/** The paths in `tidigare`, with the span to report each on. */
export function earlierReports(doc: AuditDocument): { path: string; span: Span }[] | null {
  const f = doc.frontmatter?.fields.get('tidigare');
  if (!f) return null;
  if (typeof f.value === 'string') return f.value.trim() ? [{ path: f.value.trim(), span: f.keySpan }] : [];
  if (Array.isArray(f.value)) {
    return f.value.flatMap((v, i) => (typeof v === 'string' && v.trim() ? [{ path: v.trim(), span: f.items?.[i]?.span ?? f.keySpan }] : []));
  }
  return [];
}
