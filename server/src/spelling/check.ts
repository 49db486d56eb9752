import type { RootContent } from 'mdast';
import type { GranskaConfig } from '../config/config.js';
import { nodeSpan } from '../model/parse.js';
import { runsIn, spanInRun, type AuditDocument, type Span } from '../model/types.js';
import type { Speller } from './speller.js';
import { builtinVocabulary, Vocabulary } from './vocabulary.js';
import { isAcronym, tokenize } from './words.js';

export interface Misspelling {
  span: Span;
  word: string;
}

/** A word Hunspell rejects, relative to its block's start, with whether a full stop follows. */
interface Candidate {
  start: number;
  end: number;
  word: string;
  dot: boolean;
}

/**
 * Hunspell's rejections per root-level block. They do not depend on any word list, so a
 * change of the project's list or the document's names re-filters them without asking
 * Hunspell again; and the incremental parse moves unchanged blocks into the next version,
 * so a keystroke re-checks one paragraph.
 */
const cache = new WeakMap<RootContent, { speller: Speller; candidates: Candidate[] }>();

/** Blocks that hold no prose: their words are code, markup or YAML. */
const SKIPPED = new Set(['yaml', 'code', 'html', 'definition', 'thematicBreak']);

/** The comment that lists words to accept in one document: `<!-- granska-ord: RockCity, Hultsfredsmodellen -->`. */
export const IGNORE_COMMENT = /<!--\s*granska-ord:?([\s\S]*?)-->/g;

export function misspellings(doc: AuditDocument, config: GranskaConfig, speller: Speller): Misspelling[] {
  const known = [builtinVocabulary(), projectVocabulary(config), documentVocabulary(doc)];
  const knows = (w: string) => known.some((v) => v.has(w));
  const excluded = [...doc.decisions.map((d) => d.span), ...doc.malformedRefs.map((d) => d.span)];
  const out: Misspelling[] = [];
  for (const node of doc.root.children) {
    if (SKIPPED.has(node.type)) continue;
    let entry = cache.get(node);
    // Most blocks have no candidate at all; their position is not even read.
    if (entry && entry.speller === speller && entry.candidates.length === 0) continue;
    const block = nodeSpan(node);
    if (!entry || entry.speller !== speller) {
      entry = { speller, candidates: blockCandidates(doc, block, speller) };
      cache.set(node, entry);
    }
    for (const c of entry.candidates) {
      if (knows(c.word) || (c.dot && knows(`${c.word}.`))) continue;
      if (/[-:'’]/.test(c.word) && partsKnown(c.word, (p) => knows(p) || speller.check(p))) continue;
      const span = { start: block.start + c.start, end: block.start + c.end };
      if (excluded.some((e) => e.start < span.end && span.start < e.end)) continue;
      out.push({ span, word: c.word });
    }
  }
  return out;
}

/**
 * Checks the blocks not checked yet, for at most `budgetMs`; true when none is left. The
 * server calls it in slices once the dictionary is ready, so that the first spelling of a
 * long report never blocks typing for the whole of it at once.
 */
export function warmSpelling(doc: AuditDocument, speller: Speller, budgetMs: number): boolean {
  const until = performance.now() + budgetMs;
  for (const node of doc.root.children) {
    if (SKIPPED.has(node.type)) continue;
    const entry = cache.get(node);
    if (entry && entry.speller === speller) continue;
    if (performance.now() > until) return false;
    cache.set(node, { speller, candidates: blockCandidates(doc, nodeSpan(node), speller) });
  }
  return true;
}

function partsKnown(word: string, ok: (part: string) => boolean): boolean {
  return word.split(/[-:'’]/).every((p) => p.length < 2 || isAcronym(p) || ok(p));
}

function blockCandidates(doc: AuditDocument, block: Span, speller: Speller): Candidate[] {
  const out: Candidate[] = [];
  const runs = runsIn(doc, block).map((run) => ({ run, tokens: tokenize(run.value) }));
  // A speller in another thread answers the block's new words in one round trip.
  if (speller.prefetch) speller.prefetch(runs.flatMap((r) => r.tokens.map((t) => t.word)));
  for (const { run, tokens } of runs) {
    for (const t of tokens) {
      if (speller.check(t.word) || (t.dot && speller.check(`${t.word}.`))) continue;
      // «KF-beslut», «BUN:s»: each part right is the whole right.
      if (/[-:'’]/.test(t.word) && partsKnown(t.word, (p) => speller.check(p))) continue;
      const span = spanInRun(doc, run, t.index, t.word);
      if (span.end === span.start) continue;
      out.push({ start: span.start - block.start, end: span.end - block.start, word: t.word, dot: t.dot });
    }
  }
  return out;
}

const projectCache = new WeakMap<GranskaConfig, Vocabulary>();

/** The project's word list (`ord` in .granskarc.json, inline or read from its word file). */
export function projectVocabulary(config: GranskaConfig): Vocabulary {
  let v = projectCache.get(config);
  if (!v) {
    v = new Vocabulary(config.words ?? []);
    projectCache.set(config, v);
  }
  return v;
}

/** Frontmatter keys whose values are names the report uses: its authors, the audited, the firm. */
const NAME_KEYS = ['författare', 'granskade', 'undertecknare', 'kommun', 'revisionsbyrå', 'till'];

const documentCache = new WeakMap<AuditDocument, Vocabulary>();

/** The document's own names (from its frontmatter) and the words its `granska-ord` comments accept. */
export function documentVocabulary(doc: AuditDocument): Vocabulary {
  let v = documentCache.get(doc);
  if (v) return v;
  v = new Vocabulary();
  const vocabulary = v;
  const addValue = (value: unknown): void => {
    if (typeof value === 'string') vocabulary.addName(value);
    else if (Array.isArray(value)) value.forEach(addValue);
    else if (value && typeof value === 'object') Object.values(value).forEach(addValue);
  };
  for (const key of NAME_KEYS) addValue(doc.frontmatter?.fields.get(key)?.value);
  for (const word of ignoredWords(doc)) v.add(word);
  documentCache.set(doc, v);
  return v;
}

/** The words of the document's `<!-- granska-ord: … -->` comments (root-level HTML blocks). */
export function ignoredWords(doc: AuditDocument): string[] {
  const out: string[] = [];
  for (const node of doc.root.children) {
    if (node.type !== 'html' || !node.value.includes('granska-ord')) continue;
    IGNORE_COMMENT.lastIndex = 0;
    for (let m = IGNORE_COMMENT.exec(node.value); m; m = IGNORE_COMMENT.exec(node.value)) {
      for (const w of m[1].split(/[\s,]+/)) if (w !== '') out.push(w);
    }
  }
  return out;
}
