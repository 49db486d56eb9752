import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { field } from './util.js';

/**
 * Whether a path a document names (`rapport:`, `tidigare:`) is a form Granska may look up
 * at all: not absolute, not a UNC path (`//host/share`, which Windows opens over the
 * network with the user's credentials), not a URL or a drive letter. Looks at the text only.
 */
export function isLocalRelativePath(p: string): boolean {
  if (p === '' || p.includes('\0')) return false;
  // A leading slash or backslash: absolute, or UNC with two.
  if (/^[\\/]/.test(p)) return false;
  // A scheme (`https:`, `file:`, `smb:`) or a drive letter (`C:`).
  return !/^[a-z][a-z0-9+.-]*:/i.test(p);
}

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
    // A path to another report is looked up only inside the workspace; other forms are
    // refused from their text alone, before anything touches the file system.
    for (const key of ['rapport', 'tidigare']) {
      const p = field(ctx.doc, key);
      if (!p || typeof p.value !== 'string' || p.value.trim() === '' || isLocalRelativePath(p.value.trim())) continue;
      ctx.report({
        span: p.keySpan,
        message: msg(
          `"${key}: ${p.value.trim()}" är ingen relativ sökväg inom arbetsytan. Granska följer inte absoluta sökvägar, nätverkssökvägar (//server/…) eller adresser; skriv sökvägen relativt detta dokument, t.ex. ${key}: granskning.rev.md.`,
          `"${key}: ${p.value.trim()}" is no relative path inside the workspace. Granska does not follow absolute paths, network paths (//server/…) or addresses; write the path relative to this document, e.g. ${key}: granskning.rev.md.`,
        ),
      });
    }
    const f = field(ctx.doc, 'rapport');
    if (!f || !ctx.fileExists) return;
    if (typeof f.value === 'string' && f.value.trim() !== '' && !isLocalRelativePath(f.value.trim())) return;
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
