import type { Root, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';
import { collectDefinitions, definitionIds, definitionStubs, shiftPositions } from './mdast-tools.js';
import { commonPrefix, commonSuffix } from './text.js';

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
  if (/^---[ \t]*\r?\n/.test(old) && children[0].type !== 'yaml') return decline('unclosed frontmatter');

  const max = Math.min(old.length, next.length);
  const prefix = commonPrefix(old, next, max);
  const suffix = commonSuffix(old, next, max - prefix);
  const oldEnd = old.length - suffix;
  const delta = next.length - old.length;

  // The section holding the character before the change starts the region (so typing at a
  // heading's first character re-parses the section before it too); the first section
  // heading after the change ends it.
  let from = 0;
  let to = children.length;
  for (let i = 0; i < children.length; i++) {
    const n = children[i];
    const marker = sectionMarkerEnd(n, old);
    if (marker < 0) continue;
    // A section starts the region when the edit leaves its opening marker alone; an edit in
    // the marker (`##B`, `[^a]`) may join the section to the one before it.
    if (marker <= prefix) from = i;
    else if (offsetOf(n, 'start') > oldEnd) {
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
  if (children[0].type !== 'yaml' && /^---[ \t]*\r?\n/.test(next)) return decline('new frontmatter');
  const oldRegion = old.slice(regionStart, regionEnd);
  const newRegion = next.slice(regionStart, regionEnd + delta);
  if (UNBOUNDED.test(oldRegion) || UNBOUNDED.test(newRegion)) return decline('unbounded block');
  if (acceptRegion && !acceptRegion(newRegion)) return decline('rejected region');

  const before = children.slice(0, from);
  const after = children.slice(to);
  const outside = [...before, ...after];
  // Definitions outside the region, also those inside quotes and lists, resolve references in it.
  const stubs = definitionStubs(collectDefinitions(outside), newRegion);
  const sub = parseMarkdown(newRegion + stubs);
  const reparsed = sub.children.filter((n) => offsetOf(n, 'start') < newRegion.length);
  // Definitions resolve references anywhere in the document; if the section's set of
  // definitions changed, references outside it may resolve differently.
  if (definitionIds(children.slice(from, to)) !== definitionIds(reparsed)) return decline('definitions');

  const startLine = from === 0 ? 1 : children[from].position!.start.line;
  shiftPositions(reparsed, regionStart, startLine - 1);
  const lineDelta = countLines(newRegion) - countLines(oldRegion);
  if (delta !== 0 || lineDelta !== 0) shiftPositions(after, delta, lineDelta);
  return { type: 'root', children: [...before, ...reparsed, ...after], position: endOfText(next, prev.root, lineDelta) };
}

/**
 * Where the opening marker of a section ends, or -1 when the node starts none. A section is
 * a run of blocks that parses the same on its own, and starts at a root-level node that
 * interrupts whatever stands before it:
 * - an ATX heading of level 1 or 2 at the start of a line (its marker is the `#`s and the
 *   space after them). A setext heading is no boundary: whether `---` underlines a heading
 *   depends on the line before it;
 * - a footnote definition at the start of a line (its marker is `[^label]:`), which is how
 *   the definitions at the end of a report are written, one per line. A definition
 *   interrupts a paragraph, a list, a quotation and a table; a fence or HTML block that
 *   could swallow it is excluded by UNBOUNDED.
 */
function sectionMarkerEnd(n: RootContent, text: string): number {
  if (n.position?.start.column !== 1) return -1;
  const start = n.position.start.offset ?? -1;
  if (n.type === 'heading') return n.depth <= 2 && text.charCodeAt(start) === 35 ? start + n.depth + 1 : -1;
  if (n.type !== 'footnoteDefinition') return -1;
  const close = text.indexOf(']:', start);
  return close > start ? close + 2 : -1;
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
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: lines + 1, column: text.length - lastBreak, offset: text.length } };
}
