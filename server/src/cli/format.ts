import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { localize, type Locale } from '../i18n.js';
import { RULES } from '../rules/index.js';
import { CONFIG_CODE } from '../config/load.js';
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

const SARIF_LEVEL: Record<ActiveSeverity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, with what GitHub code scanning needs: rules, relative URIs and regions. */
export function formatSarif(results: FileResult[], locale: Locale, version: string, cwd: string): string {
  const ruleList = [
    ...RULES.map((r) => ({ id: r.id, description: localize(r.description, locale), severity: r.severity })),
    { id: CONFIG_CODE, description: locale === 'en' ? 'The configuration file is invalid.' : 'Konfigurationsfilen är ogiltig.', severity: 'error' as const },
  ];
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'granska',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/granska/granska',
            rules: ruleList.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: `https://github.com/granska/granska/blob/main/docs/regler/${r.id}.md`,
              defaultConfiguration: { level: r.severity === 'off' ? 'none' : SARIF_LEVEL[r.severity], enabled: r.severity !== 'off' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code) ?? 0,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(r.file, cwd), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toUri(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}
