import type { List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { GranskaConfig } from '../config/config.js';
import { SWEDISH_MONTHS } from '../model/dates.js';
import type { AuditDocument, ControlObjective, DecisionRef } from '../model/types.js';
import { gradeOnScale, NO_RECOMMENDATIONS } from '../rules/util.js';

/**
 * What the hover, the code lens and the outline say about a kontrollmål, computed once
 * from the model: its grade, its recommendations and the decisions it is judged against.
 */
export interface ControlObjectiveSummary {
  km: ControlObjective;
  /** The grade as written, and whether it is on the scale. */
  grade: { text: string; valid: boolean } | null;
  recommendations: string[];
  /** «Inga rekommendationer.» was written. */
  noneNeeded: boolean;
  /** Decisions by a required organ in the kontrollmål's footnotes. */
  requiredDecisions: DecisionRef[];
  /** Every decision in its footnotes. */
  decisions: DecisionRef[];
}

export function summarize(doc: AuditDocument, km: ControlObjective, _grades: readonly string[], config: GranskaConfig): ControlObjectiveSummary {
  const gradeText = km.bedomning?.gradeText ?? '';
  const resolved = km.bedomning && gradeText ? gradeOnScale(doc, gradeText) : null;
  const grade = km.bedomning ? { text: gradeText, valid: resolved !== null } : null;
  const recommendations: string[] = [];
  let noneNeeded = false;
  for (const n of km.rekommendation?.content ?? []) {
    if (n.type === 'list') for (const item of (n as List).children) {
      const t = toString(item).trim();
      if (t) recommendations.push(t);
    }
    if (n.type === 'paragraph' && NO_RECOMMENDATIONS.test(toString(n).trim())) noneNeeded = true;
  }
  // Recommendations gathered in one chapter cover a unit as the profile says (spec §13.5).
  if (recommendations.length === 0 && doc.profile.recommendations.place === 'chapter') {
    const index = doc.controlObjectives.indexOf(km);
    const n = String(km.number ?? index + 1);
    const words = [...doc.profile.units.words, doc.profile.units.name].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const names = new RegExp(`(?:${words.join('|')})\\s*${n}(?!\\d)`, 'iu');
    for (const r of doc.recommendations) if (doc.profile.recommendations.coverage !== 'named' || names.test(r.text)) recommendations.push(r.text);
    if (recommendations.length === 0 && resolved === doc.scale.grades[0]) noneNeeded = true;
  }
  const requirement = doc.profile.references.required;
  const keys = new Set((requirement === 'report' ? doc.footnoteRefs : km.footnoteRefs).filter((r) => r.defined).map((r) => r.key));
  const decisions = doc.decisions.filter((d) => d.footnote !== null && keys.has(d.footnote));
  const required = new Set(doc.profile.references.organs ?? config.requiredOrgans);
  return { km, grade, recommendations, noneNeeded, decisions, requiredDecisions: requirement === 'none' ? decisions : decisions.filter((d) => required.has(d.organ)) };
}

/** Whether a unit has everything its profile asks: a grade on the scale, recommendations (or none owed) and the decision references it requires. */
export function isComplete(doc: AuditDocument, s: ControlObjectiveSummary): boolean {
  const graded = s.grade !== null && s.grade.valid;
  const recommended = doc.profile.recommendations.place === 'unit' ? s.km.rekommendation !== null : s.recommendations.length > 0 || s.noneNeeded;
  const referenced = doc.profile.references.required === 'none' || s.requiredDecisions.length > 0;
  return graded && recommended && referenced;
}

/** «23 februari 2015». */
export function longDate(d: { year: number; month: number; day: number }): string {
  return `${d.day} ${SWEDISH_MONTHS[d.month - 1] ?? d.month} ${d.year}`;
}
