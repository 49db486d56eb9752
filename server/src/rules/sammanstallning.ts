import { msg } from '../i18n.js';
import { normalizeLabel } from '../model/text.js';
import type { AuditDocument, ControlObjective, SummaryTable } from '../model/types.js';
import type { Fix, Rule } from './rule.js';
import { rowNames } from '../model/units.js';
import { sameGrade, unitNameLower } from './util.js';

/** How a summary row's first cell names a kontrollmål: «Kontrollmål 2», «Kontrollmål 2: text» or «text». */
type Naming = 'number' | 'prefixed' | 'text';

const PREFIX = /^kontrollmål\s+(\d+)\s*[:.–—-]?\s*(.*)$/iu;

function normalizeText(s: string): string {
  return normalizeLabel(s).replace(/[\s.:;,]+$/u, '');
}

/** Whether a first cell names the kontrollmål at `index`; returns how it names it, or null. */
function names(cell: string, km: ControlObjective, index: number, doc?: AuditDocument): Naming | null {
  // Other profiles name their units by their own words, a bare number or the unit's text (spec §7 v2).
  if (doc && !doc.defaultProfile) {
    if (!rowNames(cell, km, index, doc.profile)) return null;
    return /^\D*\d+\D*$/u.test(cell.trim()) && cell.trim().length < 30 ? 'number' : /^\D*\d+\s*[:.–—-]/u.test(cell.trim()) ? 'prefixed' : 'text';
  }
  const m = PREFIX.exec(cell.trim());
  const n = km.number ?? index + 1;
  if (m) {
    if (Number(m[1]) !== n) return null;
    if (m[2].trim() === '') return 'number';
    return normalizeText(m[2]) === normalizeText(km.text) ? 'prefixed' : null;
  }
  return normalizeText(cell) === normalizeText(km.text) ? 'text' : null;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Writes the summary table anew from the kontrollmål: one row per kontrollmål in order,
 * grades from the headings, and any other columns (a comment, say) kept from the row that
 * named the same kontrollmål, so regenerating never loses an auditor's text that still applies.
 */
export function renderSummaryTable(doc: AuditDocument, table: SummaryTable): string {
  const kms = doc.controlObjectives;
  const used = new Set<number>();
  const firstNaming = table.rows.length > 0 && kms.length > 0 ? names(table.rows[0].cells[0] ?? '', kms[0], 0, doc) : null;
  const naming: Naming = firstNaming ?? (table.rows.length > 0 && PREFIX.test(table.rows[0].cells[0] ?? '') ? 'prefixed' : 'text');
  const width = Math.max(table.header.length, 2);
  const header = Array.from({ length: width }, (_, c) => table.header[c] ?? '');
  const lines = [
    `| ${header.map(escapeCell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
  ];
  kms.forEach((km, i) => {
    const rowIndex = table.rows.findIndex((r, j) => !used.has(j) && names(r.cells[0] ?? '', km, i, doc) !== null);
    if (rowIndex >= 0) used.add(rowIndex);
    const old = rowIndex >= 0 ? table.rows[rowIndex].cells : [];
    const n = km.number ?? i + 1;
    const word = doc.profile.units.words[0] ?? doc.profile.units.name;
    const first = naming === 'number' ? `${word} ${n}` : naming === 'prefixed' ? `${word} ${n}: ${km.text}` : km.text;
    const cells = header.map((_, c) => (c === 0 ? first : c === table.gradeColumn ? km.bedomning?.gradeText ?? '' : old[c] ?? ''));
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  });
  return lines.join(doc.text.includes('\r\n') ? '\r\n' : '\n');
}

export const sammanstallning: Rule = {
  id: 'sammanstallning',
  severity: 'warning',
  description: msg('Sammanställningen av bedömningar stämmer inte med kontrollmålen.', 'The summary table disagrees with the kontrollmål.'),
  docs: {
    why: msg(
      'Tabellen "Bedömningar mot kontrollmål" i sammanfattningen är det många politiker läser. Ändras en bedömning i rapporten men inte i tabellen säger rapporten två olika saker.',
      'The "Bedömningar mot kontrollmål" table in the summary is what many politicians read. When a grade changes in the report but not in the table, the report says two things.',
    ),
    bad: '| Kontrollmål 2 | Uppfyllt |',
    good: '| Kontrollmål 2 | Delvis uppfyllt |',
  },
  check(ctx) {
    const { doc } = ctx;
    const table = doc.summaryTable;
    if (!table) return;
    const kms = doc.controlObjectives;
    const plural = doc.profile.units.plural;
    const lower = (km: ControlObjective, i: number) => unitNameLower(doc, km, i);
    const fix: Fix = {
      title: msg('Skapa om sammanställningen från kontrollmålen', 'Regenerate the summary table from the kontrollmål'),
      edits: [{ span: table.span, newText: renderSummaryTable(doc, table) }],
      safe: true,
    };
    for (let i = 0; i < Math.max(kms.length, table.rows.length); i++) {
      const km = kms[i];
      const row = table.rows[i];
      if (!row) {
        ctx.report({
          span: table.span,
          message: msg(
            `Sammanställningen har ${table.rows.length} rader men rapporten har ${kms.length} ${plural}; ${lower(km, i)} saknas i tabellen.`,
            `The summary table has ${table.rows.length} rows but the report has ${kms.length} ${plural}; ${lower(km, i)} is missing from the table.`,
          ),
          fixes: [fix],
        });
        return;
      }
      if (!km) {
        ctx.report({
          span: row.span,
          message: msg(
            (doc.defaultProfile ? `Raden "${row.cells[0] ?? ''}" motsvarar inget kontrollmål: rapporten har ${kms.length} kontrollmål. Ta bort raden eller skapa om tabellen.` : `Raden "${row.cells[0] ?? ''}" motsvarar ingen av rapportens ${plural}: den har ${kms.length}. Ta bort raden eller skapa om tabellen.`),
            `The row "${row.cells[0] ?? ''}" matches none of the report's ${plural}: it has ${kms.length}. Remove the row or regenerate the table.`,
          ),
          fixes: [fix],
        });
        return;
      }
      if (!names(row.cells[0] ?? '', km, i, doc)) {
        ctx.report({
          span: row.span,
          message: msg(
            `Rad ${i + 1} i sammanställningen ska gälla ${lower(km, i)} ("${km.text}") men säger "${row.cells[0] ?? ''}".`,
            `Row ${i + 1} of the summary table should be ${lower(km, i)} ("${km.text}") but says "${row.cells[0] ?? ''}".`,
          ),
          fixes: [fix],
        });
        return;
      }
      const grade = km.bedomning?.gradeText ?? '';
      const cell = row.cells[table.gradeColumn] ?? '';
      // The grades compare as spec §4 v2 says; a unit graded only in the table agrees with itself.
      if (!sameGrade(doc, cell, grade)) {
        ctx.report({
          span: row.span,
          message: msg(
            `Sammanställningen anger "${cell}" för ${lower(km, i)}, men bedömningen i rapporten är "${grade}".`,
            `The summary table gives "${cell}" for ${lower(km, i)}, but the assessment in the report is "${grade}".`,
          ),
          fixes: [fix],
        });
        return;
      }
    }
  },
};
