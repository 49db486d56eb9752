import { msg, orList } from '../i18n.js';
import type { Rule } from './rule.js';
import { appendDefinition, nextFootnoteLabel } from './edits.js';
import type { ControlObjective } from '../model/types.js';
import type { SpanEdit } from './rule.js';
import { unitName } from './util.js';

export const kontrollmalKfReferens: Rule = {
  id: 'kontrollmal-kf-referens',
  severity: 'error',
  description: msg('Ett kontrollmål saknar fotnot med beslutsreferens från fullmäktige.', 'A kontrollmål lacks a footnoted decision reference by the council.'),
  docs: {
    why: msg(
      'Ett kontrollmål bedöms mot det fullmäktige har beslutat. Utan en fotnot som "KF § 16/2015-02-23" går det inte att kontrollera vilket beslut bedömningen vilar på.',
      'A control objective is judged against what the council decided. Without a footnote such as "KF § 16/2015-02-23" no one can check which decision the assessment rests on.',
    ),
    bad: '### Iakttagelser\n\nFullmäktige beslutade i december 2015 att inrätta en enhet.',
    good: '### Iakttagelser\n\nFullmäktige beslutade i december 2015 att inrätta en enhet.[^2]',
  },
  check(ctx) {
    const requirement = ctx.doc.profile.references.required;
    if (requirement === 'none') return;
    const required = new Set(ctx.doc.profile.references.organs ?? ctx.config.requiredOrgans);
    const byFootnote = new Map<string, boolean>();
    for (const d of ctx.doc.decisions) {
      if (d.footnote !== null && required.has(d.organ)) byFootnote.set(d.footnote, true);
    }
    const organs = orList([...required], 'sv');
    const organsEn = orList([...required], 'en');
    const example = [...required][0] ?? 'KF';
    // The label of a new footnote is needed only for a finding's fix; looking through every
    // label of a long report for it at every keystroke, when nothing is missing, was the rule's cost.
    let next: string | undefined;
    const labelFor = () => (next ??= nextFootnoteLabel(ctx.doc));
    if (requirement === 'report') {
      // Once per report (spec §13.8): any footnote citing a decision of a required organ will do.
      if (ctx.doc.footnoteRefs.some((r) => r.defined && byFootnote.get(r.key))) return;
      const first = ctx.doc.controlObjectives[0];
      ctx.report({
        span: first ? first.headingSpan : ctx.doc.findingsSection?.headingSpan ?? { start: 0, end: 0 },
        message: msg(
          `Rapporten saknar en fotnot med beslutsreferens från ${organs}. Lägg till t.ex. [^1] där bedömningen vilar på beslutet och "[^1]: ${example} § 16/2015-02-23".`,
          `The report lacks a footnote with a decision reference by ${organsEn}. Add e.g. [^1] where the assessment rests on the decision and "[^1]: ${example} § 16/2015-02-23".`,
        ),
      });
      return;
    }
    ctx.doc.controlObjectives.forEach((km, i) => {
      if (km.footnoteRefs.some((r) => r.defined && byFootnote.get(r.key))) return;
      // The reference goes where the assessment rests on the decision: after the grade's
      // reasoning, or else after the heading's text; the definition stub goes last.
      const at = refPosition(ctx.doc.text, km);
      const label = labelFor();
      const edits: SpanEdit[] = [{ span: { start: at, end: at }, newText: `[^${label}]` }, appendDefinition(ctx.doc, `[^${label}]: ${example} § /`)];
      ctx.report({
        span: km.headingSpan,
        message: msg(
          `${unitName(ctx.doc, km, i)} saknar en fotnot med beslutsreferens från ${organs}. Lägg till t.ex. [^1] i texten och "[^1]: ${example} § 16/2015-02-23".`,
          `${unitName(ctx.doc, km, i)} lacks a footnote with a decision reference by ${organsEn}. Add e.g. [^1] in the text and "[^1]: ${example} § 16/2015-02-23".`,
        ),
        fixes: [{ title: msg(`Lägg till fotnoten [^${label}] med "${example} § /"`, `Add the footnote [^${label}] with "${example} § /"`), edits, safe: false }],
      });
    });
  },
};

/** The end of the first paragraph of the Bedömning (or the Iakttagelser), or the end of the heading. */
function refPosition(text: string, km: ControlObjective): number {
  for (const sub of [km.bedomning, km.iakttagelser]) {
    const p = sub?.content.find((n) => n.type === 'paragraph');
    if (p?.position?.end.offset !== undefined) return trimEnd(text, p.position.end.offset);
  }
  return trimEnd(text, km.headingSpan.end);
}

function trimEnd(text: string, at: number): number {
  let i = at;
  while (i > 0 && /[ \t]/.test(text[i - 1])) i--;
  return i;
}
