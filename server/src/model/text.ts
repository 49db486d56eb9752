import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps string offsets (UTF-16 code units, which is what JavaScript strings and
 * micromark offsets count) to LSP positions. Built once per document version so
 * that every rule converts positions in O(log n) instead of rescanning the text.
 */
export class LineIndex {
  /** Offsets at which each line starts; line 0 starts at 0. */
  readonly lineStarts: number[];

  constructor(readonly text: string, known?: number[]) {
    if (known) {
      this.lineStarts = known;
      return;
    }
    const starts = [0];
    // Most documents have only \n line breaks; the native search finds them several times faster.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of a text made from `prev`'s by replacing `[start, oldEnd)` with what now
   * stands at `[start, newEnd)`. Line starts before the change are kept, those after it
   * moved, and only the changed text is searched, so a keystroke costs a copy of the
   * array of line starts instead of a search through the whole document. Equals
   * `new LineIndex(text)` (a property test checks it, with every kind of line break).
   */
  static edited(prev: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = prev.lineStarts;
    // A line start s depends on the characters at s - 1 and s (a \r followed by \n ends a
    // line only after the \n), so starts before `start` and after `oldEnd` are unchanged.
    const head = firstAtLeast(old, start);
    const fresh: number[] = [];
    if (start === 0) fresh.push(0);
    for (let s = Math.max(start, 1); s <= newEnd; s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) fresh.push(s);
    }
    const delta = newEnd - oldEnd;
    const tail = firstAtLeast(old, oldEnd + 1);
    // Typing within a line keeps the number of lines: the array is copied whole and the
    // starts after the change moved in place, rather than pushed one by one.
    if (fresh.length === tail - head) {
      const starts = old.slice();
      for (let i = 0; i < fresh.length; i++) starts[head + i] = fresh[i];
      if (delta !== 0) for (let i = tail; i < starts.length; i++) starts[i] += delta;
      return new LineIndex(text, starts);
    }
    const starts = old.slice(0, head);
    for (const s of fresh) starts.push(s);
    for (let i = tail; i < old.length; i++) starts.push(old[i] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break (between \r and \n) is shown at the end of the line:
    // LSP positions never point into the break.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The range of a whole line, without its line break. */
  lineRange(line: number): Range {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    return { start: { line: l, character: 0 }, end: { line: l, character: this.lineEnd(l) - this.lineStarts[l] } };
  }
}

/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Compares two labels the way the dialect does: case-insensitively with white space collapsed. */
export function normalizeLabel(s: string): string {
  return collapseSpace(s).toLowerCase();
}

/**
 * Normalises a heading for matching (spec §1): trims, removes a leading section number
 * such as `3.`, `3.1` or `3.1.2.` followed by a space, removes a trailing colon,
 * collapses white space and lower-cases.
 */
export function normalizeHeading(s: string): string {
  let t = collapseSpace(s);
  t = t.replace(/^\d+(?:\.\d+)*\.?\s+/, '');
  t = t.replace(/\s*:$/, '');
  return t.toLowerCase();
}

/** Removes only the section number, keeping the case, for display and kontrollmål parsing. */
export function stripSectionNumber(s: string): string {
  return collapseSpace(s).replace(/^\d+(?:\.\d+)*\.?\s+/, '');
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance, used to offer the closest key or
 * grade. With `max`, only a band of `max` cells either side of the diagonal is computed and
 * any distance above `max` is returned as `max + 1`: time and memory grow with the length
 * times the band, never with the product of the lengths, so a 20 000-character grade costs
 * as little as a short one.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0) return n;
  if (n === 0) return m;
  const band = Math.min(Math.max(m, n), max);
  const over = Number.isFinite(max) ? max + 1 : m + n + 1;
  // Three rolling rows (the transposition looks two rows back) instead of a full matrix.
  let prev2 = new Array<number>(n + 1).fill(over);
  let prev = new Array<number>(n + 1).fill(over);
  let row = new Array<number>(n + 1).fill(over);
  for (let j = 0; j <= Math.min(n, band); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(n, i + band);
    row.fill(over);
    if (i <= band) row[0] = i;
    let best = row[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = Math.min(d, over);
      if (row[j] < best) best = row[j];
    }
    // Every path to the last cell passes through this row; if all of it is over the limit, so is the result.
    if (best >= over) return over;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return Math.min(prev[n], over);
}

/** Words longer than this are not compared for suggestions. */
export const MAX_SUGGESTION_LENGTH = 200;

/** Returns the candidates closest to `word` (case-insensitively), best first, within a sensible distance. */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  // Nobody mistypes a key or a grade of hundreds of characters; such text gets no suggestion,
  // which keeps the distance's cost bounded however long the heading or the configured scale.
  if (w.length > MAX_SUGGESTION_LENGTH) return [];
  const limit = Math.max(2, Math.ceil(w.length / 3));
  // A candidate within `limit` edits can differ in length by at most `limit`, so the banded
  // distance bounded by `limit` decides the same candidates as the full one.
  return candidates
    .map((c) => ({ c, d: c.length > MAX_SUGGESTION_LENGTH ? limit + 1 : editDistance(w, c.toLowerCase(), limit) }))
    .filter((x) => x.d <= limit || containsWord(x.c, w))
    .sort((x, y) => x.d - y.d)
    .slice(0, max)
    .map((x) => x.c);
}

/** A longer candidate that contains what was typed (three letters at least) is close too. */
function containsWord(candidate: string, w: string): boolean {
  return w.length >= 3 && candidate.toLowerCase().includes(w);
}

/**
 * The length of the common start (and end) of two strings, up to `max`. Compares chunk by
 * chunk first: string equality is native, a loop over characters is not.
 */
/** The index of the first element of an ascending array that is at least `value` (its length if none is). */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function commonPrefix(a: string, b: string, max: number): number {
  let n = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (n + step <= max && a.slice(n, n + step) === b.slice(n, n + step)) n += step;
  }
  return n;
}

export function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (n + step <= max && a.slice(a.length - n - step, a.length - n) === b.slice(b.length - n - step, b.length - n)) n += step;
  }
  return n;
}

/**
 * An opening frontmatter fence: `---` and a line ending, which may be `\n`, `\r\n` or a lone
 * `\r`, as micromark ends lines.
 */
export const OPENS_FRONTMATTER = /^---[ \t]*(?:\r\n|\r|\n)/;

/**
 * The frontmatter block at the start of the text, as remark-frontmatter closes it. Each line
 * ending is read one way only (a `\r` before a `\n` is part of `\r\n`): read either way, an
 * unclosed frontmatter in CRLF text made the search try every combination of its lines, and
 * it never ended.
 */
export const FRONTMATTER = /^---[ \t]*(?:\r\n|\r|\n)(?:.*(?:\r\n|\r(?!\n)|\n))*?---[ \t]*(?:\r\n|\r|\n|$)/;

/** Where the line holding `offset` starts: after the line ending before it (`\n`, or a `\r` of `\r\n` or alone), or at 0. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}
