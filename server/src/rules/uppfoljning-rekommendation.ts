import { msg } from '../i18n.js';
import type { AuditDocument, Span } from '../model/types.js';
import { earlierReports, followUpOf, scanFollowUps, tableCell } from '../workspace/follow-up.js';
import { recommendationsOf, type Recommendation } from '../workspace/recommendations.js';
import { insertBlock } from './edits.js';
import type { Rule, SpanEdit } from './rule.js';
import { resolveGrade } from './util.js';

export const uppfoljningRekommendation: Rule = {
  id: 'uppfoljning-rekommendation',
  severity: 'error',
  description: msg('En tidigare rekommendation följs inte upp med en status.', 'An earlier recommendation is not followed up with a status.'),
  docs: {
    why: msg(
      'Uppföljningens värde ligger i att varje tidigare rekommendation prövas. En rekommendation som tappats bort, eller som saknar en status på uppföljningsskalan, lämnar fullmäktige utan besked.',
      'The value of an uppföljning is that every earlier recommendation is examined. A recommendation that was dropped, or has no status on the follow-up scale, leaves the council without an answer.',
    ),
    bad: '| Dokumentera återrapporteringen. | Åtgärdad | granskning-integration.rev.md |',
    good: '| Dokumentera genomförd återrapportering i protokollen. | Åtgärdad | granskning-integration.rev.md |',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type !== 'uppföljning' || !ctx.related) return;
    const reports = earlierReports(doc) ?? [];
    if (reports.length === 0) return;
    const { followUps, tables } = scanFollowUps(doc);
    const scale = ctx.config.followUpScale;
    const missing: { rec: Recommendation; source: string; span: Span }[] = [];
    for (const r of reports) {
      const earlier = ctx.related(r.path);
      if (!earlier) continue;
      for (const rec of recommendationsOf(earlier)) {
        const f = followUpOf(followUps, rec.text);
        if (!f) missing.push({ rec, source: r.path, span: r.span });
        else if (!f.status || !resolveGrade(f.status, scale)) {
          ctx.report({
            span: f.span,
            message: msg(
              `${f.status ? `"${f.status}" finns inte på uppföljningsskalan` : 'Status saknas'} för "${rec.text}". Välj ${scale.join(', ')}.`,
              `${f.status ? `"${f.status}" is not on the follow-up scale` : 'No status'} for "${rec.text}". Choose ${scale.join(', ')}.`,
            ),
          });
        }
      }
    }
    if (missing.length === 0) return;
    // One fix writes every missing row: into the follow-up table, or a new table before the findings.
    const fix = {
      title: msg('Skriv uppföljningstabellen med de tidigare rekommendationerna', 'Write the follow-up table with the earlier recommendations'),
      edits: [tableEdit(doc, tables, missing)],
      safe: false,
    };
    for (const { rec, source, span } of missing) {
      ctx.report({
        span,
        message: msg(
          `Rekommendationen "${rec.text}" (kontrollmål ${rec.unit} i ${source}) följs inte upp. Lägg till en rad i uppföljningstabellen med status ${scale.join(', ')}.`,
          `The recommendation "${rec.text}" (kontrollmål ${rec.unit} of ${source}) is not followed up. Add a row to the follow-up table with a status of ${scale.join(', ')}.`,
        ),
        fixes: [fix],
      });
    }
  },
};

function tableEdit(doc: AuditDocument, tables: ReturnType<typeof scanFollowUps>['tables'], missing: { rec: Recommendation; source: string }[]): SpanEdit {
  const table = tables[0];
  if (table) {
    const sourceColumn = table.columns.findIndex((c, i) => i !== table.statusColumn && /källa|rapport|tidigare/i.test(c));
    const textColumn = table.columns.findIndex((_, i) => i !== table.statusColumn && i !== sourceColumn);
    const rows = missing.map(({ rec, source }) => `| ${table.columns.map((_, i) => (i === textColumn ? tableCell(rec.text) : i === sourceColumn ? tableCell(source) : '')).join(' | ')} |`.replace(/ {2}\|/g, ' |'));
    return { span: { start: table.end, end: table.end }, newText: `\n${rows.join('\n')}` };
  }
  const block = [
    '# Uppföljning av tidigare rekommendationer',
    '',
    '| Rekommendation | Status | Källa |',
    '| --- | --- | --- |',
    ...missing.map(({ rec, source }) => `| ${tableCell(rec.text)} | | ${tableCell(source)} |`),
  ].join('\n') + '\n';
  return insertBlock(doc, doc.findingsSection?.headingSpan.start ?? doc.text.length, block);
}
