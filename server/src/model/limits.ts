import type { Nodes, Root } from 'mdast';
import { msg, type Msg } from '../i18n.js';
import type { Span } from './types.js';

/**
 * Guards against inline constructs whose resolution in micromark grows with the square of
 * their number in one paragraph: every `]` looks back over the paragraph for its `[`, and
 * every `*` or `_` run for its opener. 40 000 `*a` took half a minute, 30 000 undefined
 * `[^u]` twenty seconds. No real paragraph has hundreds of either, so a paragraph with more
 * than the limit is parsed with those characters neutralised (offsets kept), its text is
 * given back its own characters afterwards, and a `tolkning` diagnostic says what was not
 * read as markup.
 */

/** Brackets (`[`) or emphasis runs (`*`, `_`) in one paragraph beyond which they are read as text. */
export const MAX_INLINE_MARKERS = 500;

/** What replaces a neutralised character while parsing: a private-use character, markup to nobody. */
const PLACEHOLDER = '\uE000';

export interface InlineGuard {
  parseInput: string;
  problems: { span: Span; message: Msg }[];
  /** Spans whose characters were neutralised, in order; empty when the text is parsed as written. */
  tamed: Span[];
}

/**
 * Table cells (pipes) in one line beyond which the line's pipes are read as text: micromark
 * splices the events of every cell into the row's, so a 1 MB row of cells took minutes and
 * gigabytes. Real tables have tens of columns; a thousand cost milliseconds.
 */
export const MAX_TABLE_CELLS = 1000;

/** A cheap test: with fewer markers than the limit in the whole text, no paragraph can exceed it. */
export function mayNeedInlineGuard(text: string): boolean {
  let pipes = 0;
  for (let i = text.indexOf('|'); i >= 0 && pipes <= MAX_TABLE_CELLS; i = text.indexOf('|', i + 1)) pipes++;
  if (pipes > MAX_TABLE_CELLS) return true;
  let brackets = 0;
  let stars = 0;
  for (let i = text.indexOf('['); i >= 0 && brackets <= MAX_INLINE_MARKERS; i = text.indexOf('[', i + 1)) brackets++;
  if (brackets > MAX_INLINE_MARKERS) return true;
  for (let i = 0; i < text.length && stars <= MAX_INLINE_MARKERS; i++) {
    const c = text.charCodeAt(i);
    if ((c === 42 /* * */ || c === 95 /* _ */) && text.charCodeAt(i - 1) !== c) stars++;
  }
  return stars > MAX_INLINE_MARKERS;
}

/**
 * A line that starts a new block, ending the paragraph before it: a list item, a heading, a
 * table row or a footnote or link definition (a run of definitions is no paragraph), after
 * any quote markers.
 */
const BLOCK_START = /^[ \t>]*(?:[-+*][ \t]|\d{1,9}[.)][ \t]|#|\||\[[^\]\n]{1,999}\]:)/;

/** Whether some paragraph of the text exceeds the limit, so that `tameInline` changes it. */
export function needsInlineGuard(text: string): boolean {
  return mayNeedInlineGuard(text) && tameInline(text).tamed.length > 0;
}

/** A frontmatter block at the start of the text, up to its closing line. */
const FRONTMATTER = /^---[ \t]*\r?\n(?:[^\n]*\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

export function tameInline(text: string): InlineGuard {
  const guard: InlineGuard = { parseInput: text, problems: [], tamed: [] };
  if (!mayNeedInlineGuard(text)) return guard;
  const replace: number[] = [];
  let start = 0;
  let brackets: number[] = [];
  let closers: number[] = [];
  let runs: number[] = [];
  const close = (end: number) => {
    const tooManyBrackets = brackets.length > MAX_INLINE_MARKERS;
    const tooManyRuns = runs.length > MAX_INLINE_MARKERS;
    if (tooManyBrackets || tooManyRuns) {
      const span = { start, end };
      guard.tamed.push(span);
      // Both brackets: a `]` alone also looks back over the paragraph, for a footnote's `[^`.
      if (tooManyBrackets) for (const at of [...brackets, ...closers]) replace.push(at);
      if (tooManyRuns) {
        for (const at of runs) for (let i = at; i < end && text[i] === text[at]; i++) replace.push(i);
      }
      const what = tooManyBrackets && tooManyRuns ? 'hakparenteser och emfastecken' : tooManyBrackets ? 'hakparenteser' : 'emfastecken (* och _)';
      const whatEn = tooManyBrackets && tooManyRuns ? 'brackets and emphasis markers' : tooManyBrackets ? 'brackets' : 'emphasis markers (* and _)';
      guard.problems.push({
        span,
        message: msg(
          `Stycket har fler än ${MAX_INLINE_MARKERS} ${what} och läses som vanlig text: länkar, fotnotshänvisningar och kursiv eller fetstil i det tolkas inte.`,
          `The paragraph has more than ${MAX_INLINE_MARKERS} ${whatEn} and is read as plain text: links, footnote references and emphasis in it are not interpreted.`,
        ),
      });
    }
    brackets = [];
    closers = [];
    runs = [];
  };
  // The frontmatter is YAML, and a fenced code block is no paragraph: neither is counted.
  let lineStart = FRONTMATTER.exec(text)?.[0].length ?? 0;
  start = lineStart;
  let fence: string | null = null;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null || fenceMark) {
      if (fence === null) fence = fenceMark!;
      else if (fenceMark && fenceMark.startsWith(fence) && line.trim() === fenceMark) fence = null;
      close(lineStart);
      start = lineEnd + 1;
      lineStart = lineEnd + 1;
      continue;
    }
    if (line.trim() === '' || BLOCK_START.test(line)) {
      close(lineStart);
      start = lineStart;
    }
    let pipes = 0;
    for (let i = line.indexOf('|'); i >= 0 && pipes <= MAX_TABLE_CELLS; i = line.indexOf('|', i + 1)) pipes++;
    if (pipes > MAX_TABLE_CELLS) {
      const span = { start: lineStart, end: lineEnd };
      guard.tamed.push(span);
      for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) replace.push(lineStart + i);
      guard.problems.push({
        span,
        message: msg(
          `Raden har fler än ${MAX_TABLE_CELLS} tabellceller och läses som vanlig text, inte som en tabellrad.`,
          `The line has more than ${MAX_TABLE_CELLS} table cells and is read as plain text, not as a table row.`,
        ),
      });
    }
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 /* [ */) brackets.push(i);
      else if (c === 93 /* ] */) closers.push(i);
      else if ((c === 42 || c === 95) && text.charCodeAt(i - 1) !== c) runs.push(i);
    }
    lineStart = lineEnd + 1;
  }
  close(text.length);
  if (replace.length === 0) return guard;
  // Paragraphs and long rows may nest; restoring looks spans up by bisection, so merge them.
  const sorted = guard.tamed.sort((a, b) => a.start - b.start);
  guard.tamed = [];
  for (const span of sorted) {
    const last = guard.tamed[guard.tamed.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else guard.tamed.push({ ...span });
  }
  replace.sort((a, b) => a - b);
  const parts: string[] = [];
  let pos = 0;
  for (const at of replace) {
    parts.push(text.slice(pos, at), PLACEHOLDER);
    pos = at + 1;
  }
  parts.push(text.slice(pos));
  guard.parseInput = parts.join('');
  return guard;
}

/**
 * Gives the values of literal nodes in tamed spans their own characters back: the
 * placeholders stand exactly where the original characters were, so a value found at an
 * offset of the parse input is the original text at that offset.
 */
export function restoreTamed(root: Root, text: string, parseInput: string, tamed: readonly Span[]): void {
  if (tamed.length === 0) return;
  const inTamed = (offset: number) => {
    let low = 0;
    let high = tamed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tamed[mid].start <= offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 && tamed[low - 1].end > offset;
  };
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string' && node.value.includes(PLACEHOLDER)) {
      const start = node.position?.start.offset ?? -1;
      const end = node.position?.end.offset ?? -1;
      if (start >= 0 && inTamed(start)) {
        const at = parseInput.indexOf(node.value, start);
        if (at >= 0 && at + node.value.length <= end) node.value = text.slice(at, at + node.value.length);
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}
