import type { GranskaConfig } from '../config/config.js';
import type { AuditDocument } from '../model/types.js';
import { isComplete, summarize } from './summary.js';
import { documentStats, type ProseStats } from '../spelling/prose.js';

/** The document's prose figures for the status bar's tooltip (any document type). */
export function readability(doc: AuditDocument, config: GranskaConfig): ProseStats & { limit: number } {
  return { ...documentStats(doc, config.sentenceLength), limit: config.sentenceLength };
}

export interface ControlObjectiveStatus {
  total: number;
  /** Units with a grade on the scale, recommendations and the decision references their profile requires. */
  complete: number;
  /** What the document's profile calls its units, in the plural («revisionsfrågor»); absent for kontrollmål. */
  units?: string;
}

/**
 * How many units are complete, for the status bar: a grade of the document's scale,
 * recommendations as the profile places them, and the decision references it requires
 * (spec §13). Null for documents without units by nature.
 */
export function controlObjectiveStatus(doc: AuditDocument, config: GranskaConfig): ControlObjectiveStatus | null {
  if (doc.type !== 'granskningsrapport' && doc.type !== 'uppföljning') return null;
  const complete = doc.controlObjectives.filter((km) => isComplete(doc, summarize(doc, km, doc.scale.grades, config))).length;
  const status: ControlObjectiveStatus = { total: doc.controlObjectives.length, complete };
  if (doc.profile.units.plural !== 'kontrollmål') status.units = doc.profile.units.plural;
  return status;
}
