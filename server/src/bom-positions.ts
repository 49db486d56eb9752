import type { Position } from 'vscode-languageserver-types';

/**
 * The language server's translation between a client's buffer that starts with a BOM and the
 * model, which strips it (positions in the model are on the text without the BOM). Most
 * editors drop the BOM when they read a file, but some keep U+FEFF as the buffer's first
 * character; for those, every character position on line 0 counts one more than the model's.
 * Everything the server receives is moved back by one on line 0, and everything it sends,
 * forward by one, so that a diagnostic, a quick fix or a rename lands where it was computed
 * and an edit at the very start of the text goes after the BOM, never before it.
 */

/** Whether a client's buffer starts with a BOM. */
export function startsWithBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

function isPosition(value: object): value is Position {
  const v = value as Partial<Position>;
  return typeof v.line === 'number' && typeof v.character === 'number' && Object.keys(value).length === 2;
}

function shiftPosition(p: Position, delta: number): Position {
  return p.line === 0 ? { line: 0, character: Math.max(0, p.character + delta) } : p;
}

/** A position the client sent, on the model's text. */
export function positionFromClient(p: Position, bom: boolean): Position {
  return bom ? shiftPosition(p, -1) : p;
}

/**
 * A value the client sent (a range, diagnostics) with every position of the document on the
 * model's text, or a value for the client with every position of the document `uri` on the
 * client's buffer. Positions of other documents (a decision cited in another report) are left
 * as they are: they were not computed on this model.
 */
export function shiftPositions<T>(value: T, uri: string, bom: boolean, direction: 'fromClient' | 'toClient'): T {
  if (!bom) return value;
  return walk(value, uri, direction === 'toClient' ? 1 : -1, true) as T;
}

function walk(value: unknown, uri: string, delta: number, own: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, uri, delta, own));
  if (value === null || typeof value !== 'object') return value;
  if (isPosition(value)) return own ? shiftPosition(value, delta) : value;
  const record = value as Record<string, unknown>;
  // Whose positions follow: a Location names its document, a TextDocumentEdit its text document.
  let mine = own;
  if (typeof record.uri === 'string') mine = record.uri === uri;
  else if (typeof record.targetUri === 'string') mine = record.targetUri === uri;
  const textDocument = record.textDocument as { uri?: unknown } | undefined;
  if (textDocument && typeof textDocument.uri === 'string') mine = textDocument.uri === uri;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    if (key === 'changes' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      // A WorkspaceEdit's `changes` is keyed by document.
      out[key] = Object.fromEntries(Object.entries(v).map(([u, edits]) => [u, walk(edits, uri, delta, u === uri)]));
    } else if (mine && typeof v === 'number' && ((key === 'startCharacter' && record.startLine === 0) || (key === 'endCharacter' && record.endLine === 0))) {
      // A FoldingRange gives lines and characters as separate numbers.
      out[key] = Math.max(0, v + delta);
    } else {
      out[key] = walk(v, uri, delta, mine);
    }
  }
  return out;
}
