import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Section } from '../model/types.js';
import { contentEnd } from '../rules/edits.js';
import type { FeatureContext } from './context.js';

/**
 * Folding: the frontmatter, every section from its heading to its last non-blank line, a
 * run of footnote definitions, and multi-line HTML comments.
 */
export function foldingRanges(ctx: FeatureContext): FoldingRange[] {
  const { doc } = ctx;
  const out: FoldingRange[] = [];
  const lineOf = (offset: number) => doc.lines.positionAt(offset).line;
  const lastLine = (end: number) => {
    let e = end;
    while (e > 0 && /\s/.test(doc.text[e - 1])) e--;
    return lineOf(e);
  };
  if (doc.frontmatter && !doc.frontmatter.unclosed) {
    const end = lastLine(doc.frontmatter.span.end);
    if (end > 0) out.push({ startLine: 0, endLine: end, kind: FoldingRangeKind.Region });
  }
  const visit = (s: Section) => {
    const start = lineOf(s.headingSpan.start);
    // The footnote definitions after the last section fold on their own, not with it.
    const end = lastLine(contentEnd(doc, s.span));
    if (end > start) out.push({ startLine: start, endLine: end });
    s.children.forEach(visit);
  };
  doc.sections.forEach(visit);
  // Consecutive footnote definitions fold as one block.
  let run: { start: number; end: number } | null = null;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end });
    run = null;
  };
  for (const def of doc.footnoteDefs) {
    const s = lineOf(def.span.start);
    const e = lastLine(def.span.end);
    if (run && s <= run.end + 1) run.end = e;
    else {
      flush();
      run = { start: s, end: e };
    }
  }
  flush();
  for (const n of doc.root.children) {
    if (n.type !== 'html' || !n.value.startsWith('<!--')) continue;
    const s = lineOf(n.position?.start.offset ?? 0);
    const e = lastLine(n.position?.end.offset ?? 0);
    if (e > s) out.push({ startLine: s, endLine: e, kind: FoldingRangeKind.Comment });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
