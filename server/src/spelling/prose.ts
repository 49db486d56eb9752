import type { RootContent } from 'mdast';
import { nodeSpan } from '../model/parse.js';
import { runsIn, type AuditDocument, type Section, type Span } from '../model/types.js';
import { splitSentences } from './sentences.js';

/**
 * The prose of a report, sentence by sentence, for `mening-lang` and LIX. Prose is what a
 * reader reads as running text: paragraphs, lists and quotes. Headings, tables, code and
 * footnotes (mostly decision references) are not, and would skew the measures.
 */
export interface ProseSentence {
  span: Span;
  words: number;
  longWords: number;
}

export interface ProseStats {
  words: number;
  sentences: number;
  longWords: number;
  /** LIX (läsbarhetsindex), rounded to one decimal; null without any prose. */
  lix: number | null;
  /** Sentences of more than the configured number of words. */
  longSentences: number;
}

const PROSE_BLOCKS = new Set(['paragraph', 'list', 'blockquote']);

/**
 * Sentences per root-level block, with offsets relative to the block's start. The
 * incremental parse moves unchanged blocks into the next version, so a keystroke splits
 * only the paragraph it falls in.
 */
const cache = new WeakMap<RootContent, { start: number; end: number; words: number; longWords: number }[]>();

function blockSentences(doc: AuditDocument, node: RootContent): ProseSentence[] {
  const block = nodeSpan(node);
  return relativeSentences(doc, node, block).map((s) => ({ span: { start: block.start + s.start, end: block.start + s.end }, words: s.words, longWords: s.longWords }));
}

/** A block's sentences relative to its start, from the cache or split now. */
function relativeSentences(doc: AuditDocument, node: RootContent, block: Span): { start: number; end: number; words: number; longWords: number }[] {
  let rel = cache.get(node);
  if (!rel) {
    rel = [];
    const runs = runsIn(doc, block).filter((r) => r.footnote === null);
    // The runs joined into one text, with where each piece starts in the document.
    let joined = '';
    const pieces: { at: number; doc: number; exact: boolean }[] = [];
    let prevEnd = -1;
    for (const run of runs) {
      if (prevEnd >= 0) {
        const gap = doc.text.slice(prevEnd, run.start);
        // Separate list items and paragraphs are separate sentences even without a full stop.
        joined += /\n[ \t>]*\n|\n[ \t>]*(?:[-*+]|\d+[.)])[ \t]/.test(gap) ? '\n\n' : /\s/.test(gap) ? ' ' : '';
      }
      pieces.push({ at: joined.length, doc: run.start, exact: run.exact });
      joined += run.value;
      prevEnd = run.exact ? run.start + run.value.length : run.start;
    }
    const toDoc = (i: number): number => {
      // The last piece that starts at or before i, by binary search: a long list has many.
      let low = 0;
      let high = pieces.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (pieces[mid].at <= i) low = mid;
        else high = mid - 1;
      }
      const p = pieces[low];
      return p.exact ? p.doc + (i - p.at) : p.doc;
    };
    for (const s of splitSentences(joined)) {
      const start = toDoc(s.start);
      const end = Math.max(start, toDoc(Math.max(s.start, s.end - 1)) + 1);
      rel.push({ start: start - block.start, end: Math.min(end, block.end) - block.start, words: s.words, longWords: s.longWords });
    }
    cache.set(node, rel);
  }
  return rel;
}

/**
 * The sentences of more than `limit` words, for `mening-lang`: like `sentencesIn` with a
 * filter, but without making a sentence object for each of the report's thousands of
 * sentences at every keystroke.
 */
export function longSentencesIn(doc: AuditDocument, limit: number): ProseSentence[] {
  const out: ProseSentence[] = [];
  for (const node of doc.root.children) {
    if (!PROSE_BLOCKS.has(node.type)) continue;
    // A block split before needs no span unless it has a long sentence: reading every
    // block's position at every keystroke was most of this rule's time.
    const known = cache.get(node);
    if (known && !known.some((s) => s.words > limit)) continue;
    const block = nodeSpan(node);
    for (const s of known ?? relativeSentences(doc, node, block)) {
      if (s.words > limit) out.push({ span: { start: block.start + s.start, end: block.start + s.end }, words: s.words, longWords: s.longWords });
    }
  }
  return out;
}

/** The sentences of the root-level blocks [from, to). */
export function sentencesIn(doc: AuditDocument, from = 0, to = doc.root.children.length): ProseSentence[] {
  const out: ProseSentence[] = [];
  for (let i = from; i < to; i++) {
    const node = doc.root.children[i];
    if (PROSE_BLOCKS.has(node.type)) for (const s of blockSentences(doc, node)) out.push(s);
  }
  return out;
}

/** LIX = words per sentence + percentage of words longer than six letters. */
export function lix(words: number, sentences: number, longWords: number): number | null {
  if (words === 0 || sentences === 0) return null;
  return Math.round((words / sentences + (100 * longWords) / words) * 10) / 10;
}

export function statsOf(sentences: readonly ProseSentence[], maxWords: number): ProseStats {
  let words = 0;
  let longWords = 0;
  let longSentences = 0;
  for (const s of sentences) {
    words += s.words;
    longWords += s.longWords;
    if (s.words > maxWords) longSentences++;
  }
  return { words, sentences: sentences.length, longWords, lix: lix(words, sentences.length, longWords), longSentences };
}

export function documentStats(doc: AuditDocument, maxWords: number): ProseStats {
  return statsOf(sentencesIn(doc), maxWords);
}

/** Statistics of one chapter (a section with its subsections). */
export function sectionStats(doc: AuditDocument, section: Section, maxWords: number): ProseStats {
  return statsOf(sentencesIn(doc, section.first, section.end), maxWords);
}

/** How a LIX value reads, on the usual Swedish scale. */
export function lixBand(value: number): { sv: string; en: string } {
  if (value < 30) return { sv: 'mycket lättläst', en: 'very easy' };
  if (value < 40) return { sv: 'lättläst', en: 'easy' };
  if (value < 50) return { sv: 'medelsvår', en: 'medium' };
  if (value < 60) return { sv: 'svår (normalt för myndighetstext)', en: 'hard (normal for official text)' };
  return { sv: 'mycket svår', en: 'very hard' };
}

/** «LIX 54,2 (svår …) · 1 870 ord · 125 meningar · 1 lång mening», for hover, lens and status. */
export function describeStats(stats: ProseStats, locale: 'sv' | 'en', limit: number): string {
  const n = (x: number) => x.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB');
  if (stats.lix === null) return locale === 'sv' ? 'LIX – (ingen löptext)' : 'LIX – (no prose)';
  const band = lixBand(stats.lix)[locale];
  const lixText = stats.lix.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return locale === 'sv'
    ? `LIX ${lixText} (${band}) · ${n(stats.words)} ord · ${n(stats.sentences)} ${stats.sentences === 1 ? 'mening' : 'meningar'} · ${n(stats.longSentences)} över ${limit} ord`
    : `LIX ${lixText} (${band}) · ${n(stats.words)} words · ${n(stats.sentences)} ${stats.sentences === 1 ? 'sentence' : 'sentences'} · ${n(stats.longSentences)} over ${limit} words`;
}
