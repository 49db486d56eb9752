import { msg } from '../i18n.js';
import { normalizeLabel } from '../model/text.js';
import type { TableCell } from 'mdast';
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
 * What the author wrote in a table cell, without its pipes and the white space around it:
 * links, footnote references, emphasis, code and escapes as they stand in the source.
 */
function cellSource(text: string, cell: TableCell | undefined): string | null {
  const start = cell?.position?.start.offset;
  const end = cell?.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  let s = text.slice(start, end).trimEnd();
  if (s.startsWith('|')) s = s.slice(1);
  // A closing pipe ends the cell unless it is escaped (an odd number of backslashes before it).
  if (/(?:^|[^\\])(?:\\\\)*\|$/.test(s)) s = s.slice(0, -1);
  return s.trim();
}

/**
 * The cell the fix writes where a kept row must say something new: the old cell's source with
 * its plain text replaced, so that emphasis, a link or a footnote reference around it stay
 * (a lost `[^3]` would leave its definition unused); the new text alone when the plain text
 * cannot be found in the source (escapes or entities in it).
 */
function revisedCell(source: string | null, plain: string, next: string): string {
  const at = source && plain ? source.indexOf(plain) : -1;
  if (source === null || at < 0) return plain === '' && source ? `${escapeCell(next)}${source}` : escapeCell(next);
  return source.slice(0, at) + escapeCell(next) + source.slice(at + plain.length);
}

/** The header row and the alignment row, as written: the fix changes neither. */
function headSource(text: string, table: SummaryTable): string | null {
  const header = table.table.children[0]?.position?.end.offset;
  if (header === undefined) return null;
  const afterHeader = text.indexOf('\n', header);
  if (afterHeader < 0 || afterHeader >= table.span.end) return null;
  const lineEnd = text.indexOf('\n', afterHeader + 1);
  const end = lineEnd < 0 || lineEnd > table.span.end ? table.span.end : lineEnd;
  return text.slice(table.span.start, end).replace(/\r$/, '');
}

/**
 * How the table names kontrollmål: as the first row that names any of them does, so that rows
 * out of order keep their form («Kontrollmål 2» stays a number, not number and text).
 */
function namingOf(table: SummaryTable, kms: readonly ControlObjective[], doc: AuditDocument): Naming | null {
  for (const row of table.rows) {
    for (let i = 0; i < kms.length; i++) {
      const naming = names(row.cells[0] ?? '', kms[i], i, doc);
      if (naming) return naming;
    }
  }
  return null;
}

/**
 * Writes the summary table anew from the kontrollmål: one row per kontrollmål in order,
 * grades from the headings, and any other columns (a comment, say) kept from the row that
 * named the same kontrollmål, so regenerating never loses an auditor's text that still applies.
 * Everything it need not change keeps its source: the header and alignment rows, every kept
 * cell (links, footnote references, emphasis, code, escapes) and every row that still agrees.
 */
export function renderSummaryTable(doc: AuditDocument, table: SummaryTable): string {
  const { text } = doc;
  const kms = doc.controlObjectives;
  const used = new Set<number>();
  const naming: Naming = namingOf(table, kms, doc) ?? (table.rows.length > 0 && PREFIX.test(table.rows[0].cells[0] ?? '') ? 'prefixed' : 'text');
  const width = Math.max(table.header.length, 2);
  const header = Array.from({ length: width }, (_, c) => table.header[c] ?? '');
  const head = headSource(text, table);
  const lines = head !== null ? [head] : [`| ${header.map(escapeCell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  kms.forEach((km, i) => {
    const rowIndex = table.rows.findIndex((r, j) => !used.has(j) && names(r.cells[0] ?? '', km, i, doc) !== null);
    if (rowIndex >= 0) used.add(rowIndex);
    const old = rowIndex >= 0 ? table.rows[rowIndex].cells : [];
    const oldNode = rowIndex >= 0 ? table.table.children[rowIndex + 1] : undefined;
    const n = km.number ?? i + 1;
    const word = doc.profile.units.words[0] ?? doc.profile.units.name;
    const first = naming === 'number' ? `${word} ${n}` : naming === 'prefixed' ? `${word} ${n}: ${km.text}` : km.text;
    const grade = km.bedomning?.gradeText ?? '';
    let changed = !oldNode || oldNode.children.length !== width;
    const cells = header.map((_, c) => {
      const source = cellSource(text, oldNode?.children[c]);
      const plain = old[c] ?? '';
      const keeps = c === 0 ? names(plain, km, i, doc) === naming : c === table.gradeColumn ? sameGrade(doc, plain, grade) : true;
      if (keeps && source !== null) return source;
      changed = true;
      if (c === 0) return revisedCell(source, plain, first);
      if (c === table.gradeColumn) return revisedCell(source, plain, grade);
      return '';
    });
    const rowSpan = rowIndex >= 0 ? table.rows[rowIndex].span : null;
    lines.push(!changed && rowSpan ? text.slice(rowSpan.start, rowSpan.end) : `| ${cells.join(' | ')} |`);
  });
  return lines.join(text.includes('\r\n') ? '\r\n' : '\n');
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
