import type { List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { stepInSentence, type Scale } from '../profiles/grades.js';
import { headingMatcher, type ChapterSpec, type Profile } from '../profiles/types.js';
import { normalizeLabel, stripSectionNumber } from './text.js';
import type { Assessment, ControlObjective, FootnoteRef, Recommendation, Section, Span, SubSection, SummaryTable } from './types.js';

/**
 * Finds a document's assessed units (kontrollmål, revisionsfrågor, delfrågor …) and each
 * unit's observations, assessment, grade and recommendations where its house profile
 * (spec §13) says they are. Reads only the top-level section tree and root-level blocks,
 * so it costs little per version. With the default profile it gives exactly what version 1
 * found. Never throws.
 */

export interface UnitsResult {
  /** The chapter holding the units (v1: «Iakttagelser och bedömningar»), for messages and completion. */
  findingsSection: Section | null;
  units: ControlObjective[];
  summaryTable: SummaryTable | null;
  /** Recommendations of a consolidated chapter, for profiles that gather them there. */
  recommendations: Recommendation[];
  /** The consolidated recommendations chapter or section, when the profile has one and it was found. */
  recommendationSection: Section | null;
}

/** Every section of a tree, depth first in document order. */
export function allSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const visit = (s: Section) => {
    out.push(s);
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}

/** The level-1 section a profile chapter names, found by its heading patterns. */
export function findChapter(sections: readonly Section[], chapter: ChapterSpec | undefined): Section | null {
  if (!chapter) return null;
  const matches = headingMatcher(chapter.headings);
  return sections.find((s) => s.depth === 1 && matches(s.key)) ?? null;
}

export function chapterSpec(profile: Profile, name: string | null): ChapterSpec | undefined {
  return name === null ? undefined : profile.chapters.find((c) => c.name === name);
}

/** Whether a heading key is a subsection heading such as «bedömning: delvis uppfyllt» of a pattern «bedömning». */
function leads(patterns: readonly string[]): (key: string) => string | null {
  const globbed = headingMatcher(patterns.filter((p) => p.includes('*')));
  const plain = patterns.filter((p) => !p.includes('*')).map((p) => p.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim());
  return (key) => {
    for (const p of plain) if (key === p || (key.startsWith(p) && !/[\p{L}\p{N}]/u.test(key.charAt(p.length)))) return p;
    return globbed(key) ? key : null;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function unitHeadingPattern(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}])\\s*(\\d+)?\\s*[:.–—-]?\\s*(.*)$`, 'iu');
}

function subsection(root: Root, s: Section): SubSection {
  const content = root.children.slice(s.first, s.end).filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'definition');
  return { headingSpan: s.headingSpan, title: s.title, content, span: s.span };
}

function span(n: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: n.position?.start.offset ?? 0, end: n.position?.end.offset ?? 0 };
}

export function buildUnits(text: string, root: Root, sections: readonly Section[], refs: readonly FootnoteRef[], profile: Profile, scale: Scale, v1: boolean): UnitsResult {
  const all = allSections(sections);
  const results = profile.units.chapter === '*' ? null : findChapter(sections, chapterSpec(profile, profile.units.chapter));
  const assessmentChapter = profile.assessment.chapter ? findChapter(sections, chapterSpec(profile, profile.assessment.chapter)) : null;
  const summaryTable = findSummaryTable(root, sections, profile, v1, assessmentChapter);
  const units: ControlObjective[] = [];
  // The references are sorted by start, so a unit's are found by halving, not by a pass over
  // all of them: an annual compilation has thousands of units and tens of thousands of references.
  const refsIn = (s: Span) => refs.slice(firstAtOrAfter(refs, s.start), firstAtOrAfter(refs, s.end));

  const unitFromSection = (section: Section, number: number | null, numberSpan: Span | null, unitText: string): ControlObjective => ({
    number, numberSpan, text: unitText, headingSpan: section.headingSpan, span: section.span,
    iakttagelser: null, bedomning: null, rekommendation: null, footnoteRefs: refsIn(section.span), section,
  });

  // 1. The units themselves.
  if (profile.units.discovery === 'listed') {
    for (const item of listedQuestions(root, sections, profile)) {
      units.push({
        number: units.length + 1, numberSpan: null, text: item.text, headingSpan: item.span, span: item.span,
        iakttagelser: null, bedomning: null, rekommendation: null, footnoteRefs: [], section: null,
      });
    }
  } else {
    const within = results ? [results] : profile.units.chapter === '*' ? sections.filter((s) => s.depth === 1) : [];
    const pattern = unitHeadingPattern(profile.units.words);
    const sub = new Set([...profile.observations.headings, ...profile.assessment.headings, ...profile.recommendations.headings].map((p) => p.toLowerCase()));
    const isSubHeading = leads([...sub]);
    for (const chapter of within) {
      for (const section of allSections(chapter.children)) {
        if (section.depth !== profile.units.level) continue;
        const title = strippedTitle(section);
        if (profile.units.discovery === 'numbered') {
          const m = pattern.exec(title);
          if (!m) continue;
          const source = text.slice(section.headingSpan.start, section.headingSpan.end);
          const numberMatch = new RegExp(`(?:${profile.units.words.map(escapeRegExp).join('|')})[ \\t]*(\\d+)`, 'iu').exec(source);
          const numberSpan = numberMatch && m[1] !== undefined
            ? { start: section.headingSpan.start + numberMatch.index + numberMatch[0].length - numberMatch[1].length, end: section.headingSpan.start + numberMatch.index + numberMatch[0].length }
            : null;
          units.push(unitFromSection(section, m[1] !== undefined ? Number(m[1]) : null, numberSpan, m[2].trim()));
        } else if (profile.units.discovery === 'questions') {
          if (!/\?\s*$/.test(title)) continue;
          units.push(unitFromSection(section, null, null, title.trim()));
        } else {
          if (isSubHeading(section.key)) continue;
          const m = pattern.exec(title);
          units.push(unitFromSection(section, m?.[1] !== undefined ? Number(m[1]) : null, null, m ? m[2].trim() || title.trim() : title.trim()));
        }
      }
    }
  }

  // 2. Each unit's parts.
  const isObservations = leads(profile.observations.headings);
  const isAssessment = leads(profile.assessment.headings);
  const isRecommendation = leads(profile.recommendations.headings);
  const parts = profile.assessment.place === 'chapter' && assessmentChapter ? assessmentParts(assessmentChapter, units, profile) : new Map<ControlObjective, Section>();
  for (const unit of units) {
    const section = unit.section;
    const subs = section ? section.children.filter((s) => s.depth === profile.units.level + 1) : [];
    if (profile.observations.place === 'subsection') {
      for (const s of subs) if (isObservations(s.key) === s.key && !unit.iakttagelser) unit.iakttagelser = subsection(root, s);
    }
    if (profile.recommendations.place === 'unit') {
      for (const s of subs) if (!unit.rekommendation && isRecommendation(s.key) === s.key) unit.rekommendation = subsection(root, s);
    }
    if (profile.assessment.place === 'subsection') {
      for (const s of subs) {
        const lead = isAssessment(s.key);
        if (lead !== null && !unit.bedomning) unit.bedomning = assessmentOf(text, root, s, lead, profile, scale);
      }
    } else if (profile.assessment.place === 'unit' && section) {
      // A unit heading with nothing written under it has no assessment, rather than one without a grade.
      const assessment = proseAssessment(text, root, section, unit.headingSpan, profile, scale, [isRecommendation]);
      if (assessment.content.some((n) => n.type !== 'html')) unit.bedomning = assessment;
    } else if (profile.assessment.place === 'chapter') {
      const part = parts.get(unit);
      if (part) {
        unit.bedomning = proseAssessment(text, root, part, part.headingSpan, profile, scale, [isRecommendation]);
        unit.footnoteRefs = [...unit.footnoteRefs, ...refsIn(part.span)];
        if (profile.recommendations.place === 'unit' && !unit.rekommendation) {
          for (const s of part.children) if (isRecommendation(s.key) === s.key) unit.rekommendation ??= subsection(root, s);
        }
      }
    }
    if (profile.observations.place === 'unit' && section) {
      const stop = section.children.find((s) => isAssessment(s.key) !== null || isRecommendation(s.key) === s.key);
      const end = stop ? stop.first - 1 : section.end;
      const content = root.children.slice(section.first, end).filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'definition');
      unit.iakttagelser = { headingSpan: section.headingSpan, title: section.title, content, span: { start: section.headingSpan.start, end: stop ? stop.headingSpan.start : section.span.end } };
    } else if (profile.observations.place === 'chapter') {
      // Units assessed in their own text stand in the assessment chapter; their observations are the other chapters'.
      const chapters = results && profile.assessment.place !== 'unit' ? [results] : observationChapters(sections, profile, results);
      const content = chapters.flatMap((c) => root.children.slice(c.first, c.end).filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'definition'));
      if (chapters.length > 0) unit.iakttagelser = { headingSpan: chapters[0].headingSpan, title: chapters[0].title, content, span: chapters[0].span };
    }
  }

  // 3. Grades from the summary table, for profiles that accept them there.
  if (summaryTable && profile.assessment.grade.includes('table')) {
    // A row of the summary chapter's table gives a grade to an assessment written elsewhere; it
    // is the assessment itself only where the profile assesses in the table, or where the table
    // stands in the assessment chapter and no unit has a part of its own there («Svar på
    // respektive revisionsfråga» as a table). So a unit whose assessment is missing is still
    // reported when only a table lists its grade.
    const tableAssesses = profile.assessment.place === 'table'
      || (assessmentChapter !== null && parts.size === 0 && summaryTable.span.start >= assessmentChapter.span.start && summaryTable.span.end <= assessmentChapter.span.end);
    units.forEach((unit, i) => {
      if (unit.bedomning?.gradeText) return;
      if (!unit.bedomning && !tableAssesses) return;
      const row = summaryTable.rows.find((r) => rowNames(r.cells[0] ?? '', unit, i, profile)) ?? (summaryTable.rows.length === units.length ? summaryTable.rows[i] : undefined);
      const cell = row?.cells[summaryTable.gradeColumn]?.trim();
      if (!row || !cell) return;
      const base = unit.bedomning ?? { headingSpan: unit.headingSpan, title: unit.text, content: [], span: unit.headingSpan, gradeText: '', gradeSpan: null };
      unit.bedomning = { ...base, gradeText: cell, gradeSpan: row.span, gradeFrom: 'table' };
    });
  }

  // 4. Consolidated recommendations.
  let recommendationSection: Section | null = null;
  const recommendations: Recommendation[] = [];
  if (profile.recommendations.place === 'chapter') {
    const matches = headingMatcher(profile.recommendations.chapter);
    const named = profile.chapters.filter((c) => profile.recommendations.chapter.includes(c.name)).map((c) => findChapter(sections, c)).filter((s): s is Section => s !== null);
    const found = [...named, ...all.filter((s) => matches(s.key))];
    // A section inside another found one is already covered by it.
    const top = found.filter((s, i) => found.findIndex((o) => o === s) === i && !found.some((o) => o !== s && o.span.start <= s.span.start && s.span.end <= o.span.end));
    recommendationSection = top[0] ?? null;
    for (const s of top) {
      for (const n of root.children.slice(s.first, s.end)) {
        if (n.type !== 'list') continue;
        for (const item of (n as List).children) {
          const t = toString(item).trim();
          if (t) recommendations.push({ text: t, span: span(item) });
        }
      }
    }
    recommendations.sort((a, b) => a.span.start - b.span.start);
  }

  return { findingsSection: results, units, summaryTable, recommendations, recommendationSection };
}

/** The chapters between the introduction and the assessment chapter: where a report's observations stand when units are listed. */
function observationChapters(sections: readonly Section[], profile: Profile, unitsChapter: Section | null): Section[] {
  const known = profile.chapters.map((c) => findChapter(sections, c)).filter((s): s is Section => s !== null);
  const assessment = profile.assessment.chapter ? findChapter(sections, chapterSpec(profile, profile.assessment.chapter)) : null;
  const summary = findChapter(sections, profile.chapters.find((c) => c.headings.some((h) => h.startsWith('sammanfatt'))));
  return sections.filter((s) => s.depth === 1 && s !== assessment && s !== summary && s !== unitsChapter && !(known.includes(s) && s.children.length === 0 && s.first === s.end) && !/^(inledning|bakgrund|syfte|avgränsning|revisionskriterier|metod|ansvarig|projektorganisation|bilag|källförteckning|referenser)/u.test(s.key));
}

/**
 * The questions a profile with listed units names in its revisionsfråga section: each item of
 * its lists that asks a question, or else each sentence ending in «?».
 */
function listedQuestions(root: Root, sections: readonly Section[], profile: Profile): { text: string; span: Span }[] {
  const matches = headingMatcher(profile.question.headings);
  const within = profile.question.within ? findChapter(sections, chapterSpec(profile, profile.question.within)) : null;
  // Under its chapter, or else a top-level chapter of its own (a summary's subsection that
  // mentions revisionsfrågor is not where they are listed).
  const candidates = within ? allSections(within.children) : sections.filter((s) => s.depth === 1);
  const section = candidates.find((s) => matches(s.key));
  if (!section) return [];
  const out: { text: string; span: Span }[] = [];
  for (const n of root.children.slice(section.first, section.end)) {
    if (n.type !== 'list') continue;
    for (const item of (n as List).children as ListItem[]) {
      const t = toString(item).replace(/\s+/g, ' ').trim();
      if (/\?/.test(t)) out.push({ text: t, span: span(item) });
    }
  }
  return out;
}

/** Parts of the assessment chapter that each name a unit: by number («Revisionsfråga 2», «2.»), by text, or in order. */
function assessmentParts(chapter: Section, units: readonly ControlObjective[], profile: Profile): Map<ControlObjective, Section> {
  const out = new Map<ControlObjective, Section>();
  const isSkip = leads(profile.recommendations.headings);
  const candidates = allSections(chapter.children).filter((s) => isSkip(s.key) === null && !headingMatcher(profile.recommendations.chapter)(s.key));
  const used = new Set<Section>();
  units.forEach((unit, i) => {
    const found = candidates.find((s) => !used.has(s) && rowNames(strippedTitle(s), unit, i, profile));
    if (found) {
      used.add(found);
      out.set(unit, found);
    }
  });
  // When no heading names its unit but there is one part per unit at one level, they are taken in order.
  if (out.size === 0) {
    const level = candidates.length > 0 ? Math.min(...candidates.map((c) => c.depth)) : 0;
    const same = candidates.filter((c) => c.depth === level);
    if (same.length === units.length) units.forEach((u, i) => out.set(u, same[i]));
  }
  return out;
}

/** Whether a table cell or part heading names a unit: «Kontrollmål 2», «2», «Revisionsfråga 2: …» or the unit's own text. */
export function rowNames(cell: string, unit: ControlObjective, index: number, profile: Profile): boolean {
  const c = normalizeLabel(cell).replace(/[\s.:;,?]+$/u, '');
  if (c === '') return false;
  const n = String(unit.number ?? index + 1);
  const words = [...profile.units.words, 'kontrollmål', 'revisionsfråga', 'fråga', 'delfråga'].map((w) => w.toLowerCase());
  const numbered = new RegExp(`^(?:(?:${words.map(escapeRegExp).join('|')})\\s*)?(\\d+)(?![\\d])\\.?`, 'u').exec(c);
  if (numbered) return numbered[1] === n;
  const t = normalizeLabel(unit.text).replace(/[\s.:;,?]+$/u, '');
  return t !== '' && (c === t || (c.length >= 12 && t.startsWith(c)) || (t.length >= 12 && c.startsWith(t)));
}

const BOLD_LEAD = /^\s*(?:bedömning|vår bedömning|revisionell bedömning|svar|slutsats|status)\s*[:–—-]?\s*$/iu;

/**
 * An assessment written in prose: the unit's own text or its part in the final chapter. The
 * grade is read from a bold lead (`**Bedömning:** Delvis uppfyllt`) or from the first
 * sentence that states a grade of the scale, as the profile allows.
 */
function proseAssessment(text: string, root: Root, section: Section, at: Span, profile: Profile, scale: Scale, stops: ((key: string) => string | null)[]): Assessment {
  const stop = section.children.find((s) => stops.some((f) => f(s.key) === s.key));
  const end = stop ? stop.first - 1 : section.end;
  const content = root.children.slice(section.first, end).filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'definition');
  const assessment: Assessment = { headingSpan: at, title: section.title, content, span: { start: section.headingSpan.start, end: stop ? stop.headingSpan.start : section.span.end }, gradeText: '', gradeSpan: null };
  const grade = gradeInProse(text, content, profile, scale);
  if (grade) Object.assign(assessment, grade);
  return assessment;
}

type ProseGrade = Pick<Assessment, 'gradeText' | 'gradeSpan' | 'gradeFrom'>;

/**
 * The grade an assessment's opening paragraph states, kept per paragraph node with the
 * offset it was read at: the incremental parse moves an unchanged paragraph into the next
 * version, and every unit's grade is read again at every keystroke. Only a result that
 * depends on the paragraph's own text is kept (see `paragraphGrade`).
 */
const gradeCache = new WeakMap<Paragraph, { grade: Profile['assessment']['grade']; scale: Scale; offset: number; result: ProseGrade | null }>();

function gradeInProse(text: string, content: readonly RootContent[], profile: Profile, scale: Scale): ProseGrade | null {
  // Only the assessment's opening paragraph states its grade.
  const n = content.find((c): c is Paragraph => c.type === 'paragraph');
  if (!n) return null;
  const offset = span(n).start;
  const known = gradeCache.get(n);
  if (known && known.grade === profile.assessment.grade && sameScale(known.scale, scale)) {
    const r = known.result;
    const d = offset - known.offset;
    return r && { ...r, gradeSpan: r.gradeSpan && { start: r.gradeSpan.start + d, end: r.gradeSpan.end + d } };
  }
  const { result, local } = paragraphGrade(text, n, profile, scale);
  if (local) gradeCache.set(n, { grade: profile.assessment.grade, scale, offset, result: result && { ...result, gradeSpan: result.gradeSpan && { ...result.gradeSpan } } });
  return result;
}

/** Whether two scales read the same grades from the same words (each version resolves its scale anew). */
function sameScale(a: Scale, b: Scale): boolean {
  if (a === b) return true;
  if (a.steps.length !== b.steps.length) return false;
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.steps.every((s, i) => s.name === b.steps[i].name && same(s.phrases, b.steps[i].phrases) && same(s.symbols, b.steps[i].symbols));
}

/**
 * The grade a paragraph states, and whether it depends only on the paragraph's own text
 * (not on text after it, where a grade's words are looked up in the source when the
 * paragraph's text differs from it).
 */
function paragraphGrade(text: string, n: Paragraph, profile: Profile, scale: Scale): { result: ProseGrade | null; local: boolean } {
  if (profile.assessment.grade.includes('bold')) {
    const first = n.children[0];
    if (first && first.type === 'strong') {
      const lead = toString(first);
      const m = /^\s*(?:bedömning|vår bedömning|revisionell bedömning|svar|slutsats|status)\s*[:–—-]\s*(.+)$/iu.exec(lead);
      if (m) return { result: { gradeText: m[1].trim(), gradeSpan: span(first), gradeFrom: 'bold' }, local: true };
      if (BOLD_LEAD.test(lead)) {
        const rest = toString({ type: 'paragraph', children: n.children.slice(1) }).replace(/^[\s:–—-]+/u, '');
        const sentence = rest.split(/(?<=[.!?])\s/u)[0].trim().replace(/[.!?]$/u, '');
        const after = n.children[1];
        if (sentence) return { result: { gradeText: sentence, gradeSpan: after ? { start: span(after).start, end: span(n).end } : span(first), gradeFrom: 'bold' }, local: true };
      }
    }
  }
  if (profile.assessment.grade.includes('sentence')) {
    const whole = toString(n);
    const sentences = whole.split(/(?<=[.!?])\s+/u);
    for (const sentence of sentences.slice(0, 2)) {
      const found = stepInSentence(sentence, scale);
      if (!found) continue;
      const written = sentence.slice(found.index, found.index + found.length);
      const at = text.indexOf(written, span(n).start);
      return {
        result: { gradeText: found.step.name, gradeSpan: at >= 0 && at < span(n).end ? { start: at, end: at + written.length } : span(n), gradeFrom: 'sentence' },
        local: at >= 0 && at + written.length <= span(n).end,
      };
    }
  }
  return { result: null, local: true };
}

function assessmentOf(text: string, root: Root, s: Section, lead: string, profile: Profile, scale: Scale): Assessment {
  const title = strippedTitle(s);
  const gradeText = title.slice(Math.min(title.length, lead.length)).replace(/^\s*[:–—-]?\s*/u, '').trim();
  let gradeSpan: Span | null = null;
  if (gradeText && profile.assessment.grade.includes('heading')) {
    const source = text.slice(s.headingSpan.start, s.headingSpan.end);
    const at = source.lastIndexOf(gradeText);
    gradeSpan = at >= 0 ? { start: s.headingSpan.start + at, end: s.headingSpan.start + at + gradeText.length } : s.headingSpan;
    return { ...subsection(root, s), gradeText, gradeSpan, gradeFrom: 'heading' };
  }
  const sub = subsection(root, s);
  const prose = profile.assessment.grade.some((g) => g === 'bold' || g === 'sentence') ? gradeInProse(text, sub.content, profile, scale) : null;
  return { ...sub, gradeText: prose?.gradeText ?? '', gradeSpan: prose?.gradeSpan ?? null, gradeFrom: prose?.gradeFrom };
}

/**
 * The summary table (spec §7): a GFM table in the summary chapter whose first header cell is
 * «Kontrollmål», «Nr», «Revisionsfråga» or the profile's name for its units, with a grade
 * column. Other profiles also look in their assessment chapter, where some houses put it.
 */
function findSummaryTable(root: Root, sections: readonly Section[], profile: Profile, v1: boolean, assessmentChapter: Section | null): SummaryTable | null {
  const places = sections.filter((s) => s.depth === 1 && (s.key.startsWith('sammanfattning') || (!v1 && (s.key.startsWith('sammanfattande') || s === assessmentChapter))));
  for (const section of places) {
    for (let i = section.first; i < section.end; i++) {
      const node = root.children[i];
      if (node.type !== 'table') continue;
      const table = node as Table;
      const cells = tableCells(table);
      const header = cells[0] ?? [];
      if (header.length === 0 || !profile.summaryHeaders.includes(normalizeLabel(header[0]))) continue;
      const gradeColumn = header.findIndex((h, c) => c > 0 && profile.gradeHeaders.includes(normalizeLabel(h)));
      if (gradeColumn < 0) continue;
      return {
        table,
        span: span(table),
        gradeColumn,
        header,
        rows: table.children.slice(1).map((row, i) => ({ cells: cells[i + 1], span: span(row) })),
      };
    }
  }
  return null;
}

/**
 * The text of each cell of a table, row by row, kept per table node: the incremental parse
 * moves an unchanged table into the next version, and the summary table is looked for at
 * every keystroke. Callers must not change the arrays.
 */
const cellCache = new WeakMap<Table, string[][]>();

function tableCells(table: Table): string[][] {
  let cells = cellCache.get(table);
  if (!cells) {
    cells = table.children.map((row) => row.children.map((c) => toString(c).trim()));
    cellCache.set(table, cells);
  }
  return cells;
}

/** `stripSectionNumber` of a section's title, kept per heading node for the same reason. */
const strippedCache = new WeakMap<Section['heading'], string>();

function strippedTitle(section: Section): string {
  let t = strippedCache.get(section.heading);
  if (t === undefined) {
    t = stripSectionNumber(section.title);
    strippedCache.set(section.heading, t);
  }
  return t;
}

/** The index of the first reference starting at or after `offset`, in references sorted by start. */
function firstAtOrAfter(refs: readonly FootnoteRef[], offset: number): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (refs[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
