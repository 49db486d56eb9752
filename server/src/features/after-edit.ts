import type { CompletionItem, Hover, Position } from 'vscode-languageserver-types';
import type { AuditDocument } from '../model/types.js';
import { mayComplete } from './completion.js';
import type { FeatureContext } from './context.js';
import { referenceHover } from './hover.js';

/**
 * Completion and hover right after a keystroke, answered from the model of the version
 * before it, without parsing the new version, when that provably gives the answer a parse
 * would. A request sent right after an edit otherwise pays the incremental parse of the new
 * version (a few milliseconds on a 100-page report, more when a scavenge falls in it), and
 * the validation parses that version a moment later anyway.
 *
 * The proof rests on one kind of edit, a keystroke in running text (`proseEdit`): letters,
 * digits and spaces typed or deleted inside one line of a root-level paragraph, after the
 * line's indentation, where a letter stands before and after the edit. Such an edit cannot
 * change the structure of the document outside that paragraph:
 * - no line break is added or removed, and the edited line keeps its indentation and a
 *   letter after it, so it stays a non-blank line that starts with a letter, which opens no block (headings,
 *   quotes, lists, fences, HTML, thematic breaks, setext underlines, definitions and
 *   delimiter rows all start with something else) and so cannot interrupt the paragraph;
 * - the line holds no `|`, so it can neither become a table's header row nor change its
 *   cell count, and no backslash stands before the edit, so no escape changes;
 * - what it adds inside the paragraph (emphasis, a decision, a reference) stays inside it:
 *   inline constructs never cross a block, and a definition cannot start in the middle of
 *   a line.
 * Everything outside the paragraph is then what it was, moved by the edit's length, and
 * on the same lines at the same characters, since no line break changed. A fact of the old
 * model outside the paragraph is a fact of the new one. `test/after-edit.test.ts` checks
 * the answers against a full parse of each version on random edits.
 */

/** One change from the model's version to the document's current one, in the model's offsets. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Several changes made one after the other (each in the offsets of the text the one before
 * it left), starting from `text`, as one change of `text`: the least span of it that they
 * replaced, and what stands there now. Only changes that all fall in one line of `text`
 * and break no line are joined (typing a word before the validation has caught up), which
 * needs no more than that line; null for anything else.
 */
export function joinEdits(text: string, edits: readonly TextEdit[]): TextEdit | null {
  if (edits.length === 0) return null;
  if (edits.length === 1) return edits[0];
  const at = edits[0].start;
  if (at < 0 || at > text.length) return null;
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  let lineEnd = lineStart;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
  const old = text.slice(lineStart, lineEnd);
  let line = old;
  for (const e of edits) {
    const from = e.start - lineStart;
    const to = e.end - lineStart;
    if (from < 0 || to < from || to > line.length || /[\n\r]/.test(e.text)) return null;
    line = line.slice(0, from) + e.text + line.slice(to);
  }
  // The least change that turns the old line into the new one.
  let prefix = 0;
  const max = Math.min(old.length, line.length);
  while (prefix < max && old.charCodeAt(prefix) === line.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === line.charCodeAt(line.length - 1 - suffix)) suffix++;
  return { start: lineStart + prefix, end: lineStart + old.length - suffix, text: line.slice(prefix, line.length - suffix) };
}

/** Enough changes for a word typed between two validations. */
const KEPT_EDITS = 32;
/** A longer insertion (a paste) is no keystroke, and is not kept in memory for one. */
const MAX_KEPT_TEXT = 1000;

/**
 * The last changes of each open document, each with the versions it went from and to, so
 * that a request right after keystrokes can be answered from the model of the version
 * before them. Only an unbroken run of versions is kept.
 */
export class EditLog {
  private readonly byUri = new Map<string, { from: number; to: number; edit: TextEdit }[]>();

  /** One change from version `from` to `to`; null (a change that is not one range replaced) forgets the document's. */
  note(uri: string, from: number, to: number, edit: TextEdit | null): void {
    if (!edit || edit.text.length > MAX_KEPT_TEXT) {
      this.byUri.delete(uri);
      return;
    }
    const kept = this.byUri.get(uri) ?? [];
    if (kept.length > 0 && kept[kept.length - 1].to !== from) kept.length = 0;
    kept.push({ from, to, edit });
    if (kept.length > KEPT_EDITS) kept.shift();
    this.byUri.set(uri, kept);
  }

  /** The changes from version `from` (whose text is `text`) to version `to`, joined (`joinEdits`); null when not all are kept or they do not join. */
  since(uri: string, text: string, from: number, to: number): TextEdit | null {
    const kept = this.byUri.get(uri);
    if (!kept || kept.length === 0 || kept[kept.length - 1].to !== to) return null;
    const first = kept.findIndex((e) => e.from === from);
    return first < 0 ? null : joinEdits(text, kept.slice(first).map((e) => e.edit));
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

/** A keystroke in running text that a model can answer requests across (see the top of this file). */
export interface ProseEdit {
  edit: TextEdit;
  /** The edited line (0-based) and its start and end (before its line break) in the old text. */
  line: number;
  lineStart: number;
  lineEnd: number;
  /** The root-level paragraph the edit falls in, in the old text. */
  block: { start: number; end: number };
}

/** Letters, digits and plain spaces: nothing Markdown reads as syntax, and no line break. */
const PLAIN = /^[\p{L}\p{N} ]*$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/**
 * The edit as a keystroke in running text of `doc`, or null when it may be anything else
 * (then the new version must be parsed to answer). `doc` is the model of the text the edit
 * applies to; it must not have been consumed by a later parse.
 */
export function proseEdit(doc: AuditDocument, edit: TextEdit): ProseEdit | null {
  const { text } = doc;
  // A model with guarded input was parsed from neutralised text; no reasoning about the raw text holds there.
  if (doc.parseProblems.length > 0 || doc.frontmatter?.unclosed) return null;
  if (edit.start < 1 || edit.end < edit.start || edit.end > text.length) return null;
  const removed = text.slice(edit.start, edit.end);
  if (removed.length === 0 && edit.text.length === 0) return null;
  if (!PLAIN.test(removed) || !PLAIN.test(edit.text)) return null;
  if (text.charCodeAt(edit.start - 1) === 92) return null;
  const line = doc.lines.positionAt(edit.start).line;
  const lineStart = doc.lines.lineStarts[line];
  const lineEnd = doc.lines.lineEnd(line);
  if (edit.end > lineEnd) return null;
  const lineText = text.slice(lineStart, lineEnd);
  if (lineText.includes('|') || lineText.includes('\r')) return null;
  let first = lineStart;
  while (first < lineEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
  if (first > edit.start || !STARTS_WITH_LETTER.test(text.slice(first, first + 2))) return null;
  // An edit at the first character must leave a letter there, after the same indentation.
  if (first === edit.start && !STARTS_WITH_LETTER.test((edit.text + text.slice(edit.end, edit.end + 2)).slice(0, 2))) return null;
  const block = rootBlockAt(doc, first);
  if (!block || block.type !== 'paragraph') return null;
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  if (start === undefined || end === undefined || start > first || edit.end > end) return null;
  return { edit, line, lineStart, lineEnd, block: { start, end } };
}

/** The root-level block whose span holds `offset`, found by halving. */
function rootBlockAt(doc: AuditDocument, offset: number) {
  const children = doc.root.children;
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const pos = children[mid].position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return null;
    if (pos.end.offset < offset) low = mid + 1;
    else if (pos.start.offset > offset) high = mid - 1;
    else return children[mid];
  }
  return null;
}

/**
 * Completion at `position` (on the new text, the model's positions) from the old model's
 * context, or undefined when the new version must be parsed to answer. Only the empty
 * answer is given this way: where the text before the cursor on its line can start no
 * completion (`mayComplete`), past the frontmatter, in a document whose type the edit did
 * not change.
 */
export function completionsAfterEdit(ctx: FeatureContext, prose: ProseEdit, position: Position): CompletionItem[] | undefined {
  const { doc } = ctx;
  const { edit } = prose;
  if (position.line < 0 || position.line >= doc.lines.lineStarts.length) return undefined;
  let before: string;
  if (position.line === prose.line) {
    // The edited line as it reads now, cut where `LineIndex.offsetAt` cuts a position on it.
    const now = doc.text.slice(prose.lineStart, edit.start) + edit.text + doc.text.slice(edit.end, prose.lineEnd);
    before = now.slice(0, Math.min(Math.max(0, position.character), now.length));
  } else {
    // Another line reads as before; the frontmatter, before the paragraph, is unchanged.
    const offset = doc.lines.offsetAt(position);
    const fm = doc.frontmatter;
    if (fm && offset < Math.max(fm.contentStart, doc.text.lastIndexOf('\n', fm.span.end - 1) + 1)) return undefined;
    before = doc.text.slice(doc.lines.lineStarts[position.line], offset);
  }
  return mayComplete(before, doc.type) ? undefined : [];
}

/**
 * Hover at `position` (on the new text) from the old model's context, or undefined when the
 * new version must be parsed to answer. Answered this way: a footnote reference or decision
 * reference outside the edited paragraph, which reads only facts outside it (the reference,
 * its definition and the decisions in that definition, none of which can stand in a
 * paragraph at the root), all on lines the edit did not touch.
 */
export function hoverAfterEdit(ctx: FeatureContext, prose: ProseEdit, position: Position): Hover | undefined {
  const { doc } = ctx;
  if (position.line < 0 || position.line >= doc.lines.lineStarts.length || position.line === prose.line) return undefined;
  const offset = doc.lines.offsetAt(position);
  if (offset >= prose.block.start && offset <= prose.block.end) return undefined;
  return referenceHover(ctx, offset) ?? undefined;
}
