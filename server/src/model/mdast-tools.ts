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
