import { describeStats, documentStats, sectionStats } from '../spelling/prose.js';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { localize, msg, type Locale } from '../i18n.js';
import { scaleOf } from '../lint/lint.js';
import { formatDecision, formatParagraphs, references } from '../model/decisions.js';
import { FRONTMATTER_KEYS } from '../model/keys.js';
import type { AuditDocument, DecisionRef } from '../model/types.js';
import { gradeOnScale } from '../rules/util.js';
import { findDecision } from '../workspace/register.js';
import { followUpHover } from './follow-up.js';
import { contains, rangeOf, type FeatureContext } from './context.js';
import { longDate, summarize } from './summary.js';

/**
 * Hovers: a footnote reference shows its definition and the decision it names; a decision
 * reference its parts and where else it is cited; a kontrollmål heading its grade,
 * recommendations and references; a grade the scale it belongs to; a frontmatter key what
 * it means.
 */
export function hover(ctx: FeatureContext, offset: number): Hover | null {
  const { doc, locale } = ctx;
  const t = (sv: string, en: string) => localize(msg(sv, en), locale);

  const reference = referenceHover(ctx, offset);
  if (reference) return reference;

  const followed = followUpHover(ctx, offset);
  if (followed) return followed;

  const grades = scaleOf(doc, ctx.config);
  for (const km of doc.controlObjectives) {
    const g = km.bedomning?.gradeSpan;
    if (g && contains(g, offset)) {
      const resolved = gradeOnScale(doc, km.bedomning!.gradeText);
      const scale = grades.grades.map((x) => (x === resolved ? `**${x}**` : x)).join(' · ');
      const head = resolved
        ? t(`Grad på skalan *${grades.name}* (högst först):`, `A grade of the scale *${grades.name}* (highest first):`)
        : t(`"${km.bedomning!.gradeText}" finns inte på skalan *${grades.name}*:`, `"${km.bedomning!.gradeText}" is not on the scale *${grades.name}*:`);
      return { contents: markdown(`${head}\n\n${scale}`), range: rangeOf(doc, g) };
    }
    if (contains(km.headingSpan, offset)) {
      const s = summarize(doc, km, grades.grades, ctx.config);
      const lines: string[] = [`**${doc.profile.units.name} ${km.number ?? (doc.defaultProfile ? '' : doc.controlObjectives.indexOf(km) + 1)}${km.text ? `: ${km.text}` : ''}**`, ''];
      lines.push(s.grade ? `${t('Bedömning', 'Assessment')}: **${s.grade.text || '—'}**${s.grade.valid ? '' : t(' (inte på skalan)', ' (not on the scale)')}` : t('Bedömning saknas.', 'No assessment.'));
      lines.push('');
      if (s.recommendations.length > 0) {
        lines.push(`${t('Rekommendationer', 'Recommendations')}:`);
        for (const r of s.recommendations) lines.push(`- ${r}`);
      } else lines.push(s.noneNeeded ? t('Inga rekommendationer.', 'No recommendations.') : t('Rekommendationer saknas.', 'No recommendations given.'));
      lines.push('');
      if (s.decisions.length > 0) {
        lines.push(`${t('Referenser', 'References')}:`);
        for (const [d] of references(s.decisions)) lines.push(`- ${d.raw}${d.organName ? ` (${d.organName})` : ''}`);
      } else lines.push(t('Ingen beslutsreferens i fotnoterna.', 'No decision reference in the footnotes.'));
      return { contents: markdown(lines.join('\n')), range: rangeOf(doc, km.headingSpan) };
    }
  }

  const rapport = doc.type === 'missiv' ? doc.frontmatter?.fields.get('rapport') : undefined;
  if (rapport && (contains(rapport.keySpan, offset) || contains(rapport.valueSpan, offset)) && typeof rapport.value === 'string' && ctx.related) {
    const report = ctx.related(rapport.value.trim());
    if (report) return { contents: markdown(describeReport(report, rapport.value.trim(), ctx)), range: rangeOf(doc, rapport.keySpan) };
  }

  // A chapter heading: the chapter's readability (LIX) and sentence figures.
  const chapter = doc.sections.find((s) => contains(s.headingSpan, offset));
  if (chapter) {
    const limit = ctx.config.sentenceLength;
    const lines = [
      `**${chapter.title.trim()}**`,
      '',
      `${t('Kapitlet', 'This chapter')}: ${describeStats(sectionStats(doc, chapter, limit), locale, limit)}`,
      '',
      `${t('Hela dokumentet', 'The whole document')}: ${describeStats(documentStats(doc, limit), locale, limit)}`,
    ];
    return { contents: markdown(lines.join('\n')), range: rangeOf(doc, chapter.headingSpan) };
  }

  for (const f of doc.frontmatter?.fields.values() ?? []) {
    if (contains(f.keySpan, offset) && FRONTMATTER_KEYS[f.key]) return { contents: markdown(`**${f.key}** — ${localize(FRONTMATTER_KEYS[f.key], locale)}`), range: rangeOf(doc, f.keySpan) };
  }
  return null;
}

/**
 * The hover of a decision reference or a footnote reference at `offset`, or null when none
 * stands there. It reads only the reference, its footnote's definition and the decisions in
 * that definition, which `after-edit.ts` relies on.
 */
export function referenceHover(ctx: FeatureContext, offset: number): Hover | null {
  const { doc, locale } = ctx;
  const t = (sv: string, en: string) => localize(msg(sv, en), locale);
  const decision = doc.decisions.find((d) => contains(d.span, offset));
  if (decision) return { contents: markdown(describeDecision(ctx, decision, locale)), range: rangeOf(doc, decision.span) };

  const ref = doc.footnoteRefs.find((r) => contains(r.span, offset));
  if (ref) {
    const def = doc.footnoteDefs.find((d) => d.key === ref.key);
    if (!def) return { contents: markdown(t(`Fotnoten **[^${ref.label}]** har ingen definition.`, `The footnote **[^${ref.label}]** has no definition.`)), range: rangeOf(doc, ref.span) };
    const parts = [`**[^${def.label}]** ${def.text || t('*(tom)*', '*(empty)*')}`];
    for (const [d] of references(doc.decisions.filter((x) => x.footnote === def.key))) parts.push(describeDecision(ctx, d, locale));
    return { contents: markdown(parts.join('\n\n---\n\n')), range: rangeOf(doc, ref.span) };
  }
  return null;
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

function describeDecision(ctx: FeatureContext, d: DecisionRef, locale: Locale): string {
  const t = (sv: string, en: string) => localize(msg(sv, en), locale);
  // A reference to several paragraphs (`§§ 92–93`) is one entry per paragraph with one span.
  const same = ctx.doc.decisions.filter((x) => x.span.start === d.span.start && x.span.end === d.span.end);
  const organ = d.organName && d.organName !== d.organ ? `${d.organName} (${d.organ})` : d.organName ?? d.organ;
  const lines = [`**${d.raw}**`, '', `${t('Organ', 'Body')}: ${organ}  `, `${formatParagraphs(same.map((x) => x.paragraph))}  `, `${t('Sammanträde', 'Meeting')}: ${longDate(d.date)}${d.date.valid ? '' : t(' (datumet finns inte)', ' (no such date)')}`];
  const canonicals = same.map((x) => formatDecision(x, 'A') ?? x.raw);
  if (ctx.register?.usable && d.date.valid) {
    const entry = findDecision(ctx.register, d);
    if (entry) {
      lines.push('', `${t('Beslutsregistret', 'Decision register')}: **${escapeMarkdown(entry.rubrik) || t('(ingen rubrik)', '(no rubrik)')}**`);
      // Only http(s) addresses reach here (the register refuses others); the text is escaped.
      if (entry.link) lines.push('', `[${t('Öppna beslutet', 'Open the decision')}](${entry.link.replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)})`);
    } else lines.push('', t('Finns inte i beslutsregistret.', 'Not in the decision register.'));
  }
  const elsewhere = new Set(canonicals.flatMap((c) => ctx.index.citationsOf(c, ctx.uri)).map((c) => c.uri));
  if (elsewhere.size > 0) lines.push('', t(`Citeras även i ${elsewhere.size} ${elsewhere.size === 1 ? 'annat dokument' : 'andra dokument'} i arbetsytan (Sök alla referenser).`, `Also cited in ${elsewhere.size} other ${elsewhere.size === 1 ? 'document' : 'documents'} in the workspace (Find All References).`));
  return lines.join('\n');
}

/** Register text is untrusted: Markdown and HTML in it are shown as written, not rendered. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~&-]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** A missiv's report in short: its title and each kontrollmål's grade. */
function describeReport(report: AuditDocument, name: string, ctx: FeatureContext): string {
  const t = (sv: string, en: string) => localize(msg(sv, en), ctx.locale);
  const title = report.frontmatter?.fields.get('titel')?.value;
  const lines = [`**${escapeMarkdown(typeof title === 'string' ? title : name)}** (${escapeMarkdown(name)})`, ''];
  if (report.controlObjectives.length === 0) lines.push(t('Rapporten har inga kontrollmål.', 'The report has no kontrollmål.'));
  report.controlObjectives.forEach((km, i) => {
    const grade = km.bedomning?.gradeText || t('ingen bedömning', 'no assessment');
    lines.push(`- ${t('Kontrollmål', 'Kontrollmål')} ${km.number ?? i + 1}: **${escapeMarkdown(grade)}**${km.text ? ` — ${escapeMarkdown(km.text)}` : ''}`);
  });
  return lines.join('\n');
}
