import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import type { AuditDocument } from '../model/types.js';
import { questionSection } from './avsnitt-saknas.js';
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
    if (!isReport(doc) || doc.controlObjectives.length > 0) return;
    const unit = doc.profile.units;
    if (doc.defaultProfile || unit.discovery !== 'listed') {
      if (!doc.findingsSection) return;
      ctx.report({
        span: doc.findingsSection.headingSpan,
        message: doc.defaultProfile
          ? msg(
            'Rapporten har inga kontrollmål. Lägg till en rubrik "## Kontrollmål 1: <kontrollmålet>" under "Iakttagelser och bedömningar".',
            'The report has no kontrollmål. Add a heading "## Kontrollmål 1: <objective>" under "Iakttagelser och bedömningar".',
          )
          : msg(
            `Rapporten har inga ${unit.plural}. Lägg till en rubrik "${'#'.repeat(unit.level)} ${unitExample(doc)}" under "${doc.findingsSection.title}".`,
            `The report has no ${unit.plural}. Add a heading "${'#'.repeat(unit.level)} ${unitExample(doc)}" under "${doc.findingsSection.title}".`,
          ),
      });
      return;
    }
    // Units listed in the introduction: the place to add them is the revisionsfråga section.
    const section = questionSection(doc);
    if (!section) return;
    ctx.report({
      span: section.headingSpan,
      message: msg(
        `Rapporten har inga ${unit.plural}. Lista dem under "${section.title}" som en punktlista med frågor ("- …?").`,
        `The report has no ${unit.plural}. List them under "${section.title}" as a bulleted list of questions ("- …?").`,
      ),
    });
  },
};

/** A heading that would open the profile's first unit. */
function unitExample(doc: AuditDocument): string {
  const unit = doc.profile.units;
  return unit.discovery === 'numbered' ? `${unit.words[0] ?? unit.name} 1: <text>` : unit.discovery === 'questions' ? '<frågan>?' : '<rubrik>';
}
