import type { SpanEdit } from '../rules/rule.js';
import type { Finding } from './lint.js';

/**
 * Applies edits to a text, skipping any that overlap an edit already taken, so the result
 * is always well defined. Identical edits (several diagnostics sharing one fix) count once.
 */
export function applyEdits(text: string, edits: readonly SpanEdit[]): { text: string; applied: number } {
  const unique = new Map<string, SpanEdit>();
  for (const e of edits) unique.set(`${e.span.start}:${e.span.end}:${e.newText}`, e);
  const sorted = [...unique.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const taken: SpanEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    // Two insertions at one point are ambiguous in order, and overlapping edits conflict.
    if (e.span.start < lastEnd || (e.span.start === lastEnd && taken.length > 0 && taken[taken.length - 1].span.start === e.span.start)) continue;
    taken.push(e);
    lastEnd = e.span.end;
  }
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return { text: out + text.slice(pos), applied: taken.length };
}

/** The edits of every safe fix among the findings. */
export function safeEdits(findings: readonly Finding[]): SpanEdit[] {
  return findings.flatMap((f) => f.fixes.filter((x) => x.safe).flatMap((x) => x.edits));
}

/**
 * Applies safe fixes until none remain (at most `rounds` times: a fix may reveal another,
 * e.g. renumbering kontrollmål changes what the summary table should say).
 */
export function fixAll(text: string, lint: (text: string) => Finding[], rounds = 5): { text: string; changed: boolean } {
  let current = text;
  for (let i = 0; i < rounds; i++) {
    const edits = safeEdits(lint(current));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    current = next;
  }
  return { text: current, changed: current !== text };
}
