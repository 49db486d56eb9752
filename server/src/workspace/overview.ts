import type { GranskaConfig } from '../config/config.js';
import { scaleOf } from '../lint/lint.js';
import type { AuditDocument } from '../model/types.js';
import { resolveGrade } from '../rules/util.js';
import { earlierReports, followUpOf, followUpsOf } from './follow-up.js';
import { recommendationsOf } from './recommendations.js';

/** A grade's place on its scale: the top grade, the bottom one, one between, or not on the scale. */
export type GradeLevel = 'good' | 'partial' | 'bad' | 'unknown';

export interface OverviewUnit {
  number: number;
  text: string;
  grade: string | null;
  level: GradeLevel;
}

export interface OverviewDocument {
  /** The path relative to the overview's folder, with `/` separators. */
  path: string;
  type: string | null;
  kommun: string | null;
  title: string | null;
  date: string | null;
  status: string;
  /** The audited bodies (`granskade`), or a missiv's recipients (`till`). */
  bodies: string[];
  units: OverviewUnit[];
  recommendations: { unit: number; text: string }[];
  /** A missiv's reply date; overdue when it is before today. */
  reply: { due: string; overdue: boolean; report: string | null } | null;
  /** An uppföljning's follow-ups: how many earlier recommendations have each status, and how many none. */
  followUp: { earlier: string[]; counts: { status: string; count: number }[]; missing: number } | null;
}

/** One document of the year as the overview reads it. */
export interface YearDocument {
  path: string;
  doc: AuditDocument;
  config: GranskaConfig;
}

export interface Overview {
  today: string;
  documents: OverviewDocument[];
  /** Per nämnd: how many kontrollmål of the reports that audited it have each grade level. */
  chart: { body: string; counts: Record<GradeLevel, number> }[];
}

function levelOf(grade: string | null, grades: readonly string[]): GradeLevel {
  const resolved = grade ? resolveGrade(grade, grades) : null;
  if (!resolved) return 'unknown';
  const rank = grades.indexOf(resolved);
  return rank === 0 ? 'good' : rank === grades.length - 1 ? 'bad' : 'partial';
}

/** `a/b` joined with `../c` as a POSIX path, so the overview needs no file system. */
export function joinRelative(fromFile: string, relative: string): string {
  const parts = fromFile.split('/').slice(0, -1);
  for (const p of relative.replace(/\\/g, '/').split('/')) {
    if (p === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else parts.push('..');
    }
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/**
 * The audit year at a glance (plain data for the page, JSON and the editor's view): every
 * document of a folder with its units and grades, a missiv's reply date against today, an
 * uppföljning's follow-up counts, and the grades per nämnd.
 */
export function overviewOf(docs: readonly YearDocument[], today: string, related?: (docPath: string, relative: string) => AuditDocument | null): Overview {
  const byPath = new Map(docs.map((d) => [d.path, d.doc]));
  // Earlier reports are usually in the same folder; one of an earlier year may be elsewhere.
  const earlierDoc = (docPath: string, relative: string) => byPath.get(joinRelative(docPath, relative)) ?? related?.(docPath, relative) ?? null;
  const documents: OverviewDocument[] = [];
  const chart = new Map<string, Record<GradeLevel, number>>();
  for (const { path, doc, config } of docs) {
    const fields = doc.frontmatter?.fields;
    const str = (key: string) => {
      const v = fields?.get(key)?.value;
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    };
    const list = (key: string) => {
      const v = fields?.get(key)?.value;
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
    };
    const grades = scaleOf(doc, config).grades;
    const units = doc.controlObjectives.map((km, i) => {
      const grade = km.bedomning?.gradeText || null;
      return { number: km.number ?? i + 1, text: km.text, grade, level: levelOf(grade, grades) };
    });
    const isMissiv = doc.type === 'missiv';
    const bodies = list(isMissiv ? 'till' : 'granskade');
    const due = str('svar_senast');
    const entry: OverviewDocument = {
      path,
      type: doc.type,
      kommun: str('kommun'),
      title: str('titel'),
      date: str('datum'),
      status: str('status') ?? 'utkast',
      bodies,
      units,
      recommendations: recommendationsOf(doc).map((r) => ({ unit: r.unit, text: r.text })),
      reply: isMissiv && due ? { due, overdue: /^\d{4}-\d{2}-\d{2}$/.test(due) && due < today, report: str('rapport') } : null,
      followUp: null,
    };
    if (doc.type === 'uppföljning') {
      const earlier = earlierReports(doc) ?? [];
      const followUps = followUpsOf(doc);
      const scale = config.followUpScale;
      const counts = new Map(scale.map((s) => [s, 0]));
      let missing = 0;
      for (const e of earlier) {
        const earlier = earlierDoc(path, e.path);
        for (const rec of earlier ? recommendationsOf(earlier) : []) {
          const status = followUpOf(followUps, rec.text)?.status;
          const resolved = status ? resolveGrade(status, scale) : null;
          if (resolved) counts.set(resolved, (counts.get(resolved) ?? 0) + 1);
          else missing++;
        }
      }
      entry.followUp = { earlier: earlier.map((e) => joinRelative(path, e.path)), counts: [...counts].map(([status, count]) => ({ status, count })), missing };
    }
    if (!isMissiv) {
      for (const body of bodies) {
        const key = body.charAt(0).toUpperCase() + body.slice(1);
        let c = chart.get(key);
        if (!c) chart.set(key, (c = { good: 0, partial: 0, bad: 0, unknown: 0 }));
        for (const u of units) c[u.level]++;
      }
    }
    documents.push(entry);
  }
  documents.sort((a, b) => (a.kommun ?? '').localeCompare(b.kommun ?? '', 'sv') || (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path, 'sv'));
  return {
    today,
    documents,
    chart: [...chart].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([body, counts]) => ({ body, counts })),
  };
}
