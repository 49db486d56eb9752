import type { Root, RootContent } from 'mdast';
import { detach } from '../detach.js';
import { parseMarkdown } from './markdown.js';
import { collectDefinitions, definitionIds, definitionStubs, shiftBlocks, shiftPositions, type Definitions } from './mdast-tools.js';
import { commonPrefix, commonSuffix, OPENS_FRONTMATTER } from './text.js';

/** Where two versions of a text differ: `[start, oldEnd)` of the old became `[start, newEnd)` of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** The root-level blocks `[from, to)` of the old tree were replaced by `count` new ones; the others were moved. */
  from?: number;
  to?: number;
  count?: number;
  /**
   * Set by the caller: leave the blocks after the region where they were, and say in `shift`
   * how to move them. The caller must move them (`shiftBlocks`) before the tree is read.
   */
  defer?: boolean;
  /** With `defer`: the blocks from `index` on must move by `offset` characters and `lines` lines. */
  shift?: { index: number; offset: number; lines: number };
}

/** A parsed version that the next one may reuse. Its tree is consumed: nodes are moved, not copied. */
export interface ParsedVersion {
  text: string;
  root: Root;
}

/**
 * Text that can make a block run past a heading (a code fence, an HTML block): a section
 * whose old or new text holds any of these is parsed whole. Any line that starts with a tag
 * counts, since an HTML block such as `<div>` runs until a blank line and swallows a heading
 * that follows it directly.
 */
const UNBOUNDED = /```|~~~|<!--|-->|<(?:pre|script|style|textarea)\b|^[ \t]{0,3}<[a-z/?!]/im;

/**
 * Parses `next` by re-parsing only the top-level section an edit falls in and reusing the
 * nodes of `prev` elsewhere, which keeps a one-character edit in a 100-page report to a few
 * milliseconds instead of a full parse. A section runs from one root-level heading of level 1
 * or 2 to the next; nothing in Markdown carries across such a heading except what is excluded
 * here (code fences and HTML blocks, frontmatter, and definitions, which resolve document-wide).
 * Returns null when the edit may change the structure elsewhere; the caller then parses fully.
 * The result equals a full parse of `next` (a property test checks it).
 */
export function parseIncrementally(
  prev: ParsedVersion,
  next: string,
  onDecline?: (reason: string) => void,
  acceptRegion?: (newRegion: string) => boolean,
  change?: TextChange,
): Root | null {
  const decline = (reason: string): null => {
    onDecline?.(reason);
    return null;
  };
  const old = prev.text;
  if (old === next) return decline('unchanged');
  const children = prev.root.children;
  if (children.length === 0) return decline('empty');
  // An opening `---` that never closed changes how micromark parses later tables.
  if (OPENS_FRONTMATTER.test(old) && children[0].type !== 'yaml') return decline('unclosed frontmatter');

  const max = Math.min(old.length, next.length);
  const prefix = commonPrefix(old, next, max);
  const suffix = commonSuffix(old, next, max - prefix);
  const oldEnd = old.length - suffix;
  const delta = next.length - old.length;
  if (change) {
    change.start = prefix;
    change.oldEnd = oldEnd;
    change.newEnd = oldEnd + delta;
  }

  // The section holding the character before the change starts the region (so typing at a
  // heading's first character re-parses the section before it too); the first section
  // heading after the change ends it.
  // A section starts the region when the edit leaves its opening marker alone; an edit in
  // the marker (`##B`, `[^a]`) may join the section to the one before it. A marker ends
  // after its block's first character and before the next block starts, so the blocks are
  // found by a binary search on their start and a walk to the nearest marker on either
  // side, not by a look at every block of the document.
  let from = 0;
  let to = children.length;
  const first = firstBlockFrom(children, prefix);
  for (let i = first - 1; i >= 0; i--) {
    const marker = sectionMarkerEnd(children[i], old);
    if (marker >= 0 && marker <= prefix) {
      from = i;
      break;
    }
  }
  for (let i = firstBlockFrom(children, oldEnd + 1); i < children.length; i++) {
    if (sectionMarkerEnd(children[i], old) >= 0) {
      to = i;
      break;
    }
  }
  const regionStart = from === 0 ? 0 : offsetOf(children[from], 'start');
  const regionEnd = to < children.length ? offsetOf(children[to], 'start') : old.length;
  // A region at the start of the file is parsed from its first character, so an unchanged,
  // closed frontmatter parses as in a full parse. A changed one, or a new opening fence whose
  // closing fence may stand beyond the region, is parsed whole.
  if (from === 0 && children[0].type === 'yaml' && prefix <= offsetOf(children[0], 'end') + 1) return decline('frontmatter');
  if (children[0].type !== 'yaml' && OPENS_FRONTMATTER.test(next)) return decline('new frontmatter');
  const oldRegion = old.slice(regionStart, regionEnd);
  const newRegion = next.slice(regionStart, regionEnd + delta);
  if (UNBOUNDED.test(oldRegion) || UNBOUNDED.test(newRegion)) return decline('unbounded block');
  if (acceptRegion && !acceptRegion(newRegion)) return decline('rejected region');

  const before = children.slice(0, from);
  const after = children.slice(to);
  // Definitions outside the region, also those inside quotes and lists, resolve references in it.
  const all = definitionsOf(prev.root);
  const stubs = definitionStubs(without(all, collectDefinitions(children.slice(from, to))), newRegion);
  // The re-parsed blocks outlive this version (later ones reuse them), and every string the
  // parser cuts from its input would keep that input: parsed from a cut of `next`, they held
  // the whole text of the version they were made in (dozens of versions after a few hundred
  // keystrokes). Parsed from a copy, they hold only the region.
  const sub = parseMarkdown(detach(newRegion) + stubs);
  const reparsed = sub.children.filter((n) => offsetOf(n, 'start') < newRegion.length);
  // Definitions resolve references anywhere in the document; if the section's set of
  // definitions changed, references outside it may resolve differently.
  if (definitionIds(children.slice(from, to)) !== definitionIds(reparsed)) return decline('definitions');
  // A list continues across a blank line: one that the edit makes at the region's start
  // would join a list just before it. (A paragraph boundary's first character is unchanged
  // and not white space, so nothing else can continue a block from before the region.)
  if (from > 0 && reparsed[0]?.type === 'list' && children[from - 1].type === 'list') return decline('list joins the one before');
  // A paragraph after the region starts a block of its own only after a blank line, which
  // the edit may have removed (`a\n\nb` → `a\nx\nb` makes `b` continue a paragraph, or a table).
  if (to < children.length && children[to].type !== 'footnoteDefinition' && !isAtxHeading(children[to], old) && !blankLineBefore(next, regionEnd + delta)) {
    return decline('blank line before the next block');
  }

  const startLine = from === 0 ? 1 : children[from].position!.start.line;
  shiftPositions(reparsed, regionStart, startLine - 1);
  const lineDelta = countLines(newRegion) - countLines(oldRegion);
  if (delta !== 0 || lineDelta !== 0) {
    if (change?.defer) change.shift = { index: from + reparsed.length, offset: delta, lines: lineDelta };
    else shiftBlocks(after, delta, lineDelta);
  }
  // The region's definitions are the same as before (checked above), so the document's are too.
  const root: Root = { type: 'root', children: before.concat(reparsed, after), position: endOfText(next, prev.root, lineDelta) };
  definitionCounts.set(root, all);
  if (change) {
    change.from = from;
    change.to = to;
    change.count = reparsed.length;
  }
  return root;
}

/**
 * How many times each definition stands in a tree (`l:` links, `f:` footnotes), kept per
 * tree: a keystroke's stubs need the definitions outside its region, and walking every
 * block of the document for them was a tenth of the incremental parse. A tree made by
 * this parse has its predecessor's definitions, since an edit that changes them declines.
 */
const definitionCounts = new WeakMap<Root, ReadonlyMap<string, number>>();

function definitionsOf(root: Root): ReadonlyMap<string, number> {
  let counts = definitionCounts.get(root);
  if (!counts) {
    const { links, footnotes } = collectDefinitions(root.children);
    const m = new Map<string, number>();
    for (const id of links) m.set(`l:${id}`, (m.get(`l:${id}`) ?? 0) + 1);
    for (const id of footnotes) m.set(`f:${id}`, (m.get(`f:${id}`) ?? 0) + 1);
    counts = m;
    definitionCounts.set(root, counts);
  }
  return counts;
}

/** The definitions of a document that stand outside some of its blocks: all of them less the blocks' own. */
function without(all: ReadonlyMap<string, number>, inside: Definitions): Definitions {
  const less = new Map<string, number>();
  for (const id of inside.links) less.set(`l:${id}`, (less.get(`l:${id}`) ?? 0) + 1);
  for (const id of inside.footnotes) less.set(`f:${id}`, (less.get(`f:${id}`) ?? 0) + 1);
  const links: string[] = [];
  const footnotes: string[] = [];
  for (const [key, count] of all) {
    if (count - (less.get(key) ?? 0) <= 0) continue;
    (key.startsWith('l:') ? links : footnotes).push(key.slice(2));
  }
  return { links, footnotes };
}

/**
 * Where the opening marker of a section ends, or -1 when the node starts none. A section is
 * a run of blocks that parses the same on its own, and starts at a root-level node that
 * nothing before it can continue:
 * - an ATX heading at the start of a line (its marker is the `#`s and the space after them),
 *   which interrupts any paragraph, list, quotation, table or footnote before it. A setext
 *   heading is no boundary by its underline: whether `---` underlines a heading depends on
 *   the line before it;
 * - a footnote definition at the start of a line (its marker is `[^label]:`), which is how
 *   the definitions at the end of a report are written, one per line. A definition
 *   interrupts a paragraph, a list, a quotation and a table; a fence or HTML block that
 *   could swallow it is excluded by UNBOUNDED;
 * - a paragraph (or setext heading) at the start of a line after a blank line (its marker
 *   is its first character, which is not white space). After a blank line only a list (with
 *   a new item) or indented content continues a block, and an unchanged first character
 *   that is no list marker rules both out; the caller checks that the re-parsed region
 *   does not start with a list, and that a blank line still stands before the paragraph
 *   that ends the region. This keeps the re-parsed region of a keystroke in prose to one
 *   paragraph instead of a whole kontrollmål.
 */
function sectionMarkerEnd(n: RootContent, text: string): number {
  if (n.position?.start.column !== 1) return -1;
  const start = n.position.start.offset ?? -1;
  if (n.type === 'heading' && text.charCodeAt(start) === 35) return start + n.depth + 1;
  if (n.type === 'footnoteDefinition') {
    const close = text.indexOf(']:', start);
    return close > start ? close + 2 : -1;
  }
  if ((n.type === 'paragraph' || n.type === 'heading') && blankLineBefore(text, start)) return start + 1;
  return -1;
}

function isAtxHeading(n: RootContent, text: string): boolean {
  return n.type === 'heading' && n.position?.start.column === 1 && text.charCodeAt(n.position.start.offset ?? -1) === 35;
}

/**
 * Whether the line before the line starting at `offset` holds nothing but spaces and tabs
 * (or `offset` is the start of the text). `offset` must be at the start of a line.
 */
export function blankLineBefore(text: string, offset: number): boolean {
  if (offset <= 0) return true;
  // Step over the line break that ends the previous line (\n, \r\n or \r).
  let i = offset - 1;
  const c = text.charCodeAt(i);
  if (c === 10 && text.charCodeAt(i - 1) === 13) i--;
  else if (c !== 10 && c !== 13) return false;
  i--;
  for (; i >= 0; i--) {
    const d = text.charCodeAt(i);
    if (d === 10 || d === 13) return true;
    if (d !== 32 && d !== 9) return false;
  }
  return true;
}

/** The index of the first block that starts at or after `offset` (blocks are in document order). */
function firstBlockFrom(children: readonly RootContent[], offset: number): number {
  let low = 0;
  let high = children.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsetOf(children[mid], 'start') < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function offsetOf(n: RootContent, which: 'start' | 'end'): number {
  return n.position?.[which].offset ?? 0;
}

function countLines(s: string): number {
  if (s.indexOf('\r') < 0) {
    let lines = 0;
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) lines++;
    return lines;
  }
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * The root's position as micromark gives it: from the first character to the end of the text.
 * The line count comes from the previous root's, so that the whole text is not counted again.
 */
function endOfText(text: string, prev: Root, lineDelta: number): Root['position'] {
  const prevLines = prev.position ? prev.position.end.line - 1 : null;
  const lines = prevLines !== null ? prevLines + lineDelta : countLines(text);
  // Only a \r after the last \n can end the last line later; searching the whole text for a \r that is not there cost a millisecond a keystroke.
  const lastNewline = text.lastIndexOf('\n');
  const lastReturn = text.indexOf('\r', lastNewline + 1) < 0 ? -1 : text.lastIndexOf('\r');
  const lastBreak = Math.max(lastNewline, lastReturn);
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: lines + 1, column: text.length - lastBreak, offset: text.length } };
}
