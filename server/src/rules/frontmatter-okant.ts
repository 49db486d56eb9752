import { msg } from '../i18n.js';
import { FRONTMATTER_KEYS } from '../model/keys.js';
import { closest } from '../model/text.js';
import type { Rule } from './rule.js';

export const frontmatterOkant: Rule = {
  id: 'frontmatter-okant',
  severity: 'warning',
  description: msg('Okänd nyckel i frontmattern.', 'Unknown key in the frontmatter.'),
  docs: {
    why: msg(
      'En felstavad nyckel läses inte: "revisionsbyra" i stället för "revisionsbyrå" gör att byrån saknas på försättsbladet utan att någon märker det.',
      'A misspelt key is not read: "revisionsbyra" instead of "revisionsbyrå" leaves the firm off the title page without anyone noticing.',
    ),
    bad: 'revisionsbyra: PwC',
    good: 'revisionsbyrå: PwC',
  },
  check(ctx) {
    const fm = ctx.doc.frontmatter;
    if (!fm) return;
    const known = Object.keys(FRONTMATTER_KEYS);
    for (const f of fm.fields.values()) {
      if (f.key in FRONTMATTER_KEYS) continue;
      const near = closest(f.key, known, 3);
      ctx.report({
        span: f.keySpan,
        message: near.length > 0
          ? msg(`Okänd nyckel "${f.key}". Menade du "${near[0]}"?`, `Unknown key "${f.key}". Did you mean "${near[0]}"?`)
          : msg(`Okänd nyckel "${f.key}". Kända nycklar: ${known.join(', ')}.`, `Unknown key "${f.key}". Known keys: ${known.join(', ')}.`),
        fixes: near.map((k) => ({
          title: msg(`Ändra till "${k}"`, `Change to "${k}"`),
          edits: [{ span: f.keySpan, newText: k }],
          safe: false,
        })),
      });
    }
  },
};
