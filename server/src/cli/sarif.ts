import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { localize, type Locale } from '../i18n.js';
import { RULES } from '../rules/index.js';
import { CONFIG_CODE } from '../config/load.js';
import type { ActiveSeverity } from '../lint/lint.js';
import type { FileResult } from './format.js';

// SARIF names every rule, so it needs the rule registry: it is apart from format.ts so that
// the text and JSON output load none of the rules' code.
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
