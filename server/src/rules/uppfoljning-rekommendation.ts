import { msg } from '../i18n.js';
import { earlierReports, followUpOf, followUpsOf } from '../workspace/follow-up.js';
import { recommendationsOf } from '../workspace/recommendations.js';
import type { Rule } from './rule.js';
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
    const followUps = followUpsOf(doc);
    const scale = ctx.config.followUpScale;
    for (const r of reports) {
      const earlier = ctx.related(r.path);
      if (!earlier) continue;
      for (const rec of recommendationsOf(earlier)) {
        const f = followUpOf(followUps, rec.text);
        if (!f) {
          ctx.report({
            span: r.span,
            message: msg(
              `Rekommendationen "${rec.text}" (kontrollmål ${rec.unit} i ${r.path}) följs inte upp. Lägg till en rad i uppföljningstabellen med status ${scale.join(', ')}.`,
              `The recommendation "${rec.text}" (kontrollmål ${rec.unit} of ${r.path}) is not followed up. Add a row to the follow-up table with a status of ${scale.join(', ')}.`,
            ),
          });
        } else if (!f.status || !resolveGrade(f.status, scale)) {
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
  },
};
