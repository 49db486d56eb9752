import type { AlignType, FootnoteDefinition, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { collectDefinitions, definitionStubs, shiftPositions } from './mdast-tools.js';
import { FRONTMATTER, lineStartOf, OPENS_FRONTMATTER } from './text.js';

/**
 * A fast path for plain prose (issue 17). Most of a report is paragraphs of ordinary
 * sentences, headings, one-line footnote definitions, simple tables and bullet lists whose
 * text holds nothing micromark treats specially inline, yet micromark spends about 2 s of
 * CPU time per MB tokenizing them character by character. Such a block ("plain block") gets
 * its mdast built here directly.
 *
 * micromark still decides the document's structure: each run of plain blocks (only blank
 * lines between them) is replaced by its first and its last block, each with the text `x`
 * (its prefix, `## `, `- ` or `[^1]: `, kept), and that much shorter text is parsed. A plain
 * block is only taken when, in that parse, its run's placeholders came out as the root-level
 * blocks they stand for, with exactly the text `x`; otherwise (an open code fence or HTML
 * block swallowed them, the frontmatter held them, a line continued them) the run is given
 * back to micromark and the shorter text parsed again. What a plain block may hold is chosen
 * so that its text, in place of the `x`, cannot change the block structure (each line starts
 * with a letter, no trailing white space) nor be read inline as anything but text and
 * footnote calls (no `\`, `` ` ``, `*`, `_`, `&`, `<`, `[`, `]` other than in a call, `|`,
 * `~`, tabs or control characters). The result equals micromark's tree, types, values and
 * positions (a property test in `test/plain-blocks.test.ts` compares them).
 *
 * Lines end where micromark ends them: at `\n`, at `\r\n` (what a Windows editor sends) and
 * at a lone `\r`. A block's text keeps its line endings as they are, as micromark's does, and
 * lines are counted with `\r\n` as one line ending.
 */

interface Plain {
  kind: 'paragraph' | 'heading' | 'footnote' | 'table' | 'list';
  /** Offset of the block's first character (its line start) in the original text. */
  start: number;
  /** Offset of the inline text (after `## ` or `[^1]: `). */
  content: number;
  /** Offset just past the inline text (its last line's end, before the line break). */
  end: number;
  /** Line breaks inside the inline text. */
  breaks: number;
  /** A table's rows (header first, no delimiter row): offsets of each row's pipes; a list's items: the offsets their lines start and end at. */
  rows: number[][];
  /** A table's column alignments. */
  align: AlignType[];
  /** Heading depth. */
  depth: number;
  /** Footnote definition label. */
  label: string;
  /** Footnote calls in the inline text: start and end offsets, ascending. */
  calls: number[];
  /** The identifier of each footnote call. */
  ids: string[];
}

/** How often the shorter text is parsed again after giving blocks back, before the whole text is parsed instead. */
const ROUNDS = 3;
/** Blocks shorter than this are not worth the bookkeeping. */
const MIN_LENGTH = 24;

/** A footnote definition's label anywhere in the text: a superset of the labels defined. */
const DEFINITION_LABEL = /\[\^([A-Za-z0-9_-]{1,100})\]:/g;

/**
 * Parses `text` with `parse` (a micromark-based parser), building plain blocks directly.
 * Returns exactly what `parse(text)` returns.
 */
export function parseWithPlainBlocks(text: string, parse: (text: string) => Root): Root {
  let plains = findPlainBlocks(text);
  for (let round = 0; round < ROUNDS && plains.length > 0; round++) {
    const runs = toRuns(text, plains);
    const { reduced, length, stubCount } = reduce(text, runs);
    const root = parse(reduced);
    let stubs = root.children.findIndex((n) => (n.position?.start.offset ?? 0) >= length);
    if (stubs < 0) stubs = root.children.length;
    // The stubs must have stayed apart from the text (an open code fence at its end takes
    // them in): one definition each, and nothing before them reaching into them.
    if (root.children.length - stubs !== stubCount || root.children.slice(stubs).some((n) => n.type !== 'footnoteDefinition')) break;
    if (stubs > 0 && (root.children[stubs - 1].position?.end.offset ?? 0) > length) break;
    const failed = check(root, runs, plains);
    root.children.length = stubs;
    if (failed.size === 0) return expand(text, reduced, length, root, runs);
    plains = plains.filter((p) => !failed.has(p));
  }
  return parse(text);
}
/** Character codes that never start a block construct and are not white space. */
function startsPlainLine(c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0xc0) return c === 40 || c === 34 || c === 0xa7; // ( " §
  // Unicode white space, format characters and surrogates are left to micromark.
  return !(c === 0x1680 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff));
}

/** Characters inside a plain block's inline text that micromark may read as something other than text. */
function unsafeInline(c: number): boolean {
  if (c < 32) return true;
  switch (c) {
    case 38: // &
    case 42: // *
    case 60: // <
    case 91: // [
    case 92: // \
    case 93: // ]
    case 95: // _
    case 96: // `
    case 124: // |
    case 126: // ~
      return true;
    default:
      return false;
  }
}

function isLabelChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

/**
 * Scans the inline text [from, to) of one line: true when it is plain. Footnote calls
 * (`[^label]`, a label of ASCII letters, digits, `-` or `_`, not followed by `[`, `(` or `:`)
 * are pushed to `calls` when their label may be defined.
 */
function plainLine(text: string, from: number, to: number, calls: number[], ids: string[], labels: Set<string>): boolean {
  if (to <= from) return false;
  const last = text.charCodeAt(to - 1);
  if (last === 32 || last === 9) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!unsafeInline(c)) continue;
    if (c !== 91 || text.charCodeAt(i + 1) !== 94) return false;
    let j = i + 2;
    while (j < to && isLabelChar(text.charCodeAt(j))) j++;
    if (j === i + 2 || j - i - 2 > 100 || j >= to || text.charCodeAt(j) !== 93) return false;
    const after = text.charCodeAt(j + 1);
    if (after === 91 || after === 40 || after === 58) return false;
    const id = normalizeIdentifier(text.slice(i + 2, j)).toLowerCase();
    if (!labels.has(id)) return false;
    calls.push(i, j + 1);
    ids.push(id);
    i = j;
  }
  return true;
}

function isBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * Where the line at `pos` ends: the first line ending (`\n`, `\r\n` or a lone `\r`, the
 * three micromark knows) at or after `pos`, or the text's length. `cr` says whether the text
 * holds a `\r` at all; without one, the search for `\n` alone is the fast one.
 */
function endOfLine(text: string, pos: number, cr: boolean): number {
  if (!cr) {
    const eol = text.indexOf('\n', pos);
    return eol < 0 ? text.length : eol;
  }
  const n = text.length;
  for (let i = pos; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return n;
}

/** Where the next line starts after the line ending at `eol` (two characters for `\r\n`). */
function nextLine(text: string, eol: number): number {
  return text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
}

/**
 * The line endings in [from, to), `\r\n` counted once, as micromark counts lines. A `\r` at
 * `to - 1` ends a line whatever follows: in the shorter text the stubs' `\n` comes after the
 * original text's last `\r`, which ends the original's last line on its own.
 */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && (i + 1 === to || text.charCodeAt(i + 1) !== 10))) breaks++;
  }
  return breaks;
}

/** The plain blocks of a text, ascending, found line by line without parsing. */
export function findPlainBlocks(text: string): Plain[] {
  const out: Plain[] = [];
  let pos = 0;
  if (OPENS_FRONTMATTER.test(text)) {
    const fm = FRONTMATTER.exec(text);
    if (!fm) return out;
    pos = fm[0].length;
  }
  const labels = new Set<string>();
  if (text.includes('[^')) {
    for (const m of text.matchAll(DEFINITION_LABEL)) labels.add(normalizeIdentifier(m[1]).toLowerCase());
  }
  const n = text.length;
  // Windows editors end lines with `\r\n`, and micromark also ends one at a lone `\r`: the
  // lines are split at all three, and a block's text keeps its line endings as they are.
  const cr = text.includes('\r');
  // Whether the line before `pos` was blank (or `pos` is where the blocks start).
  let afterBlank = true;
  // A code fence seen at a line start: until the next one, nothing is taken (a wrong guess
  // only costs a second parse, the check below catches it).
  let inFence = false;
  while (pos < n) {
    const eol = endOfLine(text, pos, cr);
    const c = text.charCodeAt(pos);
    if (isFenceLine(text, pos)) {
      inFence = !inFence;
      afterBlank = false;
      pos = nextLine(text, eol);
      continue;
    }
    if (inFence) {
      pos = nextLine(text, eol);
      continue;
    }
    if (c === 35) {
      // An ATX heading: `#` × 1–6, one space, plain text without `#`.
      let d = 0;
      while (d < 7 && text.charCodeAt(pos + d) === 35) d++;
      const content = pos + d + 1;
      const calls: number[] = [];
      const ids: string[] = [];
      if (d >= 1 && d <= 6 && text.charCodeAt(pos + d) === 32 && content < eol && text.charCodeAt(content) !== 32 && noHash(text, content, eol) && plainLine(text, content, eol, calls, ids, labels)) {
        out.push({ kind: 'heading', start: pos, content, end: eol, breaks: 0, depth: d, label: '', calls, ids, rows: [], align: [] });
      }
      afterBlank = false;
      pos = nextLine(text, eol);
      continue;
    }
    if (c === 91 && text.charCodeAt(pos + 1) === 94) {
      // A one-line footnote definition: `[^label]: ` and plain text.
      let j = pos + 2;
      while (j < eol && isLabelChar(text.charCodeAt(j))) j++;
      const content = j + 3;
      if (j > pos + 2 && j - pos - 2 <= 100 && text.charCodeAt(j) === 93 && text.charCodeAt(j + 1) === 58 && text.charCodeAt(j + 2) === 32 && content < eol && startsPlainLine(text.charCodeAt(content))) {
        const calls: number[] = [];
      const ids: string[] = [];
        if (plainLine(text, content, eol, calls, ids, labels)) {
          out.push({ kind: 'footnote', start: pos, content, end: eol, breaks: 0, depth: 0, label: text.slice(pos + 2, j), calls, ids, rows: [], align: [] });
        }
      }
      afterBlank = false;
      pos = nextLine(text, eol);
      continue;
    }
    // A table between blank lines (a header row, a delimiter row and body rows, each `| … |`
    // with the same number of plain, non-empty cells), or a tight bullet list (one plain
    // line per item, one marker).
    const table = c === 124;
    if (afterBlank && (table || ((c === 45 || c === 42 || c === 43) && text.charCodeAt(pos + 1) === 32))) {
      const block = table ? plainTable(text, pos, labels, cr) : plainList(text, pos, labels, cr);
      if (block) out.push(block);
      pos = nextLine(text, block ? block.end : eol);
      afterBlank = false;
      continue;
    }
    if (afterBlank && startsPlainLine(c)) {
      // A paragraph between blank lines whose every line is plain.
      const calls: number[] = [];
      const ids: string[] = [];
      let from = pos;
      let end = pos;
      let breaks = 0;
      let ok = true;
      let lineEnd = eol;
      for (;;) {
        if (!startsPlainLine(text.charCodeAt(from)) || !plainLine(text, from, lineEnd, calls, ids, labels)) {
          ok = false;
          break;
        }
        end = lineEnd;
        if (lineEnd >= n) break;
        const next = nextLine(text, lineEnd);
        const nextEnd = endOfLine(text, next, cr);
        if (next >= n || isBlankLine(text, next, nextEnd)) break;
        breaks++;
        from = next;
        lineEnd = nextEnd;
      }
      if (!ok) {
        // Skip the rest of this block: its lines are not after a blank line.
        afterBlank = false;
        pos = nextLine(text, eol);
        continue;
      }
      if (end - pos >= MIN_LENGTH) out.push({ kind: 'paragraph', start: pos, content: pos, end, breaks, depth: 0, label: '', calls, ids, rows: [], align: [] });
      afterBlank = false;
      pos = nextLine(text, end);
      continue;
    }
    afterBlank = isBlankLine(text, pos, eol);
    pos = nextLine(text, eol);
  }
  return out;
}

/** The pipes of a table row [from, to): `|` first and last, none escaped; null when it is no such row. */
function pipesOf(text: string, from: number, to: number): number[] | null {
  if (to - from < 2 || text.charCodeAt(from) !== 124 || text.charCodeAt(to - 1) !== 124) return null;
  const pipes: number[] = [];
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 124) pipes.push(i);
  return pipes;
}

const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

/** A plain table starting at `pos` (after a blank line), or null. */
function plainTable(text: string, pos: number, labels: Set<string>, cr: boolean): Plain | null {
  const n = text.length;
  const rows: number[][] = [];
  const calls: number[] = [];
  const ids: string[] = [];
  const align: AlignType[] = [];
  let from = pos;
  let end = pos;
  let breaks = -1;
  for (let row = 0; from < n; row++) {
    const eol = endOfLine(text, from, cr);
    if (row >= 2 && isBlankLine(text, from, eol)) break;
    const pipes = pipesOf(text, from, eol);
    if (!pipes || pipes.length < 2 || (row > 0 && pipes.length !== rows[0].length)) return null;
    if (row === 1) {
      for (let k = 0; k + 1 < pipes.length; k++) {
        const m = DELIMITER_CELL.exec(text.slice(pipes[k] + 1, pipes[k + 1]));
        if (!m) return null;
        align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
      }
    } else {
      for (let k = 0; k + 1 < pipes.length; k++) {
        let a = pipes[k] + 1;
        let b = pipes[k + 1];
        while (a < b && text.charCodeAt(a) === 32) a++;
        while (b > a && text.charCodeAt(b - 1) === 32) b--;
        if (a === b || !plainLine(text, a, b, calls, ids, labels)) return null;
      }
      rows.push(pipes);
    }
    breaks++;
    end = eol;
    from = nextLine(text, eol);
  }
  if (rows.length === 0 || align.length === 0) return null;
  return { kind: 'table', start: pos, content: pos, end, breaks, depth: 0, label: '', calls, ids, rows, align };
}

/**
 * A plain bullet list starting at `pos` (after a blank line), or null: items of one line, all
 * with the marker of the first and a plain text, then a blank line or the end, and after it
 * nothing that could continue the list (an indented line, another list marker).
 */
function plainList(text: string, pos: number, labels: Set<string>, cr: boolean): Plain | null {
  const n = text.length;
  const marker = text.charCodeAt(pos);
  const rows: number[][] = [];
  const calls: number[] = [];
  const ids: string[] = [];
  let from = pos;
  let end = pos;
  while (from < n) {
    const eol = endOfLine(text, from, cr);
    if (isBlankLine(text, from, eol)) break;
    if (text.charCodeAt(from) !== marker || text.charCodeAt(from + 1) !== 32 || !startsPlainLine(text.charCodeAt(from + 2))) return null;
    if (!plainLine(text, from + 2, eol, calls, ids, labels)) return null;
    rows.push([from, eol]);
    end = eol;
    from = nextLine(text, eol);
  }
  // What follows the blank lines must close the list.
  let next = from;
  while (next < n) {
    const eol = endOfLine(text, next, cr);
    if (!isBlankLine(text, next, eol)) break;
    next = nextLine(text, eol);
  }
  if (next < n) {
    const c = text.charCodeAt(next);
    if (c === 32 || c === 9 || c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57)) return null;
  }
  if (rows.length === 0) return null;
  return { kind: 'list', start: pos, content: pos + 2, end, breaks: rows.length - 1, depth: 0, label: '', calls, ids, rows, align: [] };
}

function noHash(text: string, from: number, to: number): boolean {
  const at = text.indexOf('#', from);
  return at < 0 || at >= to;
}

/** A line that may open or close a code fence: up to three spaces and ``` or ~~~. */
function isFenceLine(text: string, pos: number): boolean {
  let i = pos;
  while (i < pos + 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return (c === 96 || c === 126) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
}

interface Run {
  blocks: Plain[];
  /** Where the run starts in the shorter text. */
  start: number;
  /** Where the `x` of its first and of its last block stand in the shorter text (the same for one block). */
  first: number;
  last: number;
  /** Line breaks in the run's original text, and in what stands for it in the shorter text. */
  breaks: number;
  reducedBreaks: number;
}

/**
 * Groups plain blocks with only blank lines between them into runs. A plain block ends
 * with every block it opened closed (a paragraph is followed by a blank line) or with a
 * footnote definition that the next plain block closes (it is not indented), so every block
 * of a run is a root-level block whatever stands before it, once the first is.
 */
function toRuns(text: string, plains: readonly Plain[]): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let i = 0; i < plains.length; i++) {
    const p = plains[i];
    if (run) {
      const prev = run.blocks[run.blocks.length - 1];
      let joins = true;
      let gap = 0;
      for (let j = prev.end; j < p.start; j++) {
        const c = text.charCodeAt(j);
        if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) gap++;
        else if (c !== 32 && c !== 9 && c !== 13) {
          joins = false;
          break;
        }
      }
      if (joins) {
        run.blocks.push(p);
        run.breaks += gap + p.breaks;
        continue;
      }
    }
    run = { blocks: [p], start: 0, first: 0, last: 0, breaks: p.breaks, reducedBreaks: 0 };
    runs.push(run);
  }
  return runs;
}

/**
 * The shorter text: each run replaced by its first block with the text `x` and, when it has
 * more than one, a blank line and its last block with the text `x` (what stands before and
 * after the run then sees the same blocks begin and end it). Stubs follow for the footnote
 * definitions left out that the shorter text calls. `length` is its length without them.
 */
function reduce(text: string, runs: Run[]): { reduced: string; length: number; stubCount: number } {
  const pieces: string[] = [];
  const removed: string[] = [];
  let from = 0;
  let length = 0;
  for (const run of runs) {
    const first = run.blocks[0];
    const last = run.blocks[run.blocks.length - 1];
    const before = text.slice(from, first.start);
    pieces.push(before);
    length += before.length;
    run.start = length;
    const head = text.slice(first.start, first.content) + 'x';
    pieces.push(head);
    run.first = length + head.length - 1;
    length += head.length;
    if (run.blocks.length > 1) {
      const tail = '\n\n' + text.slice(last.start, last.content) + 'x';
      pieces.push(tail);
      run.last = length + tail.length - 1;
      length += tail.length;
      run.reducedBreaks = 2;
      for (let i = 1; i < run.blocks.length - 1; i++) if (run.blocks[i].kind === 'footnote') removed.push(normalizeIdentifier(run.blocks[i].label).toLowerCase());
    } else {
      run.last = run.first;
    }
    from = last.end;
  }
  pieces.push(text.slice(from));
  let reduced = pieces.join('');
  length = reduced.length;
  let stubCount = 0;
  if (removed.length > 0) {
    const stubs = definitionStubs({ links: [], footnotes: removed }, reduced);
    for (let at = stubs.indexOf('[^'); at >= 0; at = stubs.indexOf('[^', at + 2)) stubCount++;
    reduced += stubs;
  }
  return { reduced, length, stubCount };
}

/**
 * The plain blocks to give back to micromark: those whose run's placeholders did not come
 * out as the blocks they stand for, and those calling a footnote no definition has.
 */
function check(root: Root, runs: readonly Run[], plains: readonly Plain[]): Set<Plain> {
  const failed = new Set<Plain>();
  // A call's label was only found somewhere in the text followed by `]:`; it is a footnote
  // reference only when a definition with it is in the tree or among the plain blocks.
  let defined: Set<string> | null = null;
  for (const p of plains) {
    if (p.calls.length === 0) continue;
    if (!defined) {
      defined = new Set(collectDefinitions(root.children).footnotes);
      for (const q of plains) if (q.kind === 'footnote') defined.add(normalizeIdentifier(q.label).toLowerCase());
    }
    for (const id of p.ids) {
      if (!defined.has(id)) {
        failed.add(p);
        break;
      }
    }
  }
  const children = root.children;
  let i = 0;
  for (const run of runs) {
    while (i < children.length && (children[i].position?.start.offset ?? 0) < run.start) i++;
    const first = run.blocks[0];
    const last = run.blocks[run.blocks.length - 1];
    const ok =
      i < children.length &&
      children[i].position?.start.offset === run.start &&
      isPlaceholder(children[i], first, run.first) &&
      (run.blocks.length === 1 || (i + 1 < children.length && isPlaceholder(children[i + 1], last, run.last)));
    if (!ok) for (const p of run.blocks) failed.add(p);
  }
  return failed;
}

function isPlaceholder(node: RootContent, p: Plain, x: number): boolean {
  if (node.position?.end.offset !== x + 1 || node.position.start.offset !== x - (p.content - p.start)) return false;
  let inner: RootContent = node;
  if (p.kind === 'list') {
    if (node.type !== 'list' || node.ordered || node.children.length !== 1 || node.children[0].children.length !== 1) return false;
    inner = node.children[0].children[0];
    if (inner.type !== 'paragraph') return false;
  } else if (p.kind === 'heading') {
    if (node.type !== 'heading' || node.depth !== p.depth) return false;
  } else if (p.kind === 'footnote') {
    if (node.type !== 'footnoteDefinition' || node.children.length !== 1 || node.label !== p.label) return false;
    inner = node.children[0];
    if (inner.type !== 'paragraph') return false;
  } else if (node.type !== 'paragraph') return false; // Also a table's placeholder: both stand between blank lines.
  if (!('children' in inner) || inner.children.length !== 1) return false;
  const t = inner.children[0];
  return t.type === 'text' && t.value === 'x' && t.position?.start.offset === x;
}

/** The tree of the original text: placeholders replaced by the blocks built from it, other nodes moved to where they stand. */
function expand(text: string, reduced: string, length: number, root: Root, runs: readonly Run[]): Root {
  const out: RootContent[] = [];
  const children = root.children;
  let offset = 0;
  let lines = 0;
  let r = 0;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    const run = runs[r];
    if (run === undefined || node.position?.start.offset !== run.start) {
      if (offset !== 0 || lines !== 0) shiftPositions([node], offset, lines);
      out.push(node);
      continue;
    }
    let line = (node.position.start.line ?? 1) + lines;
    let prev: Plain | null = null;
    for (const p of run.blocks) {
      if (prev) line += countBreaks(text, prev.end, p.start);
      out.push(build(text, p, line));
      line += p.breaks;
      prev = p;
    }
    const first = run.blocks[0];
    const last = run.blocks[run.blocks.length - 1];
    offset += last.end - first.start - (run.last + 1 - run.start);
    lines += run.breaks - run.reducedBreaks;
    if (run.blocks.length > 1) i++;
    r++;
  }
  root.children = out;
  const pos = root.position;
  if (pos) {
    const breaks = countBreaks(reduced, 0, length);
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    pos.end = { line: breaks + lines + 1, column: text.length - lastBreak, offset: text.length };
  }
  return root;
}

/** A point in the original text on a line that starts at `lineStart`. */
function point(line: number, lineStart: number, offset: number): { line: number; column: number; offset: number } {
  return { line, column: offset - lineStart + 1, offset };
}

/**
 * The phrasing content of [from, to), on line `line` that starts at `lineStart`, with its
 * footnote calls (from `calls`, starting at index `c`). Returns the line and line start at `to`.
 */
function phrasing(text: string, from: number, to: number, line: number, lineStart: number, calls: readonly number[], c: number, children: PhrasingContent[]): { line: number; lineStart: number; c: number } {
  let lineNo = line;
  let start = lineStart;
  let at = from;
  const addText = (until: number): void => {
    if (until <= at) return;
    const value = text.slice(at, until);
    const first = point(lineNo, start, at);
    if (value.includes('\r')) {
      // A line ends at `\n`, at `\r\n` (the next line starts after its `\n`) and at a lone `\r`.
      for (let i = at; i < until; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
          lineNo++;
          start = i + 1;
        }
      }
    } else {
      let nl = value.indexOf('\n');
      while (nl >= 0) {
        lineNo++;
        start = at + nl + 1;
        nl = value.indexOf('\n', nl + 1);
      }
    }
    children.push({ type: 'text', value, position: { start: first, end: point(lineNo, start, until) } });
  };
  let k = c;
  for (; k < calls.length && calls[k] < to; k += 2) {
    const callStart = calls[k];
    const callEnd = calls[k + 1];
    addText(callStart);
    const label = text.slice(callStart + 2, callEnd - 1);
    children.push({
      type: 'footnoteReference',
      identifier: normalizeIdentifier(label).toLowerCase(),
      label,
      position: { start: point(lineNo, start, callStart), end: point(lineNo, start, callEnd) },
    });
    at = callEnd;
  }
  addText(to);
  return { line: lineNo, lineStart: start, c: k };
}

/** The mdast micromark gives for a plain block that starts on line `line`. */
function build(text: string, p: Plain, line: number): RootContent {
  if (p.kind === 'table') return buildTable(text, p, line);
  if (p.kind === 'list') return buildList(text, p, line);
  const children: PhrasingContent[] = [];
  const after = phrasing(text, p.content, p.end, line, p.start, p.calls, 0, children);
  const contentStart = point(line, p.start, p.content);
  const end = point(after.line, after.lineStart, p.end);
  if (p.kind === 'paragraph') {
    return { type: 'paragraph', children, position: { start: contentStart, end } } satisfies Paragraph;
  }
  if (p.kind === 'heading') {
    return { type: 'heading', depth: p.depth as Heading['depth'], children, position: { start: point(line, p.start, p.start), end } } satisfies Heading;
  }
  const paragraph: Paragraph = { type: 'paragraph', children, position: { start: contentStart, end: { ...end } } };
  return {
    type: 'footnoteDefinition',
    identifier: normalizeIdentifier(p.label).toLowerCase(),
    label: p.label,
    children: [paragraph],
    position: { start: point(line, p.start, p.start), end },
  } satisfies FootnoteDefinition;
}

/** A tight bullet list of one-line items, as micromark gives it. */
function buildList(text: string, p: Plain, line: number): List {
  const items: ListItem[] = [];
  let c = 0;
  for (let r = 0; r < p.rows.length; r++) {
    const [from, to] = p.rows[r];
    const children: PhrasingContent[] = [];
    c = phrasing(text, from + 2, to, line + r, from, p.calls, c, children).c;
    const paragraph: Paragraph = { type: 'paragraph', children, position: { start: point(line + r, from, from + 2), end: point(line + r, from, to) } };
    items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: point(line + r, from, from), end: point(line + r, from, to) } });
  }
  const last = p.rows[p.rows.length - 1];
  return { type: 'list', ordered: false, start: null, spread: false, children: items, position: { start: point(line, p.start, p.start), end: point(line + p.breaks, last[0], last[1]) } };
}

/**
 * A table as mdast-util-gfm-table gives it: a cell runs from its opening pipe to the next
 * pipe, the last one to the end of the row, and holds its text without the spaces around it.
 */
function buildTable(text: string, p: Plain, line: number): Table {
  const rows: TableRow[] = [];
  let c = 0;
  for (let r = 0; r < p.rows.length; r++) {
    const pipes = p.rows[r];
    // The delimiter row stands between the header and the first body row.
    const rowLine = line + (r === 0 ? 0 : r + 1);
    const rowStart = pipes[0];
    const cells: TableCell[] = [];
    for (let k = 0; k + 1 < pipes.length; k++) {
      let a = pipes[k] + 1;
      let b = pipes[k + 1];
      while (a < b && text.charCodeAt(a) === 32) a++;
      while (b > a && text.charCodeAt(b - 1) === 32) b--;
      const children: PhrasingContent[] = [];
      c = phrasing(text, a, b, rowLine, rowStart, p.calls, c, children).c;
      const cellEnd = k + 2 === pipes.length ? pipes[k + 1] + 1 : pipes[k + 1];
      cells.push({ type: 'tableCell', children, position: { start: point(rowLine, rowStart, pipes[k]), end: point(rowLine, rowStart, cellEnd) } });
    }
    const last = pipes[pipes.length - 1] + 1;
    rows.push({ type: 'tableRow', children: cells, position: { start: point(rowLine, rowStart, rowStart), end: point(rowLine, rowStart, last) } });
  }
  // The table ends with its last line, the delimiter row when it has no body; that line
  // starts after the line ending before it, whichever of the three it is.
  const lastLine = lineStartOf(text, p.end);
  return {
    type: 'table',
    align: p.align,
    children: rows,
    position: { start: point(line, p.start, p.start), end: point(line + p.breaks, lastLine, p.end) },
  };
}
