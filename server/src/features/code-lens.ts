import type { CodeLens } from 'vscode-languageserver-types';
import { localize, msg } from '../i18n.js';
import { scaleOf } from '../lint/lint.js';
import { rangeOf, type FeatureContext } from './context.js';
import { summarize } from './summary.js';

/**
 * A line above each kontrollmål that says where it stands: «Delvis uppfyllt ·
 * 2 rekommendationer · 1 KF-referens», or what is missing. The lens is a label; it runs
 * no command.
 */
export function codeLenses(ctx: FeatureContext): CodeLens[] {
  const { doc, locale } = ctx;
  const t = (sv: string, en: string) => localize(msg(sv, en), locale);
  const grades = scaleOf(doc, ctx.config).grades;
  const organs = (doc.profile.references.organs ?? ctx.config.requiredOrgans).join('/') || 'KF';
  const requirement = doc.profile.references.required;
  return doc.controlObjectives.map((km) => {
    const s = summarize(doc, km, grades, ctx.config);
    const parts: string[] = [];
    if (!s.grade) parts.push(t('⚠ bedömning saknas', '⚠ no assessment'));
    else if (!s.grade.valid) parts.push(t(`⚠ "${s.grade.text}" finns inte på skalan`, `⚠ "${s.grade.text}" is not on the scale`));
    else parts.push(grades.find((g) => g.toLowerCase() === s.grade!.text.toLowerCase()) ?? s.grade.text);
    const n = s.recommendations.length;
    if (n > 0) parts.push(t(`${n} ${n === 1 ? 'rekommendation' : 'rekommendationer'}`, `${n} ${n === 1 ? 'recommendation' : 'recommendations'}`));
    else if (s.noneNeeded) parts.push(t('inga rekommendationer', 'no recommendations'));
    else parts.push(t('⚠ rekommendationer saknas', '⚠ no recommendations'));
    const k = new Set(s.requiredDecisions.map((d) => d.raw)).size;
    // A profile that asks no decision reference per unit (spec §13.8) gets no warning for one.
    if (requirement !== 'unit') {
      if (k > 0) parts.push(t(`${k} ${organs}-${k === 1 ? 'referens' : 'referenser'}`, `${k} ${organs} ${k === 1 ? 'reference' : 'references'}`));
      return { range: rangeOf(doc, km.headingSpan), command: { title: parts.join(' · '), command: '' } };
    }
    parts.push(k > 0 ? t(`${k} ${organs}-${k === 1 ? 'referens' : 'referenser'}`, `${k} ${organs} ${k === 1 ? 'reference' : 'references'}`) : t(`⚠ ${organs}-referens saknas`, `⚠ no ${organs} reference`));
    return { range: rangeOf(doc, km.headingSpan), command: { title: parts.join(' · '), command: '' } };
  });
}
