import { formatIsoDate } from '../model/dates.js';
import type { ReferenceForm } from '../model/decisions.js';
import type { AuditDocument } from '../model/types.js';
import { csvField, findDecision, registerHeader, type DecisionRegister } from './register.js';

/** One decision as the documents of a folder cite it. */
export interface CitedDecision {
  organ: string;
  organName: string | null;
  paragraph: number;
  date: string;
  /** The documents that cite it (as given), in order. */
  documents: string[];
  /** The forms it is written in (spec §6). */
  forms: ReferenceForm[];
  /** The register's rubrik when the register lists it, else null. */
  rubrik: string | null;
  listed: boolean;
}

/**
 * Every decision the documents cite, once per organ, § and meeting date, in the order of
 * the meetings. References with impossible dates are left out: no register can list them.
 */
export function citedDecisions(docs: readonly { name: string; doc: AuditDocument }[], register: DecisionRegister | null): CitedDecision[] {
  const byKey = new Map<string, CitedDecision>();
  for (const { name, doc } of docs) {
    for (const d of doc.decisions) {
      if (!d.date.valid) continue;
      const date = formatIsoDate(d.date);
      const key = `${d.organ}\u0000${d.paragraph}\u0000${date}`;
      let c = byKey.get(key);
      if (!c) {
        const entry = register?.usable ? findDecision(register, d) : undefined;
        c = { organ: d.organ, organName: d.organName, paragraph: d.paragraph, date, documents: [], forms: [], rubrik: entry ? entry.rubrik : null, listed: !!entry };
        byKey.set(key, c);
      }
      if (!c.documents.includes(name)) c.documents.push(name);
      if (!c.forms.includes(d.form)) c.forms.push(d.form);
    }
  }
  for (const c of byKey.values()) c.forms.sort();
  return [...byKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.organ.localeCompare(b.organ) || a.paragraph - b.paragraph);
}

/**
 * The register's new text with the decisions it does not list appended (an empty rubrik
 * for the auditor to fill). An existing file keeps its text, delimiter and line endings; a
 * new one gets a BOM, semicolons and CRLF, so that Swedish Excel opens it with å, ä and ö.
 * Returns null when there is nothing to add to an existing register.
 */
export function extendedRegister(existing: { text: string; register: DecisionRegister } | null, cited: readonly CitedDecision[]): { text: string; added: number } | null {
  const missing = cited.filter((c) => !c.listed);
  if (existing) {
    if (missing.length === 0) return null;
    const eol = existing.text.includes('\r\n') ? '\r\n' : '\n';
    const delimiter = existing.register.delimiter;
    const rows = missing.map((c) => [c.organ, String(c.paragraph), c.date, ''].map((v) => csvField(v, delimiter)).join(delimiter));
    const separator = existing.text === '' || /\r?\n$/.test(existing.text) ? '' : eol;
    return { text: existing.text + separator + rows.join(eol) + eol, added: missing.length };
  }
  const rows = missing.map((c) => [c.organ, String(c.paragraph), c.date, '', ''].map((v) => csvField(v, ';')).join(';'));
  return { text: '\ufeff' + [registerHeader(';'), ...rows].join('\r\n') + '\r\n', added: missing.length };
}
