import type { Root, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';
import { collectDefinitions, definitionStubs, shiftPositions, type Definitions } from './mdast-tools.js';
import { FRONTMATTER, OPENS_FRONTMATTER } from './text.js';

/**
 * Parsing a very large document in independent parts (issue 17). micromark keeps the events
 * of everything it parses in one array and edits it in place (`SpliceBuffer`, `EditMap`),
 * so a 10 MB annual compilation held gigabytes of events at once and spent most of its time
 * in garbage collection and splicing. A document is cut where nothing in Markdown carries
 * across a line, the same boundaries the incremental parse re-parses from: a level-1 or
 * level-2 ATX heading or a footnote definition at the start of a line. Each part is parsed
 * on its own, with stubs for the definitions other parts hold, and its nodes are moved to
 * where the part stands; the result equals a parse of the whole text (a property test
 * compares them). Below the threshold a document is parsed whole, as before.
 */

/** Documents longer than this (in UTF-16 code units) are parsed in parts. */
export const PARTS_THRESHOLD = 400_000;
/** The size a part grows to before the next boundary closes it. */
export const PART_SIZE = 100_000;

export interface PartOptions {
  /** For tests: parse in parts from this length on (default `PARTS_THRESHOLD`). */
  threshold?: number;
  /** For tests: the length a part reaches before it is closed (default `PART_SIZE`). */
  partSize?: number;
}

/**
 * A line that interrupts every open block except a code fence, an HTML block or the
 * frontmatter: an ATX heading of level 1 or 2 or a footnote definition, at column 1. The
 * label is a subset of what micromark accepts (no escapes), so every match opens a definition.
 */
const BOUNDARY = /^(?:#{1,2}(?:[ \t\r\n]|(?![\s\S]))|\[\^[^\]\s\\[]{1,999}\]:)/gm;

interface Part {
  start: number;
  end: number;
  /** Line breaks before the part's first character, to move its nodes' lines. */
  line: number;
  /** The part's root-level nodes, at their places in the whole text. */
  nodes: RootContent[];
  /** The definition stubs it was parsed with. */
  stubs: string;
  defs: Definitions;
}

/**
 * Parses Markdown into mdast like `parseMarkdown`, in parts when the text is long. The result
 * equals `parseMarkdown(text)`. May throw only where `parseMarkdown` may.
 */
export function parseMarkdownInParts(text: string, options: PartOptions = {}): Root {
  const threshold = options.threshold ?? PARTS_THRESHOLD;
  const size = options.partSize ?? PART_SIZE;
  if (text.length < threshold) return parseMarkdown(text);
  // Boundaries inside the frontmatter are YAML comments, not headings; an opening fence
  // that never closes is left to the whole parse, which knows how micromark reads it.
  let from = 0;
  if (OPENS_FRONTMATTER.test(text)) {
    const fm = FRONTMATTER.exec(text);
    if (!fm) return parseMarkdown(text);
    from = fm[0].length;
  }
  const cuts = boundaries(text, from, size);
  if (cuts.length === 0) return parseMarkdown(text);
  const starts = [0, ...cuts];
  const lines = lineBreaksAt(text, starts);
  const parts: Part[] = starts.map((start, i) => ({
    start, end: i + 1 < starts.length ? starts[i + 1] : text.length, line: lines[i], nodes: [], stubs: '', defs: { links: [], footnotes: [] },
  }));

  // Last part first: a report's footnote definitions stand at its end, so when the parts
  // that call them are parsed, the definitions are already known and no part is parsed twice.
  const later: Definitions = { links: [], footnotes: [] };
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (!parsePart(text, part, later)) return parseMarkdown(text);
    // A code fence or an HTML block at the end of a part may be open, and in the whole
    // text swallow the boundary line: such a part is parsed again together with the next.
    while (endsOpen(part) && i + 1 < parts.length) {
      const next = parts.splice(i + 1, 1)[0];
      removeDefinitions(later, next.defs);
      part.end = next.end;
      if (!parsePart(text, part, later)) return parseMarkdown(text);
    }
    append(later, part.defs);
  }
  if (OPENS_FRONTMATTER.test(text) && parts[0].nodes[0]?.type !== 'yaml') return parseMarkdown(text);

  // A part was parsed without the definitions of the parts before it; when it uses one of
  // them it is parsed again with every other part's definitions.
  const earlier: Definitions = { links: [], footnotes: [] };
  for (let i = 0; i < parts.length; i++) {
    if (definitionStubs(earlier, text.slice(parts[i].start, parts[i].end)) !== '' && !parsePart(text, parts[i], definitionsExcept(parts, i))) return parseMarkdown(text);
    append(earlier, parts[i].defs);
  }

  const children: RootContent[] = [];
  for (const part of parts) for (const node of part.nodes) children.push(node);
  return { type: 'root', children, position: endOfText(text, lines[lines.length - 1], starts[starts.length - 1]) };
}

/** Offsets where a part may start: boundary lines after `from`, at least `size` apart. */
function boundaries(text: string, from: number, size: number): number[] {
  const cuts: number[] = [];
  let last = 0;
  BOUNDARY.lastIndex = from;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const at = m.index;
    // `^` also matches after U+2028 and U+2029, which are no line endings in Markdown.
    const before = text.charCodeAt(at - 1);
    if (at === 0 || (before !== 10 && before !== 13)) continue;
    if (at - last >= size && text.length - at >= size / 2) {
      cuts.push(at);
      last = at;
    }
    // Skip ahead: the next cut is at least `size` later, so lines before that need no test.
    if (last === at) BOUNDARY.lastIndex = Math.max(BOUNDARY.lastIndex, at + size - 1);
  }
  return cuts;
}

/** The number of line breaks (CRLF, CR or LF, as micromark counts them) before each offset, which ascend. */
function lineBreaksAt(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let lines = 0;
  let i = 0;
  for (const offset of offsets) {
    for (; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
    }
    out.push(lines);
  }
  return out;
}

/**
 * Parses one part with stubs for the definitions outside it. False when the stubs did not
 * stay apart from the part's text (an open code fence at the end of the text took them in);
 * the caller then parses the whole text.
 */
function parsePart(text: string, part: Part, outside: Definitions): boolean {
  const slice = text.slice(part.start, part.end);
  part.stubs = definitionStubs(outside, slice);
  const root = parseMarkdown(slice + part.stubs);
  const nodes = root.children.filter((n) => (n.position?.start.offset ?? 0) < slice.length);
  if (part.stubs.length > 0 && (nodes[nodes.length - 1]?.position?.end.offset ?? 0) > slice.length) return false;
  shiftPositions(nodes, part.start, part.line);
  part.nodes = nodes;
  part.defs = collectDefinitions(nodes);
  return true;
}

/** Whether a part's last block may be a code fence or HTML block that its end did not close. */
function endsOpen(part: Part): boolean {
  const last = part.nodes[part.nodes.length - 1];
  return last !== undefined && (last.type === 'code' || last.type === 'html');
}

function append(into: Definitions, defs: Definitions): void {
  for (const id of defs.links) into.links.push(id);
  for (const id of defs.footnotes) into.footnotes.push(id);
}

/** Removes one occurrence of each of `defs` from `from` (which holds them last, as appended). */
function removeDefinitions(from: Definitions, defs: Definitions): void {
  from.links.length -= defs.links.length;
  from.footnotes.length -= defs.footnotes.length;
}

/** The definitions of all parts but one, last part first, in the order the first pass gathered them. */
function definitionsExcept(parts: readonly Part[], except: number): Definitions {
  const out: Definitions = { links: [], footnotes: [] };
  for (let i = parts.length - 1; i >= 0; i--) if (i !== except) append(out, parts[i].defs);
  return out;
}

/** The root's position as micromark gives it: from the first character to the end of the text. */
function endOfText(text: string, linesBeforeLast: number, lastStart: number): Root['position'] {
  let lines = linesBeforeLast;
  for (let i = lastStart; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: lines + 1, column: text.length - lastBreak, offset: text.length } };
}
