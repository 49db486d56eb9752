import { msg } from '../i18n.js';
import { compareDates, formatIsoDate, parseIsoDate, parseSwedishDate, SWEDISH_MONTH_PATTERN } from '../model/dates.js';
import { spanInRun } from '../model/types.js';
import type { Rule } from './rule.js';
import { field, firstLine, frontmatterReadable } from './util.js';

const SENAST = new RegExp(`senast[ \\t\\u00a0]+(?:den[ \\t\\u00a0]+)?(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[ \\t\\u00a0]+(?:${SWEDISH_MONTH_PATTERN})[ \\t\\u00a0]+\\d{4})`, 'giu');

export const missivSvarsdatum: Rule = {
  id: 'missiv-svarsdatum',
  severity: 'error',
  description: msg('Svarsdatumet saknas, är ogiltigt, ligger inte efter missivets datum eller skiljer sig från texten.', 'The reply date is missing, invalid, not after the letter date, or differs from the text.'),
  docs: {
    why: msg(
      'Nämnden ska veta när svaret ska vara inne. Står det ett datum i frontmattern och ett annat i brevet, eller ligger svarsdagen före brevets datum, blir det fel i nämndens planering.',
      'The committee must know when its reply is due. With one date in the frontmatter and another in the letter, or a reply date before the letter, the committee plans wrong.',
    ),
    bad: 'Vi önskar svar från kommunstyrelsen senast 2022-11-30.',
    good: 'Vi önskar svar från kommunstyrelsen senast 2022-11-25.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type !== 'missiv' || !frontmatterReadable(doc)) return;
    const f = field(doc, 'svar_senast');
    if (!f) {
      ctx.report({
        span: firstLine(doc),
        message: msg('Missivet saknar "svar_senast". Lägg till sista svarsdag, t.ex. "svar_senast: 2022-11-25".', 'The letter lacks "svar_senast". Add the reply deadline, e.g. "svar_senast: 2022-11-25".'),
      });
      return;
    }
    const due = typeof f.value === 'string' ? parseIsoDate(f.value) : null;
    if (!due?.valid) {
      ctx.report({
        span: f.keySpan,
        message: msg('"svar_senast" ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD, t.ex. 2022-11-25.', '"svar_senast" must be a real date in the form YYYY-MM-DD, e.g. 2022-11-25.'),
      });
      return;
    }
    const datumValue = field(doc, 'datum')?.value;
    const datum = typeof datumValue === 'string' ? parseIsoDate(datumValue) : null;
    if (datum?.valid && compareDates(due, datum) <= 0) {
      ctx.report({
        span: f.keySpan,
        message: msg(`Svarsdatumet ${f.value} ligger inte efter missivets datum ${datumValue}. Ange ett senare svarsdatum.`, `The reply date ${f.value} is not after the letter date ${datumValue}. Give a later reply date.`),
      });
    }
    for (const run of doc.textRuns) {
      SENAST.lastIndex = 0;
      for (let m = SENAST.exec(run.value); m; m = SENAST.exec(run.value)) {
        const said = parseIsoDate(m[1]) ?? parseSwedishDate(m[1].replace(/[ \t\u00a0]+/g, ' '));
        if (!said || compareDates(said, due) === 0) continue;
        ctx.report({
          span: spanInRun(ctx.doc, run, m.index + m[0].length - m[1].length, m[1]),
          message: msg(
            `Texten säger "senast ${m[1]}" men svar_senast är ${formatIsoDate(due)}. Ändra det ena så att de stämmer.`,
            `The text says "senast ${m[1]}" but svar_senast is ${formatIsoDate(due)}. Change one so that they agree.`,
          ),
        });
      }
    }
  },
};
