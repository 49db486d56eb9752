import type { GranskaConfig } from '../config/config.js';
import { scaleOf } from '../lint/lint.js';
import type { AuditDocument } from '../model/types.js';
import { resolveGrade } from '../rules/util.js';
import { documentStats, type ProseStats } from '../spelling/prose.js';

/** The document's prose figures for the status bar's tooltip (any document type). */
export function readability(doc: AuditDocument, config: GranskaConfig): ProseStats & { limit: number } {
  return { ...documentStats(doc, config.sentenceLength), limit: config.sentenceLength };
}

export interface ControlObjectiveStatus {
  total: number;
  /** Kontrollmål with a grade on the scale, recommendations and a footnoted decision by a required organ. */
  complete: number;
}

/**
 * How many kontrollmål are complete, for the status bar: a bedömning with a grade of the
 * document's scale, a Rekommendation section, and a footnote whose definition holds a
 * decision reference by a required organ. Null for documents without kontrollmål by nature.
 */
export function controlObjectiveStatus(doc: AuditDocument, config: GranskaConfig): ControlObjectiveStatus | null {
  if (doc.type !== 'granskningsrapport' && doc.type !== 'uppföljning') return null;
  const required = new Set(config.requiredOrgans);
  const decided = new Set(doc.decisions.filter((d) => d.footnote !== null && required.has(d.organ)).map((d) => d.footnote));
  const grades = scaleOf(doc, config).grades;
  const complete = doc.controlObjectives.filter(
    (km) =>
      km.bedomning !== null && resolveGrade(km.bedomning.gradeText, grades) !== null &&
      km.rekommendation !== null &&
      km.footnoteRefs.some((r) => r.defined && decided.has(r.key)),
  ).length;
  return { total: doc.controlObjectives.length, complete };
}
