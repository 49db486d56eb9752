import { msg } from '../i18n.js';
import type { Rule } from './rule.js';

export const fotnotOanvand: Rule = {
  id: 'fotnot-oanvand',
  severity: 'warning',
  description: msg('En fotnotsdefinition används aldrig.', 'A footnote definition is never referenced.'),
  docs: {
    why: msg(
      'En definition som ingen text hänvisar till visas inte i rapporten. Ofta har hänvisningen försvunnit när ett stycke skrevs om, och iakttagelsen saknar nu sin källa.',
      'A definition no text refers to is not shown in the report. Often the reference vanished when a paragraph was rewritten, and the observation has lost its source.',
    ),
    bad: '[^3]: KF § 7/2016-02-08',
    good: 'Se även beslutet om åtgärdskatalogen.[^3]',
  },
  check(ctx) {
    const used = new Set(ctx.doc.footnoteRefs.filter((r) => r.defined).map((r) => r.key));
    for (const def of ctx.doc.footnoteDefs) {
      if (used.has(def.key)) continue;
      ctx.report({
        span: def.labelSpan,
        message: msg(
          `Fotnoten [^${def.label}] används aldrig i texten. Hänvisa till den med [^${def.label}] eller ta bort definitionen.`,
          `The footnote [^${def.label}] is never referenced. Refer to it with [^${def.label}] or remove the definition.`,
        ),
        fixes: [{ title: msg(`Ta bort fotnoten [^${def.label}]`, `Remove the footnote [^${def.label}]`), edits: [{ span: wholeLines(ctx.doc.text, def.span), newText: '' }], safe: false }],
      });
    }
  },
};

/** A definition's span with its line break, so that removing it leaves no empty line behind. */
function wholeLines(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const atLineStart = span.start === 0 || text[span.start - 1] === '\n';
  const m = /^[ \t]*\r?\n/.exec(text.slice(span.end, span.end + 8));
  return atLineStart && m ? { start: span.start, end: span.end + m[0].length } : span;
}
