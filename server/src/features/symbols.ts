import { sectionStats } from '../spelling/prose.js';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import { localize, msg } from '../i18n.js';
import type { Section } from '../model/types.js';
import { contentEnd } from '../rules/edits.js';
import { gradeOnScale } from '../rules/util.js';
import type { WorkspaceIndex } from '../workspace/index.js';
import { rangeOf, type FeatureContext } from './context.js';

/**
 * The outline: the frontmatter, then the sections as written, where each kontrollmål shows
 * its grade (or that it lacks one) beside its name.
 */
export function documentSymbols(ctx: FeatureContext): DocumentSymbol[] {
  const { doc, locale } = ctx;
  const byHeading = new Map(doc.controlObjectives.map((km) => [km.headingSpan.start, km]));
  const toSymbol = (s: Section): { symbol: DocumentSymbol; end: number } => {
    const km = byHeading.get(s.headingSpan.start);
    let detail: string | undefined;
    if (km) {
      const g = km.bedomning?.gradeText;
      detail = g ? (gradeOnScale(doc, g) !== null ? g : `${g} ?`) : localize(msg('saknar bedömning', 'no assessment'), locale);
    } else if (s.parent === null) {
      // A chapter shows its readability in the outline: where the text grows heavy is visible at a glance.
      const stats = sectionStats(doc, s, ctx.config.sentenceLength);
      if (stats.lix !== null) detail = `LIX ${stats.lix.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1 })} · ${stats.words} ${locale === 'sv' ? 'ord' : 'words'}`;
    }
    const children = s.children.map((c) => toSymbol(c));
    // Trimming trailing white space must not cut into the heading itself: a heading with
    // trailing spaces («### » while typing, «## Rubrik   ») and nothing after it would end
    // its range before its selection range, which VS Code rejects for the whole outline
    // ("selectionRange must be contained in fullRange"). Likewise a parent's range holds
    // its children's, whose headings may end in spaces too.
    let end = Math.max(trimmed(doc.text, { start: s.span.start, end: contentEnd(doc, s.span) }).end, s.headingSpan.end);
    for (const c of children) end = Math.max(end, c.end);
    return {
      end,
      symbol: {
        name: s.title.trim() || '#'.repeat(s.depth),
        detail,
        kind: km ? SymbolKind.Object : s.depth === 1 ? SymbolKind.Module : SymbolKind.Namespace,
        range: rangeOf(doc, { start: Math.min(s.span.start, s.headingSpan.start), end }),
        selectionRange: rangeOf(doc, s.headingSpan),
        children: children.map((c) => c.symbol),
      },
    };
  };
  const out: DocumentSymbol[] = [];
  if (doc.frontmatter && !doc.frontmatter.unclosed) {
    out.push({
      name: 'Frontmatter',
      detail: typeof doc.frontmatter.fields.get('typ')?.value === 'string' ? String(doc.frontmatter.fields.get('typ')!.value) : undefined,
      kind: SymbolKind.Struct,
      range: rangeOf(doc, doc.frontmatter.span),
      selectionRange: rangeOf(doc, { start: 0, end: 3 }),
      children: [],
    });
  }
  out.push(...doc.sections.map((s) => toSymbol(s).symbol));
  return out;
}

/** A section without the blank lines before the next heading, so that folded outlines look tidy. */
function trimmed(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

/**
 * Workspace symbols from the index: every level-1 and level-2 heading of every audit
 * document, kontrollmål with their grade. A query matches when its characters appear in
 * order in the name (as VS Code's own fuzzy match does), ignoring case.
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 500): SymbolInformation[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: SymbolInformation[] = [];
  for (const e of index.all()) {
    const container = e.titel ?? e.uri.slice(e.uri.lastIndexOf('/') + 1);
    for (const h of e.headings) {
      if (h.level > 2) continue;
      const name = h.grade !== undefined ? `${h.text} — ${h.grade}` : h.text;
      if (q && !subsequence(q, name.toLowerCase())) continue;
      out.push({
        name,
        kind: /kontrollmål/i.test(h.text) ? SymbolKind.Object : h.level === 1 ? SymbolKind.Module : SymbolKind.Namespace,
        location: { uri: e.uri, range: { start: { line: h.line, character: 0 }, end: { line: h.line, character: h.level + 1 + h.text.length } } },
        containerName: container,
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function subsequence(q: string, s: string): boolean {
  let i = 0;
  for (let j = 0; j < s.length && i < q.length; j++) if (s[j] === q[i]) i++;
  return i === q.length;
}
