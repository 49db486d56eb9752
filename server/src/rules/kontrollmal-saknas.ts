import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { isReport } from './util.js';

export const kontrollmalSaknas: Rule = {
  id: 'kontrollmal-saknas',
  severity: 'error',
  description: msg('Rapporten har inga kontrollmål.', 'The report has no kontrollmål.'),
  docs: {
    why: msg(
      'Revisionsfrågan besvaras genom kontrollmålen. En granskningsrapport utan kontrollmål har inget att bedöma mot.',
      'The audit question is answered through the control objectives. A report without them has nothing to assess against.',
    ),
    bad: '# Iakttagelser och bedömningar\n\n## Mål och aktiviteter',
    good: '# Iakttagelser och bedömningar\n\n## Kontrollmål 1: Finns mål och aktiviteter för att förbättra asyl och integration?',
  },
  check(ctx) {
    const { doc } = ctx;
    if (!isReport(doc) || !doc.findingsSection || doc.controlObjectives.length > 0) return;
    ctx.report({
      span: doc.findingsSection.headingSpan,
      message: msg(
        'Rapporten har inga kontrollmål. Lägg till en rubrik "## Kontrollmål 1: <kontrollmålet>" under "Iakttagelser och bedömningar".',
        'The report has no kontrollmål. Add a heading "## Kontrollmål 1: <objective>" under "Iakttagelser och bedömningar".',
      ),
    });
  },
};
