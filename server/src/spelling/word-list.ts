import * as path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { CONFIG_FILE_NAME, type GranskaConfig } from '../config/config.js';
import type { SpanEdit } from '../rules/rule.js';
import type { AuditDocument } from '../model/types.js';
import { IGNORE_COMMENT } from './check.js';

/** The word file «add to the word list» creates when the project has none. */
export const DEFAULT_WORD_FILE = 'ordlista.txt';

export interface FileWrite {
  file: string;
  text: string;
}

/**
 * What «add to the word list» writes, as whole files, given what is on disk now. The
 * project's word file gets the word on a line of its own; a project with an inline `ord`
 * list gets it there; a project without `ord` gets a word file and the setting that names
 * it (and a configuration file, in `folder`, when it has none). Pure: the caller reads
 * and writes the files (atomically).
 */
export function planAddWord(
  word: string,
  project: { configFile: string | null; configText: string; config: GranskaConfig; fallbackWordFile?: string | null },
  read: (file: string) => string | null,
  folder: string,
): FileWrite[] {
  const { configFile, configText, config } = project;
  const appendTo = (file: string): FileWrite => {
    const before = read(file) ?? '';
    const sep = before === '' || before.endsWith('\n') ? '' : '\n';
    return { file, text: `${before}${sep}${word}\n` };
  };
  const format = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
  if (config.wordFile) return [appendTo(config.wordFile)];
  if (configFile && config.wordsInline) {
    return [{ file: configFile, text: applyEdits(configText, modify(configText, ['ord', -1], word, { ...format, isArrayInsertion: true })) }];
  }
  if (project.fallbackWordFile) return [appendTo(project.fallbackWordFile)];
  const target = configFile ?? path.join(folder, CONFIG_FILE_NAME);
  const base = configFile && configText.trim() !== '' ? configText : '{}\n';
  const wordFile = path.join(path.dirname(target), DEFAULT_WORD_FILE);
  return [appendTo(wordFile), { file: target, text: applyEdits(base, modify(base, ['ord'], DEFAULT_WORD_FILE, format)) }];
}

/**
 * The edit that accepts a word in this document only: the word joins the document's
 * `<!-- granska-ord: … -->` comment, or a new one goes after the frontmatter. A comment
 * keeps the report plain Markdown: renderers and the exports leave it out.
 */
export function ignoreInDocumentEdit(doc: AuditDocument, word: string): SpanEdit {
  for (const node of doc.root.children) {
    if (node.type !== 'html' || !node.value.includes('granska-ord')) continue;
    IGNORE_COMMENT.lastIndex = 0;
    const m = IGNORE_COMMENT.exec(node.value);
    if (!m) continue;
    const close = (node.position?.start.offset ?? 0) + m.index + m[0].length - 3;
    const before = doc.text.slice(0, close);
    return { span: { start: close, end: close }, newText: /\s$/.test(before) ? `${word} ` : ` ${word} ` };
  }
  const at = doc.frontmatter ? lineAfter(doc.text, doc.frontmatter.span.end) : 0;
  return { span: { start: at, end: at }, newText: `<!-- granska-ord: ${word} -->\n\n` };
}

function lineAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  // One blank line after the frontmatter stays where it was; the comment goes below it.
  return text.startsWith('\n', nl + 1) ? nl + 2 : nl + 1;
}
