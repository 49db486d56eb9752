import { msg } from '../i18n.js';
import { compareDates, parseIsoDate } from '../model/dates.js';
import { references } from '../model/decisions.js';
import type { Rule } from './rule.js';
import { field } from './util.js';

export const referensDatum: Rule = {
  id: 'referens-datum',
  severity: 'error',
  description: msg('En beslutsreferens har ett datum som inte finns eller ligger efter dokumentets datum.', 'A decision reference has a date that does not exist or is later than the document date.'),
  docs: {
    why: msg(
      'Ett beslut kan inte ha fattats efter att rapporten skrevs, och 2016-02-30 finns inte. Sådana datum är nästan alltid skrivfel som gör referensen omöjlig att slå upp.',
      'A decision cannot postdate the report, and 2016-02-30 does not exist. Such dates are nearly always typos that make the reference impossible to look up.',
    ),
    bad: '[^3]: KF § 7/2016-02-30',
    good: '[^3]: KF § 7/2016-02-08',
  },
  check(ctx) {
    const datumValue = field(ctx.doc, 'datum')?.value;
    const datum = typeof datumValue === 'string' ? parseIsoDate(datumValue) : null;
    // A reference to several paragraphs stands once per paragraph in the model; its date is reported once.
    for (const [d] of references(ctx.doc.decisions)) {
      if (!d.date.valid) {
        ctx.report({
          span: d.span,
          message: msg(
            `Datumet i "${d.raw}" finns inte i kalendern. Kontrollera sammanträdesdatumet i protokollet.`,
            `The date in "${d.raw}" does not exist. Check the meeting date in the minutes.`,
          ),
        });
      } else if (datum?.valid && compareDates(d.date, datum) > 0) {
        ctx.report({
          span: d.span,
          message: msg(
            `Beslutet "${d.raw}" är daterat efter dokumentets datum (${datumValue}). Kontrollera datumet.`,
            `The decision "${d.raw}" is dated after the document date (${datumValue}). Check the date.`,
          ),
        });
      }
    }
  },
};
