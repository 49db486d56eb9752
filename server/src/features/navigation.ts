import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { msg, type Msg } from '../i18n.js';
import { formatDecision } from '../model/decisions.js';
import { normalizeLabel } from '../model/text.js';
import type { DecisionRef, FootnoteDef, FootnoteRef } from '../model/types.js';
import { contains, rangeOf, type FeatureContext } from './context.js';
import { followUpDefinition } from './follow-up.js';

/**
 * Navigation over footnotes (definition, references, rename) and over decisions: the
 * references of a decision reference are every place in the workspace that cites it.
 */

type Target = { kind: 'footnote'; key: string; label: string } | { kind: 'decision'; decision: DecisionRef };

function targetAt(ctx: FeatureContext, offset: number): Target | null {
  const { doc } = ctx;
  const decision = doc.decisions.find((d) => contains(d.span, offset));
  if (decision) return { kind: 'decision', decision };
  const ref = doc.footnoteRefs.find((r) => contains(r.span, offset));
  if (ref) return { kind: 'footnote', key: ref.key, label: ref.label };
  const def = doc.footnoteDefs.find((d) => contains(d.labelSpan, offset));
  if (def) return { kind: 'footnote', key: def.key, label: def.label };
  return null;
}

/** The `label` inside `[^label]` or `[^label]:`. */
function labelSpan(text: string, x: FootnoteRef | FootnoteDef): { start: number; end: number } {
  const start = ('labelSpan' in x ? x.labelSpan.start : x.span.start) + 2;
  const close = text.indexOf(']', start);
  return { start, end: close >= start ? close : start };
}

export function definition(ctx: FeatureContext, offset: number): Location | null {
  const target = targetAt(ctx, offset);
  if (target?.kind !== 'footnote') return followUpDefinition(ctx, offset);
  const def = ctx.doc.footnoteDefs.find((d) => d.key === target.key);
  return def ? { uri: ctx.uri, range: rangeOf(ctx.doc, def.span) } : null;
}

export function references(ctx: FeatureContext, offset: number, includeDeclaration: boolean): Location[] {
  const { doc } = ctx;
  const target = targetAt(ctx, offset);
  if (!target) return [];
  if (target.kind === 'footnote') {
    const out: Location[] = [];
    if (includeDeclaration) for (const d of doc.footnoteDefs) if (d.key === target.key) out.push({ uri: ctx.uri, range: rangeOf(doc, d.labelSpan) });
    for (const r of doc.footnoteRefs) if (r.key === target.key) out.push({ uri: ctx.uri, range: rangeOf(doc, r.span) });
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return decisionCitations(ctx, target.decision);
}

/** Every citation of the same decision: in this document from its model, elsewhere from the workspace index. */
export function decisionCitations(ctx: FeatureContext, decision: DecisionRef): Location[] {
  const canonical = formatDecision(decision, 'A') ?? decision.raw;
  const here = ctx.doc.decisions
    .filter((d) => (formatDecision(d, 'A') ?? d.raw) === canonical)
    .map((d) => ({ uri: ctx.uri, range: rangeOf(ctx.doc, d.span) }));
  const elsewhere = ctx.index
    .citationsOf(canonical)
    .filter((c) => c.uri !== ctx.uri)
    .map((c) => ({ uri: c.uri, range: { start: { line: c.decision.line, character: c.decision.character }, end: { line: c.decision.line, character: c.decision.character + c.decision.length } } }));
  return [...here, ...elsewhere.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line)];
}

export function prepareRename(ctx: FeatureContext, offset: number): { range: Range; placeholder: string } | null {
  const target = targetAt(ctx, offset);
  if (target?.kind !== 'footnote') return null;
  const { doc } = ctx;
  const at = [...doc.footnoteRefs.filter((r) => r.key === target.key), ...doc.footnoteDefs.filter((d) => d.key === target.key)]
    .map((x) => labelSpan(doc.text, x))
    .find((s) => offset >= s.start - 2 && offset <= s.end + 1);
  return at ? { range: rangeOf(doc, at), placeholder: target.label } : null;
}

/** micromark's limit: a footnote label longer than this is no label, and the footnote breaks. */
const MAX_LABEL_LENGTH = 999;

/**
 * Why `newName` cannot replace the label of the footnote at `offset`, or null when it can.
 * Each reason is a way the renamed footnote would stop being the same footnote: characters
 * a label cannot hold, a trailing backslash that escapes the closing `]`, a label longer than
 * micromark reads, or the label of another footnote, which would silently merge the two.
 */
export function renameProblem(ctx: FeatureContext, offset: number, newName: string): Msg | null {
  const shown = newName.length > 40 ? `${newName.slice(0, 40)}…` : newName;
  if (!/^[^\s[\]^]+$/.test(newName)) {
    return msg(`"${shown}" kan inte vara en fotnotsetikett: den får inte vara tom eller innehålla blanksteg, [, ] eller ^.`, `"${shown}" cannot be a footnote label: it may not be empty or contain white space, [, ] or ^.`);
  }
  if (newName.endsWith('\\')) {
    return msg(`"${shown}" kan inte vara en fotnotsetikett: ett \\ sist gör att ] inte längre avslutar etiketten.`, `"${shown}" cannot be a footnote label: a trailing \\ stops ] from closing the label.`);
  }
  if (newName.length > MAX_LABEL_LENGTH) {
    return msg(`Etiketten är ${newName.length} tecken lång; en fotnotsetikett får vara högst ${MAX_LABEL_LENGTH} tecken.`, `The label is ${newName.length} characters long; a footnote label may have at most ${MAX_LABEL_LENGTH}.`);
  }
  const target = targetAt(ctx, offset);
  const key = normalizeLabel(newName);
  if (target?.kind === 'footnote' && key !== target.key && [...ctx.doc.footnoteRefs, ...ctx.doc.footnoteDefs].some((x) => x.key === key)) {
    return msg(`Fotnoten [^${shown}] finns redan: att byta namn till den skulle slå ihop två fotnoter. Välj en annan etikett.`, `The footnote [^${shown}] already exists: renaming to it would merge two footnotes. Choose another label.`);
  }
  return null;
}

/** Renames a footnote label in every reference and its definition. Null when there is nothing to rename or the name cannot be used (see `renameProblem`). */
export function rename(ctx: FeatureContext, offset: number, newName: string): WorkspaceEdit | null {
  const target = targetAt(ctx, offset);
  if (target?.kind !== 'footnote' || renameProblem(ctx, offset, newName)) return null;
  const { doc } = ctx;
  const edits: TextEdit[] = [...doc.footnoteRefs.filter((r) => r.key === target.key), ...doc.footnoteDefs.filter((d) => d.key === target.key)]
    .map((x) => ({ range: rangeOf(doc, labelSpan(doc.text, x)), newText: newName }));
  return { changes: { [ctx.uri]: edits } };
}
