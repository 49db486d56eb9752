import type { CompletionItem, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DEFAULT_CONFIG, type GranskaConfig } from '../../server/src/config/config.ts';
import { featureContext, type FeatureContext } from '../../server/src/features/context.ts';
import { parseWithConfig } from '../../server/src/lint/lint.ts';
import { LineIndex } from '../../server/src/model/text.ts';
import { WorkspaceIndex } from '../../server/src/workspace/index.ts';
import { stripCursor } from './markers.ts';

export const URI = 'file:///arbetsyta/rapport.rev.md';
export const TODAY = '2026-11-22';

/** A feature context for a text with a cursor marker `¦`. */
export function at(source: string, init: { config?: GranskaConfig; index?: WorkspaceIndex; locale?: 'sv' | 'en' } = {}): { ctx: FeatureContext; offset: number; text: string } {
  const { text, offset } = stripCursor(source);
  const config = init.config ?? DEFAULT_CONFIG;
  const ctx = featureContext(parseWithConfig(text, config), { uri: URI, config, index: init.index ?? new WorkspaceIndex(), locale: init.locale ?? 'sv', today: TODAY });
  return { ctx, offset, text };
}

/** Applies LSP text edits to a text, the way an editor does. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** The edits of a versioned workspace edit for one document, checking the version. */
export function editsOf(edit: WorkspaceEdit | undefined, uri: string, version?: number): TextEdit[] {
  const change = edit?.documentChanges?.[0];
  if (!change || !('textDocument' in change)) throw new Error('expected a versioned text document edit');
  if (change.textDocument.uri !== uri) throw new Error(`edit for ${change.textDocument.uri}, not ${uri}`);
  if (version !== undefined && change.textDocument.version !== version) throw new Error(`edit for version ${change.textDocument.version}, not ${version}`);
  return change.edits as TextEdit[];
}

/** Accepts a completion item: its text edit, with snippet placeholders reduced to their defaults. */
export function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const plain = item.insertTextFormat === 2 ? fromSnippet(edit.newText) : edit.newText;
  return applyTextEdits(text, [{ range: edit.range, newText: plain }]);
}

export function fromSnippet(s: string): string {
  return s.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{?\d+\}?/g, '').replace(/\\([$}\\])/g, '$1');
}
