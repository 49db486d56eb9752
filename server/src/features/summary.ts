import type { List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { GranskaConfig } from '../config/config.js';
import { SWEDISH_MONTHS } from '../model/dates.js';
import type { AuditDocument, ControlObjective, DecisionRef } from '../model/types.js';
import { NO_RECOMMENDATIONS, resolveGrade } from '../rules/util.js';

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

export function summarize(doc: AuditDocument, km: ControlObjective, grades: readonly string[], config: GranskaConfig): ControlObjectiveSummary {
  const gradeText = km.bedomning?.gradeText ?? '';
  const grade = km.bedomning ? { text: gradeText, valid: resolveGrade(gradeText, grades) !== null } : null;
  const recommendations: string[] = [];
  let noneNeeded = false;
  for (const n of km.rekommendation?.content ?? []) {
    if (n.type === 'list') for (const item of (n as List).children) {
      const t = toString(item).trim();
      if (t) recommendations.push(t);
    }
    if (n.type === 'paragraph' && NO_RECOMMENDATIONS.test(toString(n).trim())) noneNeeded = true;
  }
  const keys = new Set(km.footnoteRefs.filter((r) => r.defined).map((r) => r.key));
  const decisions = doc.decisions.filter((d) => d.footnote !== null && keys.has(d.footnote));
  const required = new Set(config.requiredOrgans);
  return { km, grade, recommendations, noneNeeded, decisions, requiredDecisions: decisions.filter((d) => required.has(d.organ)) };
}

/** «23 februari 2015». */
export function longDate(d: { year: number; month: number; day: number }): string {
  return `${d.day} ${SWEDISH_MONTHS[d.month - 1] ?? d.month} ${d.year}`;
}
