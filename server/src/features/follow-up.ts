import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Location } from 'vscode-languageserver-types';
import { localize, msg } from '../i18n.js';
import type { AuditDocument } from '../model/types.js';
import { earlierReports, followUpOf, followUpsOf, tableCell } from '../workspace/follow-up.js';
import { recommendationsOf, type Recommendation } from '../workspace/recommendations.js';
import { contains, lineAt, rangeOf, type FeatureContext } from './context.js';

/**
 * The editor's side of an uppföljning (spec §3): the earlier reports' recommendations
 * offered in the follow-up table, shown on hover and reached by go-to-definition.
 */

interface Earlier {
  path: string;
  uri: string;
  doc: AuditDocument;
  recommendations: Recommendation[];
}

function earlierOf(ctx: FeatureContext): Earlier[] {
  if (ctx.doc.type !== 'uppföljning' || !ctx.related) return [];
  const out: Earlier[] = [];
  for (const r of earlierReports(ctx.doc) ?? []) {
    const doc = ctx.related(r.path);
    if (!doc) continue;
    let uri: string;
    try {
      uri = new URL(r.path.split(/[\\/]/).map(encodeURIComponent).join('/'), ctx.uri).href;
    } catch {
      continue;
    }
    out.push({ path: r.path, uri, doc, recommendations: recommendationsOf(doc) });
  }
  return out;
}

/** The earlier recommendation that the follow-up at an offset stands for. */
function followedAt(ctx: FeatureContext, offset: number): { earlier: Earlier; rec: Recommendation; span: { start: number; end: number } } | null {
  const here = followUpsOf(ctx.doc).find((f) => contains(f.span, offset));
  if (!here) return null;
  for (const earlier of earlierOf(ctx)) {
    for (const rec of earlier.recommendations) if (followUpOf([here], rec.text)) return { earlier, rec, span: here.span };
  }
  return null;
}

export function followUpHover(ctx: FeatureContext, offset: number): Hover | null {
  const found = followedAt(ctx, offset);
  if (!found) return null;
  const { earlier, rec } = found;
  const t = (sv: string, en: string) => localize(msg(sv, en), ctx.locale);
  const title = earlier.doc.frontmatter?.fields.get('titel')?.value;
  const value = [
    `**${t('Tidigare rekommendation', 'Earlier recommendation')}** — ${typeof title === 'string' ? title : earlier.path} (${earlier.path})`,
    '',
    `> ${rec.text}`,
    '',
    `${t('Kontrollmål', 'Kontrollmål')} ${rec.unit}${rec.unitText ? `: ${rec.unitText}` : ''}  `,
    `${t('Bedömning', 'Assessment')}: **${rec.grade ?? t('ingen', 'none')}**`,
  ].join('\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(ctx.doc, found.span) };
}

export function followUpDefinition(ctx: FeatureContext, offset: number): Location | null {
  const found = followedAt(ctx, offset);
  return found ? { uri: found.earlier.uri, range: found.earlier.doc.lines.range(found.rec.span.start, found.rec.span.end) } : null;
}

/** In a table row of an uppföljning, the earlier recommendations not yet followed up, as whole rows. */
export function followUpCompletions(ctx: FeatureContext, offset: number): CompletionItem[] | null {
  const line = lineAt(ctx.doc, offset);
  if (ctx.doc.type !== 'uppföljning' || !/^[ \t]{0,3}\|[^|]*$/.test(line.before)) return null;
  const earlier = earlierOf(ctx);
  if (earlier.length === 0) return null;
  const followUps = followUpsOf(ctx.doc);
  const start = line.start + line.before.indexOf('|');
  const range = rangeOf(ctx.doc, { start, end: line.end });
  const items: CompletionItem[] = [];
  for (const e of earlier) {
    for (const rec of e.recommendations) {
      if (followUpOf(followUps, rec.text)) continue;
      items.push({
        label: rec.text,
        kind: CompletionItemKind.Reference,
        detail: `${e.path} · ${localize(msg('kontrollmål', 'kontrollmål'), ctx.locale)} ${rec.unit}${rec.grade ? ` · ${rec.grade}` : ''}`,
        filterText: `| ${rec.text}`,
        sortText: String(items.length).padStart(4, '0'),
        textEdit: { range, newText: `| ${tableCell(rec.text)} | | ${tableCell(e.path)} |` },
      });
    }
  }
  return items;
}
