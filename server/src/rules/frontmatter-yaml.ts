import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { firstLine } from './util.js';

export const frontmatterYaml: Rule = {
  id: 'frontmatter-yaml',
  severity: 'error',
  description: msg('Frontmattern är inte giltig YAML.', 'The frontmatter is not valid YAML.'),
  docs: {
    why: msg(
      'Ett syntaxfel i frontmattern gör att inga av dess uppgifter kan läsas: typ, kommun, datum och status går förlorade tills felet är rättat.',
      'A syntax error in the frontmatter means none of its facts can be read: type, municipality, date and status are lost until it is fixed.',
    ),
    bad: 'granskade: [kommunstyrelsen, socialnämnden',
    good: 'granskade: [kommunstyrelsen, socialnämnden]',
  },
  check(ctx) {
    const fm = ctx.doc.frontmatter;
    if (!fm) return;
    if (fm.unclosed) {
      ctx.report({
        span: firstLine(ctx.doc),
        message: msg(
          'Frontmattern avslutas aldrig. Lägg till en rad "---" efter den sista nyckeln.',
          'The frontmatter is never closed. Add a "---" line after the last key.',
        ),
      });
      return;
    }
    for (const e of fm.errors) {
      if (e.message === 'not-a-map') {
        ctx.report({
          span: e.span,
          message: msg(
            'Frontmattern ska bestå av nycklar med värden, en per rad, t.ex. "typ: granskningsrapport".',
            'The frontmatter must consist of keys with values, one per line, e.g. "typ: granskningsrapport".',
          ),
        });
      } else {
        ctx.report({
          span: e.span,
          message: msg(
            `Frontmattern är inte giltig YAML: ${e.message}. Kontrollera kolon, citattecken, indrag och hakparenteser.`,
            `The frontmatter is not valid YAML: ${e.message}. Check colons, quotes, indentation and brackets.`,
          ),
        });
      }
    }
  },
};
