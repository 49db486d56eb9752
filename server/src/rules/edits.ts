import type { Root } from 'mdast';
import type { AuditDocument, ControlObjective, Section, Span } from '../model/types.js';
import { allSections, chapterSpec, findChapter } from '../model/units.js';
import type { SpanEdit } from './rule.js';

/**
 * Building blocks for fixes that insert text: they find the place a block belongs and add
 * the blank lines Markdown needs around it, so that every inserted block parses as meant.
 */

/** Where a kontrollmål's own content ends: before the footnote definitions that may follow it at the end of the file. */
export function contentEnd(doc: AuditDocument, span: Span): number {
  const root: Root = doc.root;
  let end = -1;
  for (const n of root.children) {
    const s = n.position?.start.offset ?? 0;
    if (s < span.start || s >= span.end) continue;
    if (n.type === 'footnoteDefinition' || n.type === 'definition') continue;
    end = Math.max(end, n.position?.end.offset ?? s);
  }
  if (end < 0) return span.end;
  const newline = doc.text.indexOf('\n', end);
  return newline < 0 || newline >= span.end ? Math.min(span.end, doc.text.length) : newline + 1;
}

/**
 * Inserts a block (text ending in one newline) at a position, with a blank line before and
 * after it. At the end of a line the block starts on the next line.
 */
export function insertBlock(doc: AuditDocument, at: number, block: string): SpanEdit {
  const text = doc.text;
  const before = text.slice(Math.max(0, at - 2), at);
  let prefix = '';
  if (at > 0) {
    if (!before.endsWith('\n')) prefix = '\n\n';
    else if (!before.endsWith('\n\n') && at > 1) prefix = '\n';
  }
  const after = text.slice(at, at + 1);
  const suffix = after === '' || after === '\n' ? '' : '\n';
  return { span: { start: at, end: at }, newText: prefix + block + suffix };
}

/** Appends a footnote definition line to the definitions at the end of the document. */
export function appendDefinition(doc: AuditDocument, line: string): SpanEdit {
  const text = doc.text;
  const at = text.length;
  const lastDef = doc.footnoteDefs.length > 0 ? doc.footnoteDefs[doc.footnoteDefs.length - 1] : null;
  // Directly after the last definition when it ends the file, otherwise as a block of its own.
  const endsWithDefinition = lastDef !== null && text.slice(lastDef.span.end).trim() === '';
  let prefix: string;
  if (endsWithDefinition) prefix = text.endsWith('\n') ? '' : '\n';
  else prefix = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : text.length > 0 ? '\n\n' : '';
  return { span: { start: at, end: at }, newText: `${prefix}${line}\n` };
}

/** The next free numeric footnote label: one more than the largest number in use. */
export function nextFootnoteLabel(doc: AuditDocument): string {
  let max = 0;
  for (const x of [...doc.footnoteDefs, ...doc.footnoteRefs]) if (/^\d+$/.test(x.label)) max = Math.max(max, Number(x.label));
  return String(max + 1);
}

/** Where a new subsection of a kontrollmål goes, keeping the order Iakttagelser, Bedömning, Rekommendationer. */
export function subsectionPosition(doc: AuditDocument, km: ControlObjective, which: 'iakttagelser' | 'bedomning' | 'rekommendation'): number {
  const end = contentEnd(doc, km.span);
  const firstSub = firstSubheading(doc, km);
  switch (which) {
    case 'iakttagelser':
      return firstSub ?? end;
    case 'bedomning':
      if (km.iakttagelser) return Math.min(contentEnd(doc, km.iakttagelser.span), end);
      return km.rekommendation ? km.rekommendation.headingSpan.start : end;
    case 'rekommendation':
      return km.bedomning ? Math.min(contentEnd(doc, km.bedomning.span), end) : end;
  }
}

function firstSubheading(doc: AuditDocument, km: ControlObjective): number | null {
  for (const n of doc.root.children) {
    const s = n.position?.start.offset ?? 0;
    if (s <= km.headingSpan.start || s >= km.span.end) continue;
    if (n.type === 'heading' && n.depth >= 3) return s;
  }
  return null;
}

/** Where the end of a section's own text is, before footnote definitions that may follow it at the end of the file. */
export function sectionEnd(doc: AuditDocument, section: Section): number {
  return contentEnd(doc, section.span);
}

/**
 * Where a unit's assessment goes when its profile assesses units in a final chapter (spec
 * §13.3): after the chapter's last part, as a heading at the level of the parts already
 * there. Without the chapter, a new one goes before the footnote definitions at the end.
 */
export function assessmentPartEdit(doc: AuditDocument, km: ControlObjective, index: number, body: string): SpanEdit {
  const profile = doc.profile;
  const spec = chapterSpec(profile, profile.assessment.chapter);
  const chapter = findChapter(doc.sections, spec);
  const word = profile.units.words[0] ?? profile.units.name;
  const title = `${word} ${km.number ?? index + 1}`;
  if (!chapter) {
    const at = contentEnd(doc, { start: 0, end: doc.text.length });
    return insertBlock(doc, at, `# ${spec?.name ?? 'Revisionell bedömning'}\n\n## ${title}\n\n${body}\n`);
  }
  const parts = allSections(chapter.children);
  const level = parts.length > 0 ? Math.max(2, Math.min(...parts.map((p) => p.depth))) : 2;
  const lastPart = [...doc.controlObjectives].reverse().map((u) => u.bedomning).find((b) => b && b.span.start >= chapter.span.start && b.span.end <= chapter.span.end);
  const at = lastPart ? contentEnd(doc, lastPart.span) : contentEnd(doc, chapter.span);
  return insertBlock(doc, at, `${'#'.repeat(level)} ${title}\n\n${body}\n`);
}

/** A recommendation added to the report's consolidated list, or a list of its own where the profile gathers them. */
export function consolidatedRecommendationEdit(doc: AuditDocument): SpanEdit {
  const section = doc.recommendationSection;
  const item = '- TODO: vad nämnden bör göra.\n';
  if (section) return insertBlock(doc, contentEnd(doc, section.span), item);
  const spec = chapterSpec(doc.profile, doc.profile.assessment.chapter);
  const chapter = findChapter(doc.sections, spec) ?? doc.sections[doc.sections.length - 1] ?? null;
  const at = chapter ? contentEnd(doc, chapter.span) : contentEnd(doc, { start: 0, end: doc.text.length });
  return insertBlock(doc, at, `## Rekommendationer\n\n${item}`);
}
