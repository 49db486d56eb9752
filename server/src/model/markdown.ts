import type { Root, RootContent } from 'mdast';
import { collectDefinitions, definitionIds, definitionStubs, shiftPositions, type Definitions } from './mdast-tools.js';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Extension as MicromarkExtension, TokenizeContext } from 'micromark-util-types';
import { parseWithPlainBlocks } from './plain-blocks.js';
import { lineStartOf, OPENS_FRONTMATTER } from './text.js';
import { IndexedList } from '../indexed-list.js';

/**
 * A document construct tried at the start of the first line (the `null` key means «any
 * character»): it never matches, but first gives the parser the fast label list that the
 * footnote extension otherwise creates lazily as a plain array.
 */
const primeFootnoteLabels: MicromarkExtension = {
  document: {
    null: {
      name: 'granskaFootnoteLabels',
      tokenize(this: TokenizeContext, _effects, _ok, nok) {
        const parser = this.parser as { gfmFootnotes?: string[] };
        if (!parser.gfmFootnotes) parser.gfmFootnotes = new IndexedList();
        return nok;
      },
    },
  },
};

/**
 * The two parts of GitHub Flavored Markdown the dialect gives meaning to: footnotes and
 * tables. remark-gfm is these two plus autolink literals, strikethrough and task lists,
 * which cost about a third of the parse time on a long report (see docs/prestanda.md)
 * and carry no meaning for an audit document, so we register only the two we need,
 * from the same packages remark-gfm is built from.
 */
function remarkGfmParts(this: Processor, options: { tables: boolean }): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(primeFootnoteLabels, gfmFootnote(), ...(options.tables ? [gfmTable()] : []));
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), ...(options.tables ? [gfmTableFromMarkdown()] : []));
}

const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmParts, { tables: true }).freeze();
const withoutTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmParts, { tables: false }).freeze();

/** Parses with every extension, tables included, in one pass. The reference for `parseMarkdown`. */
export function parseMarkdownFull(text: string): Root {
  return full.parse(text) as Root;
}

/**
 * Lines that may be a GFM delimiter row (`| --- | :---: |`, `-|`), also inside block quotes
 * and list items: only pipes, dashes, colons and spaces, with a dash and a pipe or colon
 * (checked on the match, see `isDelimiterRow`). It may match more than GFM accepts; that
 * costs a re-parse, never a wrong tree. The pattern needs a pipe, dash or colon right after
 * the prefix, which no prefix character is, so a failing line is given up after one pass:
 * lookaheads after `[ \t>]*` made a line of 100 000 spaces take seconds of backtracking.
 */
const DELIMITER_ROW = /^[ \t>]*[|:\-][|:\- \t]*\r?$/gm;

function isDelimiterRow(row: string): boolean {
  return row.includes('-') && (row.includes('|') || row.includes(':'));
}

/**
 * Parses Markdown into mdast, giving the same tree as `parseMarkdownFull` at a fraction of
 * the cost. The GFM table tokenizer is tried at the start of every line, which made it the
 * most expensive part of parsing a long report, yet a table needs a delimiter row. So the
 * text is parsed without tables, and only the runs of top-level blocks that hold a
 * delimiter row are parsed again with tables. A run is a sequence of blocks with no blank
 * line between them: a table ends at a blank line, so what it changes (lazy continuation
 * lines it refuses, say) stays inside its run. May throw only on pathological input.
 */
export function parseMarkdown(text: string): Root {
  // Plain prose is built without micromark (`plain-blocks.ts`), which gives the same tree.
  const root = parseWithPlainBlocks(text, parseWithoutTables);
  DELIMITER_ROW.lastIndex = 0;
  const rows: number[] = [];
  for (let m = DELIMITER_ROW.exec(text); m; m = DELIMITER_ROW.exec(text)) {
    if (isDelimiterRow(m[0])) rows.push(m.index);
  }
  if (rows.length === 0) return root;
  // After a failed frontmatter attempt (an opening `---` never closed) micromark parses
  // later tables differently from the same text without it, so a local re-parse cannot
  // match. Such a document is broken anyway and is parsed whole.
  if (OPENS_FRONTMATTER.test(text) && root.children[0]?.type !== 'yaml') return parseMarkdownFull(text);
  const runs = blankLineRuns(text, root.children);
  const replaced: RootContent[] = [];
  // Definitions anywhere in the text (also inside quotes and lists) resolve references in
  // the table; collected once, on the first table, from the parse without tables.
  let defs: Definitions | null = null;
  let r = 0;
  for (const run of runs) {
    const first = root.children[run.from];
    const last = root.children[run.to - 1];
    const start = first.position?.start.offset ?? 0;
    const end = last.position?.end.offset ?? 0;
    while (r < rows.length && rows[r] < start) r++;
    const holdsRow = r < rows.length && rows[r] < end;
    const blocks = root.children.slice(run.from, run.to);
    // A table already built by the plain-block path needs no second parse.
    if (!holdsRow || blocks.every((b) => NO_MARKDOWN.has(b.type)) || (blocks.length === 1 && blocks[0].type === 'table')) {
      replaced.push(...blocks);
      continue;
    }
    // When the table's run holds more than one block, a table row may be what opened the
    // next block in the parse without tables (a code fence, a footnote definition, …), and
    // how micromark then parses it can depend on text far before the run. No local re-parse
    // is safe, so the whole text is parsed at once. In real reports a table stands alone
    // between blank lines, and this path is rare.
    if (blocks.length > 1) return parseMarkdownFull(text);
    defs ??= collectDefinitions(root.children);
    const again = reparse(text, start, end, first.position?.start.line ?? 1, defs);
    // A table that refuses a lazy line can turn that line into a definition, which then
    // resolves references anywhere in the document; only a whole parse gets that right.
    if (definitionIds(again) !== definitionIds(blocks)) return parseMarkdownFull(text);
    // A table can turn a line after it into the start of a block that goes on past a blank
    // line (`2019. x` is no list inside a paragraph but is after a table, an indented line
    // becomes code): the blocks after the run may then belong to it. Only a whole parse gets
    // that right.
    const lastAgain = again[again.length - 1];
    const lastBlock = blocks[blocks.length - 1];
    if (lastAgain && SPANS_BLANK_LINES.has(lastAgain.type) && (lastBlock.type !== lastAgain.type || lastBlock.position?.start.offset !== lastAgain.position?.start.offset)) {
      return parseMarkdownFull(text);
    }
    replaced.push(...again);
  }
  root.children = replaced;
  return root;
}

function parseWithoutTables(text: string): Root {
  return withoutTables.parse(text) as Root;
}

/** Blocks that a blank line does not end. */
const SPANS_BLANK_LINES = new Set(['list', 'code', 'html', 'footnoteDefinition']);

/** Blocks whose text is not Markdown: a delimiter row inside them is no table. */
const NO_MARKDOWN = new Set(['code', 'html', 'yaml']);

/**
 * A line ending, spaces or tabs, and another line ending: a blank line between two blocks.
 * Line endings are `\n`, `\r\n` or a lone `\r`, as micromark reads them; a `\r` before a `\n`
 * is never a line ending of its own, or one CRLF would read as a blank line.
 */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/;

/** Splits top-level blocks into runs separated by blank lines; indexes are [from, to). */
function blankLineRuns(text: string, children: readonly RootContent[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i <= children.length; i++) {
    if (i < children.length) {
      const gap = text.slice(children[i - 1].position?.end.offset ?? 0, children[i].position?.start.offset ?? 0);
      if (!BLANK_LINE.test(gap)) continue;
    }
    if (i > from) runs.push({ from, to: i });
    from = i;
  }
  return runs;
}

/** Parses a run of blocks again with tables, keeping its footnotes and links resolvable. */
function reparse(text: string, start: number, end: number, line: number, defs: Definitions): RootContent[] {
  const lineStart = lineStartOf(text, start);
  const slice = text.slice(lineStart, end);
  const suffix = definitionStubs(defs, slice);
  const sub = full.parse(slice + suffix) as Root;
  const kept = sub.children.filter((n) => (n.position?.start.offset ?? 0) < slice.length);
  shiftPositions(kept, lineStart, line - 1);
  return kept;
}
