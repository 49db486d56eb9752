import type { Range } from 'vscode-languageserver-types';
import { localize, type Locale } from '../i18n.js';
import { LineIndex } from '../model/text.js';
import type { DecisionRegister } from './register.js';

/** The register's problems as plain diagnostics positioned in the register file. */
export function registerProblems(register: DecisionRegister, locale: Locale): { range: Range; message: string }[] {
  const lines = new LineIndex(register.text);
  return register.problems.map((p) => ({ range: lines.range(p.span.start, p.span.end), message: localize(p.message, locale) }));
}
