import type { Locale } from '../i18n.js';
import type { FileResult } from './format.js';

// What a lint run gives, and how the files' records are put together: apart from the lint
// itself, so that the command line's main thread loads no linting code when workers lint.

export interface LintRun {
  results: FileResult[];
  unreadable: { file: string; reason: string }[];
  /** Files whose fixes could not be written; each is left as it was. */
  unwritable: { file: string; reason: string }[];
  fixed: string[];
}

export interface LintOptions {
  fix: boolean;
  locale: Locale;
  /** Whether to count the prose's words, sentences and LIX: only the JSON output shows them. */
  statistics?: boolean;
}

/**
 * What linting one file gave, as plain data: a worker thread sends it back as it is, and
 * `mergeFileLints` puts the files' records together in the order the files were named.
 * The configuration's and the register's problems ride along with every file that uses
 * them; the merge reports each once, before the first file that uses it, as one thread did.
 */
export interface FileLint {
  /** The problems of the file's configuration and register, each as the result to report for that file. */
  sources: FileResult[];
  result?: FileResult;
  unreadable?: { file: string; reason: string };
  unwritable?: { file: string; reason: string };
  fixed?: string;
}

/** Puts the files' records together in the files' order; each configuration or register is reported once. */
export function mergeFileLints(lints: readonly FileLint[]): LintRun {
  const run: LintRun = { results: [], unreadable: [], unwritable: [], fixed: [] };
  const reported = new Set<string>();
  for (const l of lints) {
    for (const s of l.sources) {
      if (reported.has(s.file)) continue;
      reported.add(s.file);
      run.results.push(s);
    }
    if (l.unreadable) run.unreadable.push(l.unreadable);
    if (l.unwritable) run.unwritable.push(l.unwritable);
    if (l.fixed) run.fixed.push(l.fixed);
    if (l.result) run.results.push(l.result);
  }
  return run;
}
