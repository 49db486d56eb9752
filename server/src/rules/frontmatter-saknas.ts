import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { firstLine } from './util.js';

export const frontmatterSaknas: Rule = {
  id: 'frontmatter-saknas',
  severity: 'error',
  description: msg('Filen saknar frontmatter.', 'The file has no frontmatter.'),
  docs: {
    why: msg(
      'Frontmattern talar om vilken sorts dokument det är, vilken kommun det gäller och vilket datum det har. Utan den kan Granska inte veta vilka avsnitt som krävs, och rapporten saknar uppgifterna till försättsbladet.',
      'The frontmatter says what kind of document this is, which municipality it concerns and its date. Without it Granska cannot know which sections are required, and the report lacks its title-page facts.',
    ),
    bad: '# Sammanfattning och revisionell bedömning',
    good: '---\ntyp: granskningsrapport\nkommun: Hultsfreds kommun\ntitel: Granskning av insatser för asyl och integration\ndatum: 2019-01-22\ngranskade: [kommunstyrelsen]\n---',
  },
  check(ctx) {
    if (ctx.doc.frontmatter) return;
    ctx.report({
      span: firstLine(ctx.doc),
      message: msg(
        'Dokumentet saknar frontmatter. Börja filen med en rad "---", nycklarna typ, kommun, titel och datum, och en avslutande rad "---".',
        'The document has no frontmatter. Start the file with a "---" line, the keys typ, kommun, titel and datum, and a closing "---" line.',
      ),
    });
  },
};
