import type { Nodes, RootContent } from 'mdast';

/** Moves nodes parsed from a slice to where the slice stands: offsets and lines shift, columns stay (slices start at a line start). */
export function shiftPositions(nodes: readonly RootContent[], offset: number, lines: number): void {
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const p = n.position;
    if (p) {
      p.start.line += lines;
      p.end.line += lines;
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
}

/** Identifiers of the link and footnote definitions in some blocks, as one comparable string. */
export function definitionIds(blocks: readonly RootContent[]): string {
  const ids: string[] = [];
  const stack: Nodes[] = [...blocks];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'definition') ids.push(`l:${n.identifier}`);
    else if (n.type === 'footnoteDefinition') ids.push(`f:${n.identifier}`);
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return ids.sort().join('\n');
}

/**
 * What to append to a slice of a document parsed on its own, so that its references resolve
 * as in a whole parse: a stub for each footnote the slice uses that `blocks` define (a
 * footnote reference only becomes one when its definition is in the same parse), and the
 * source of the link definitions in `blocks`. Nodes the suffix produces start past the slice.
 */
export function definitionStubs(text: string, blocks: readonly RootContent[], slice: string): string {
  const used = new Set<string>();
  if (slice.includes('[^')) for (const m of slice.matchAll(/\[\^([^[\]\s]+)\]/g)) used.add(m[1].toLowerCase());
  const parts: string[] = [];
  for (const n of blocks) {
    if (n.type === 'footnoteDefinition') {
      if (used.delete(n.identifier.toLowerCase())) parts.push(`[^${n.label ?? n.identifier}]: .`);
    } else if (n.type === 'definition' && n.position) {
      parts.push(text.slice(n.position.start.offset, n.position.end.offset));
    }
  }
  return parts.length > 0 ? `\n\n${parts.join('\n\n')}\n` : '';
}
