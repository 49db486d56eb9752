import type { Locale } from '../i18n.js';
import type { ActiveSeverity } from '../lint/lint.js';

export interface FileResult {
  file: string;
  diagnostics: {
    code: string;
    severity: ActiveSeverity;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
  /**
   * The document's prose in figures (JSON output only): words, sentences, LIX and the
   * sentences longer than `meningslangd`. Absent for a configuration file's problems.
   */
  statistics?: { words: number; sentences: number; lix: number | null; longSentences: number };
}

const LEVEL_WORDS: Record<Locale, Record<ActiveSeverity, string>> = {
  sv: { error: 'fel', warning: 'varning', info: 'info' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** `fil:rad:kolumn  nivå  meddelande  regel`, 1-based, then a summary line, like other linters. */
export function formatText(results: FileResult[], locale: Locale): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let filesWithProblems = 0;
  for (const r of results) {
    if (r.diagnostics.length > 0) filesWithProblems++;
    const locs = r.diagnostics.map((d) => `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`);
    const width = Math.max(0, ...locs.map((l) => l.length));
    r.diagnostics.forEach((d, i) => {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      out.push(`${locs[i].padEnd(width)}  ${LEVEL_WORDS[locale][d.severity].padEnd(7)}  ${d.message}  ${d.code}`);
    });
  }
  const total = errors + warnings + infos;
  const files = results.length;
  if (total === 0) {
    out.push(locale === 'en' ? `✔ No problems in ${files} ${files === 1 ? 'file' : 'files'}` : `✔ Inga problem i ${files} ${files === 1 ? 'fil' : 'filer'}`);
  } else if (locale === 'en') {
    out.push(`✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${infos ? `, ${infos} info` : ''}) in ${filesWithProblems} of ${files} ${files === 1 ? 'file' : 'files'}`);
  } else {
    out.push(`✖ ${total} problem (${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}${infos ? `, ${infos} info` : ''}) i ${filesWithProblems} av ${files} ${files === 1 ? 'fil' : 'filer'}`);
  }
  return out.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results, null, 2) + '\n';
}
