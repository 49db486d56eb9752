import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { field } from './util.js';

export const missivRapport: Rule = {
  id: 'missiv-rapport',
  severity: 'error',
  description: msg('"rapport" pekar inte på en befintlig fil.', '"rapport" names no existing file.'),
  docs: {
    why: msg(
      'Missivet följer med en rapport. Pekar "rapport" fel har filen flyttats eller bytt namn, och missivet riskerar att skickas med fel bilaga.',
      'The letter accompanies a report. When "rapport" points nowhere, the file was moved or renamed, and the letter risks going out with the wrong attachment.',
    ),
    bad: 'rapport: granskning-integraton.rev.md',
    good: 'rapport: granskning-integration.rev.md',
  },
  check(ctx) {
    const f = field(ctx.doc, 'rapport');
    if (!f || !ctx.fileExists) return;
    if (typeof f.value !== 'string' || f.value.trim() === '') {
      ctx.report({ span: f.keySpan, message: msg('"rapport" ska vara en sökväg till rapporten, relativt detta dokument.', '"rapport" must be a path to the report, relative to this document.') });
      return;
    }
    if (ctx.fileExists(f.value.trim())) return;
    ctx.report({
      span: f.keySpan,
      message: msg(
        `Rapporten "${f.value}" finns inte. Sökvägen räknas från missivets mapp; kontrollera stavningen.`,
        `The report "${f.value}" does not exist. The path is relative to the letter's folder; check the spelling.`,
      ),
    });
  },
};
