import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

/**
 * The two parts of GitHub Flavored Markdown the dialect gives meaning to: footnotes and
 * tables. remark-gfm is these two plus autolink literals, strikethrough and task lists,
 * which cost about a third of the parse time on a long report (see docs/prestanda.md)
 * and carry no meaning for an audit document, so we register only the two we need,
 * from the same packages remark-gfm is built from.
 */
function remarkGfmFootnotesAndTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmFootnotesAndTables).freeze();

/** Parses Markdown into mdast. May throw only on pathological input; callers catch. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
