import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { GradeLevel, Overview, OverviewDocument } from '../workspace/overview.js';
import { escapeHtml } from './html.js';

/**
 * The overview page of an audit year: one self-contained file like the export. Everything
 * on it is built from text values (titles, grades, paths), never from a document's markup,
 * so a report cannot put script or remote content on the page; the page's policy allows no
 * script at all and loads nothing.
 */

const TYPE_LABEL: Record<string, string> = {
  granskningsrapport: 'Granskningsrapport',
  förstudie: 'Förstudie',
  uppföljning: 'Uppföljning',
  missiv: 'Missiv',
};

const LEVEL_LABEL: Record<GradeLevel, string> = { good: 'Högsta grad', partial: 'Mellangrad', bad: 'Lägsta grad', unknown: 'Saknar giltig bedömning' };
const LEVEL_FILL: Record<GradeLevel, string> = { good: '#3a8f4f', partial: '#d99a1e', bad: '#c0392b', unknown: '#8d8d8d' };
const LEVELS: GradeLevel[] = ['good', 'partial', 'bad', 'unknown'];

const CSS = `
:root { --fg: #1b1b1b; --muted: #545454; --rule: #c9c9c9; --accent: #7d2248; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { color: var(--accent); margin: 0 0 0.2em; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; margin-top: 2em; }
h3 { margin: 1.6em 0 0.4em; }
.doc { border: 1px solid var(--rule); border-radius: 6px; padding: 0.8em 1em; margin: 0.8em 0; break-inside: avoid; }
.doc h4 { margin: 0 0 0.3em; font-size: 1.05em; }
.meta { color: var(--muted); margin: 0 0 0.5em; }
.meta span + span::before { content: " · "; }
.grade { display: inline-block; padding: 0 0.55em; border-radius: 0.8em; font-weight: 600; font-size: 0.9em; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.grade-good { background: #d8efdc; color: #14532d; }
.grade-partial { background: #fdeccc; color: #6b4100; }
.grade-bad { background: #f9d6d5; color: #8a1c1c; }
.grade-unknown { background: #e4e4e4; color: #333; }
.overdue { color: #8a1c1c; font-weight: 700; }
ul { margin: 0.3em 0; padding-left: 1.3em; }
table { border-collapse: collapse; margin: 0.8em 0; }
th, td { border: 1px solid var(--rule); padding: 0.25em 0.6em; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1em; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: -0.1em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`;

function gradeBadge(grade: string | null, level: GradeLevel): Element {
  return h('span', { className: ['grade', `grade-${level}`] }, grade ?? 'Ingen bedömning');
}

function documentCard(d: OverviewDocument, id: string): Element {
  const meta: ElementContent[] = [
    h('span', TYPE_LABEL[d.type ?? ''] ?? 'Okänd dokumenttyp'),
    h('span', `Status: ${d.status}`),
    h('span', d.date ? `Datum: ${d.date}` : 'Inget datum'),
    h('span', d.path),
  ];
  // A missiv shares its report's title; its heading says it is the letter.
  const heading = d.type === 'missiv' ? `Missiv: ${d.title ?? d.reply?.report ?? d.path}` : d.title ?? d.path;
  const body: ElementContent[] = [h('h4', { id }, heading), h('p', { className: ['meta'] }, meta)];
  if (d.bodies.length > 0) body.push(h('p', `${d.type === 'missiv' ? 'Till' : 'Granskade'}: ${d.bodies.join(', ')}`));
  if (d.units.length > 0) {
    body.push(h('ul', { className: ['units'], 'aria-label': 'Kontrollmål' }, d.units.map((u) => h('li', [`Kontrollmål ${u.number}${u.text ? `: ${u.text}` : ''} `, gradeBadge(u.grade, u.level)]))));
  }
  if (d.recommendations.length > 0) {
    body.push(h('p', 'Rekommendationer:'), h('ul', { className: ['recommendations'] }, d.recommendations.map((r) => h('li', `${r.text} (kontrollmål ${r.unit})`))));
  }
  if (d.reply) {
    body.push(h('p', { className: d.reply.overdue ? ['reply', 'overdue'] : ['reply'], 'data-overdue': d.reply.overdue ? 'true' : 'false' },
      d.reply.overdue ? `Svar senast ${d.reply.due}: svarsdatum passerat` : `Svar senast ${d.reply.due}`));
    if (d.reply.report) body.push(h('p', `Rapport: ${d.reply.report}`));
  }
  if (d.followUp) {
    const rows = d.followUp.counts.map((c) => h('tr', [h('th', { scope: 'row' }, c.status), h('td', { className: ['num'] }, String(c.count))]));
    if (d.followUp.missing > 0) rows.push(h('tr', [h('th', { scope: 'row' }, 'Inte uppföljd'), h('td', { className: ['num'] }, String(d.followUp.missing))]));
    body.push(
      h('p', `Följer upp: ${d.followUp.earlier.join(', ') || '(ingen tidigare rapport angiven)'}`),
      h('table', { className: ['follow-up'] }, [h('caption', 'Tidigare rekommendationer per status'), h('thead', h('tr', [h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Antal')])), h('tbody', rows)]),
    );
  }
  return h('article', { className: ['doc'], 'aria-labelledby': id, 'data-path': d.path }, body);
}

/** Horizontal stacked bars, one per nämnd: pure SVG, no script, with a text alternative. */
function chart(o: Overview): ElementContent[] {
  if (o.chart.length === 0) return [h('p', 'Inga bedömda kontrollmål.')];
  const labelWidth = 260;
  const barWidth = 420;
  const rowHeight = 28;
  const max = Math.max(1, ...o.chart.map((c) => LEVELS.reduce((n, l) => n + c.counts[l], 0)));
  const height = o.chart.length * rowHeight + 10;
  const rows = o.chart.map((c, i) => {
    const y = 5 + i * rowHeight;
    let x = labelWidth;
    const parts: Element[] = [s('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', 'font-size': 13, fill: '#1b1b1b' }, c.body)];
    for (const level of LEVELS) {
      const n = c.counts[level];
      if (n === 0) continue;
      const w = (n / max) * barWidth;
      parts.push(s('rect', { x, y: y + 3, width: w, height: rowHeight - 8, fill: LEVEL_FILL[level] }, [s('title', `${c.body}: ${n} ${LEVEL_LABEL[level].toLowerCase()}`)]));
      x += w;
    }
    parts.push(s('text', { x: x + 6, y: y + 17, 'font-size': 12, fill: '#545454' }, String(LEVELS.reduce((n, l) => n + c.counts[l], 0))));
    return s('g', parts);
  });
  const summary = o.chart.map((c) => `${c.body}: ${LEVELS.filter((l) => c.counts[l] > 0).map((l) => `${c.counts[l]} ${LEVEL_LABEL[l].toLowerCase()}`).join(', ')}`).join('; ');
  return [
    s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${labelWidth + barWidth + 40} ${height}`, width: '100%', role: 'img', 'aria-labelledby': 'chart-title chart-desc' }, [
      s('title', { id: 'chart-title' }, 'Bedömningar per nämnd'),
      s('desc', { id: 'chart-desc' }, summary),
      ...rows,
    ]),
    h('ul', { className: ['legend'] }, LEVELS.map((l) => h('li', [h('span', { className: ['swatch'], style: `background:${LEVEL_FILL[l]}` }), LEVEL_LABEL[l]]))),
  ];
}

export function overviewHtml(o: Overview): string {
  const overdue = o.documents.filter((d) => d.reply?.overdue).length;
  const groups = new Map<string, OverviewDocument[]>();
  for (const d of o.documents) {
    const k = d.kommun ?? 'Utan kommun';
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  let n = 0;
  const main = h('main', [
    h('h1', 'Revisionsåret i översikt'),
    h('p', { className: ['meta'] }, `${o.documents.length} dokument · per ${o.today}${overdue > 0 ? ` · ${overdue} ${overdue === 1 ? 'svar' : 'svar'} med passerat svarsdatum` : ''}`),
    h('section', { 'aria-labelledby': 'chart-heading' }, [h('h2', { id: 'chart-heading' }, 'Bedömningar per nämnd'), ...chart(o)]),
    h('section', { 'aria-labelledby': 'docs-heading' }, [
      h('h2', { id: 'docs-heading' }, 'Dokument'),
      ...[...groups].flatMap(([kommun, docs]) => [h('h3', kommun), ...docs.map((d) => documentCard(d, `doc-${++n}`))]),
    ]),
  ]);
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Granska">
<title>${escapeHtml(`Revisionsåret i översikt (${o.today})`)}</title>
<style>
${CSS}
</style>
</head>
<body>
${toHtml(main)}
</body>
</html>
`;
}
