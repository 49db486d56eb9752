import { msg } from '../i18n.js';
import { DATE_KEYS } from '../model/keys.js';
import { spanInRun, type Span, type TextRun } from '../model/types.js';
import type { Rule } from './rule.js';

/** Words that, inside square brackets, are a template's blanks rather than an editorial insertion. */
const BLANKS = 'namn|datum|nämnd|nämndens namn|kommun|kommunens namn|organ|titel|rubrik|text|år|belopp|antal|dnr|diarienummer|beslut|paragraf|person|roll|ort|mottagare|förvaltning|enhet|rapport|fyll i[^\\]]*|ange [^\\]]*|[.…]+';

const PLACEHOLDER = new RegExp(
  [
    '(?<![\\p{L}\\p{N}_])(?:x{2,}|X{2,}|TODO|UTKAST)(?![\\p{L}\\p{N}_])',
    'ÅÅÅÅ-MM-DD',
    `\\[(?:${BLANKS}|[^\\]\\[\\n]*(?:namn|datum)[^\\]\\[\\n]*|[A-ZÅÄÖ][A-ZÅÄÖ ]{2,})\\](?![(:])`,
  ].join('|'),
  'gu',
);

/**
 * The placeholders in a text run's value, kept per run. A run's value never changes, and
 * the model moves unchanged runs into the next version (their offsets shifted), so a
 * keystroke matches the large pattern against the runs of the edited paragraph only, not
 * against the whole report.
 */
const found = new WeakMap<TextRun, readonly { index: number; text: string }[]>();
const NONE: readonly { index: number; text: string }[] = [];

function placeholdersIn(run: TextRun): readonly { index: number; text: string }[] {
  let known = found.get(run);
  if (!known) {
    const list: { index: number; text: string }[] = [];
    PLACEHOLDER.lastIndex = 0;
    for (let m = PLACEHOLDER.exec(run.value); m; m = PLACEHOLDER.exec(run.value)) list.push({ index: m.index, text: m[0] });
    known = list.length > 0 ? list : NONE;
    found.set(run, known);
  }
  return known;
}

export const platshallare: Rule = {
  id: 'platshallare',
  severity: 'warning',
  description: msg('Kvarlämnad platshållare från mallen.', 'A placeholder left over from the template.'),
  docs: {
    why: msg(
      'Mallens "xx", "TODO", "[namn]" och "ÅÅÅÅ-MM-DD" är lätta att missa i en lång rapport och pinsamma i den som skickas till fullmäktige.',
      'The template\'s "xx", "TODO", "[namn]" and "ÅÅÅÅ-MM-DD" are easy to miss in a long report and embarrassing in the one sent to the council.',
    ),
    bad: 'Kommunfullmäktige beslutade den xx november 2016 att anta kompletteringar.',
    good: 'Kommunfullmäktige beslutade den 7 november 2016 att anta kompletteringar.',
  },
  check(ctx) {
    const report = (found: string, span: Span) =>
      ctx.report({
        span,
        message: msg(
          `Platshållaren "${found}" står kvar. Ersätt den med den riktiga uppgiften.`,
          `The placeholder "${found}" is still there. Replace it with the real information.`,
        ),
      });
    for (const run of ctx.doc.textRuns) {
      for (const m of placeholdersIn(run)) report(m.text, spanInRun(ctx.doc, run, m.index, m.text));
    }
    // Free-text frontmatter values are checked in the source, so that quoting does not shift positions.
    const fm = ctx.doc.frontmatter;
    if (!fm) return;
    for (const f of fm.fields.values()) {
      if (DATE_KEYS.includes(f.key) || f.value === null || typeof f.value === 'boolean' || typeof f.value === 'number') continue;
      const source = ctx.doc.text.slice(f.valueSpan.start, f.valueSpan.end);
      PLACEHOLDER.lastIndex = 0;
      for (let m = PLACEHOLDER.exec(source); m; m = PLACEHOLDER.exec(source)) {
        report(m[0], { start: f.valueSpan.start + m.index, end: f.valueSpan.start + m.index + m[0].length });
      }
    }
  },
};
