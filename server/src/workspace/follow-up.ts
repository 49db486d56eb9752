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

const ROW = /^[ \t]{0,3}\|(.*?)\|?[ \t]*$/;
const DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const STATUS_LINE = /^[ \t]*(?:\*\*|__)?Status(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?(.+?)(?:\*\*|__)?[ \t]*$/im;

/**
 * Where an uppföljning follows up recommendations (spec §3): each row of a table that has a
 * status column (a header cell «Status»), and each section with a `Status:` line. Table
 * rows are read line by line from the text: an uppföljning's tables are plain GFM rows.
 */
export function followUpsOf(doc: AuditDocument): FollowUp[] {
  return scanFollowUps(doc).followUps;
}

/**
 * The follow-ups and the follow-up tables (those with a «Status» column): each table's
 * columns and the end of its last line, where a fix appends rows.
 */
export function scanFollowUps(doc: AuditDocument): { followUps: FollowUp[]; tables: { columns: string[]; statusColumn: number; end: number }[] } {
  const out: FollowUp[] = [];
  const tables: { columns: string[]; statusColumn: number; end: number }[] = [];
  const lines = doc.lines;
  let statusColumn = -1;
  let inTable = false;
  // Frontmatter lines are YAML, never table rows.
  const first = doc.frontmatter ? lines.positionAt(doc.frontmatter.span.end).line + 1 : 0;
  for (let line = first; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const row = ROW.exec(text);
    if (!row) {
      inTable = false;
      statusColumn = -1;
      continue;
    }
    const end = lines.lineEnd(line);
    if (DELIMITER.test(text)) {
      if (statusColumn >= 0) tables[tables.length - 1].end = end;
      continue;
    }
    const cells = splitRow(row[1]);
    if (!inTable) {
      inTable = true;
      statusColumn = cells.findIndex((c) => normalizeLabel(c) === 'status');
      if (statusColumn >= 0) tables.push({ columns: cells, statusColumn, end });
      continue;
    }
    if (statusColumn < 0) continue;
    tables[tables.length - 1].end = end;
    out.push({ texts: cells.filter((_, i) => i !== statusColumn), status: cells[statusColumn] || null, span: { start: lines.lineStarts[line], end } });
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
  return { followUps: out, tables };
}

/** The cells of a table row without its outer pipes; an escaped `\\|` stays in its cell. */
function splitRow(inner: string): string[] {
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** A text as a table cell: pipes escaped, line breaks as spaces. */
export function tableCell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
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
