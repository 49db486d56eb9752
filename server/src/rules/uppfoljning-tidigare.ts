import { msg } from '../i18n.js';
import { earlierReports } from '../workspace/follow-up.js';
import type { Rule } from './rule.js';
import { field, firstLine } from './util.js';

export const uppfoljningTidigare: Rule = {
  id: 'uppfoljning-tidigare',
  severity: 'error',
  description: msg('En uppföljning anger inte den tidigare rapporten, eller den finns inte.', 'An uppföljning does not name the earlier report, or it does not exist.'),
  docs: {
    why: msg(
      'En uppföljning prövar om en tidigare granskning har fått effekt. Utan "tidigare" kan Granska inte kontrollera att varje tidigare rekommendation följs upp.',
      'An uppföljning checks whether an earlier audit had effect. Without "tidigare" Granska cannot check that every earlier recommendation is followed up.',
    ),
    bad: 'tidigare: granskning-integraton.rev.md',
    good: 'tidigare: granskning-integration.rev.md',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type !== 'uppföljning' || !doc.frontmatter || doc.frontmatter.errors.length > 0) return;
    const reports = earlierReports(doc);
    if (reports === null || reports.length === 0) {
      ctx.report({
        span: reports === null ? firstLine(doc) : field(doc, 'tidigare')!.keySpan,
        message: msg(
          'Uppföljningen anger inte vilken rapport den följer upp. Lägg till "tidigare: <sökväg till rapporten>" (eller en lista).',
          'The uppföljning does not name the report it follows up. Add "tidigare: <path of the report>" (or a list).',
        ),
      });
      return;
    }
    for (const r of reports) {
      if (ctx.related?.(r.path) || (ctx.fileExists ? ctx.fileExists(r.path) : !ctx.related)) continue;
      ctx.report({
        span: r.span,
        message: msg(
          `Den tidigare rapporten "${r.path}" finns inte. Sökvägen räknas från uppföljningens mapp.`,
          `The earlier report "${r.path}" does not exist. The path is relative to the uppföljning's folder.`,
        ),
      });
    }
  },
};
