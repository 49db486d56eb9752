import type { Nodes, RootContent } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/**
 * Moves nodes parsed from a slice to where the slice stands: offsets and lines shift, columns
 * stay (slices start at a line start). A keystroke moves every node after it, so this is one
 * of the longest loops per version: it walks child arrays instead of pushing each node on a
 * stack, and leaves the lines alone when they did not move (typing within a line).
 */
export function shiftPositions(nodes: readonly RootContent[], offset: number, lines: number): void {
  // Iterative, so that deeply nested input cannot overflow the stack: a stack of child
  // arrays, each with the index of its next node.
  const arrays: (readonly Nodes[])[] = [nodes];
  const next: number[] = [0];
  while (arrays.length > 0) {
    const top = arrays.length - 1;
    const list = arrays[top];
    const i = next[top];
    if (i >= list.length) {
      arrays.pop();
      next.pop();
      continue;
    }
    next[top] = i + 1;
    const n = list[i];
    const p = n.position;
    if (p) {
      const start = p.start;
      const end = p.end;
      if (lines !== 0) {
        start.line += lines;
        end.line += lines;
      }
      if (start.offset !== undefined) start.offset += offset;
      if (end.offset !== undefined) end.offset += offset;
    }
    const children = (n as { children?: readonly Nodes[] }).children;
    if (children !== undefined && children.length > 0) {
      arrays.push(children);
      next.push(0);
    }
  }
}

type Point = { line: number; column: number; offset?: number };

/**
 * The start and end points of every node of a root-level block, in one array per block, kept
 * while the block lives. A keystroke moves every block after it; reading the points from an
 * array costs a fraction of walking the nodes to them (a node, its position and its children
 * are each an object to fetch, one after the other), and the incremental parse moves an
 * unchanged block from version to version, so the array is made once per block.
 * Nothing changes a block's nodes or their position objects after the parse made them
 * (the model and its readers take the tree as it is); only their values move.
 */
const blockPoints = new WeakMap<RootContent, Point[]>();

function pointsOf(block: RootContent): Point[] {
  let points = blockPoints.get(block);
  if (points) return points;
  points = [];
  const stack: Nodes[] = [block];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) points.push(n.position.start, n.position.end);
    const children = (n as { children?: readonly Nodes[] }).children;
    if (children !== undefined) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  blockPoints.set(block, points);
  return points;
}

/** Moves whole root-level blocks (from the `first`), as `shiftPositions` does, through each block's array of points. */
export function shiftBlocks(blocks: readonly RootContent[], offset: number, lines: number, first = 0): void {
  for (let b = first; b < blocks.length; b++) {
    const points = pointsOf(blocks[b]);
    if (lines !== 0) {
      for (let i = 0; i < points.length; i++) {
        const p = points[i];
        p.line += lines;
        if (p.offset !== undefined) p.offset += offset;
      }
    } else if (offset !== 0) {
      for (let i = 0; i < points.length; i++) {
        const p = points[i];
        if (p.offset !== undefined) p.offset += offset;
      }
    }
  }
}

/**
 * Blocks that can hold other blocks, and so definitions: a definition is flow content, and
 * stands only at the root or in one of these, never inside a paragraph, heading or table.
 */
const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition']);

/** Link and footnote definitions anywhere in some blocks, including inside quotes, lists and footnotes. */
export interface Definitions {
  /** Identifiers of the link definitions (`[namn]: https://…`), as micromark normalises them. */
  links: string[];
  /** Identifiers of the footnote definitions (`[^1]: …`). */
  footnotes: string[];
}

/**
 * The definitions in some blocks, at any depth. Only containers are entered, so the walk
 * costs one step per block, not per inline node.
 */
export function collectDefinitions(blocks: readonly RootContent[]): Definitions {
  const links: string[] = [];
  const footnotes: string[] = [];
  const stack: Nodes[] = [...blocks];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'definition') links.push(n.identifier);
    else if (n.type === 'footnoteDefinition') footnotes.push(n.identifier);
    if (CONTAINERS.has(n.type) && 'children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return { links, footnotes };
}

/** Identifiers of the link and footnote definitions in some blocks, at any depth, as one comparable string. */
export function definitionIds(blocks: readonly RootContent[]): string {
  const { links, footnotes } = collectDefinitions(blocks);
  return [...links.map((id) => `l:${id}`), ...footnotes.map((id) => `f:${id}`)].sort().join('\n');
}

/** A footnote call's label in source text: no white space or brackets, except escaped brackets. */
const FOOTNOTE_CALL = /\[\^((?:\\[[\]\\]|[^[\]\s])+)\]/g;

/**
 * What to append to a slice of a document parsed on its own, so that its references resolve
 * as in a whole parse: a stub for each footnote the slice uses that `defs` holds (a footnote
 * reference only becomes one when its definition is in the same parse), and a stub for every
 * link definition (a reference `[namn]` resolves against definitions anywhere in the
 * document, also those inside a quote or a list). A reference matches a definition by its
 * normalised label, which is what an identifier is, so a stub written with the identifier
 * defines exactly the same label. Nodes the suffix produces start past the slice.
 */
export function definitionStubs(defs: Definitions, slice: string): string {
  const parts: string[] = [];
  if (defs.footnotes.length > 0 && slice.includes('[^')) {
    const used = new Set<string>();
    for (const m of slice.matchAll(FOOTNOTE_CALL)) used.add(normalizeIdentifier(m[1]).toLowerCase());
    for (const id of new Set(defs.footnotes)) if (used.has(id)) parts.push(`[^${id}]: x`);
  }
  // A link definition may have a label that starts with `^` (`[^1\n]: …`, where the line
  // break keeps it from being a footnote definition); its stub must not become a footnote
  // definition, which GFM reads in `[^1]: x`. A space before the bracket does that: a
  // footnote label holds no white space, and normalising the label drops the space again.
  for (const id of new Set(defs.links)) parts.push(id.startsWith('^') ? `[${id} ]: x` : `[${id}]: x`);
  return parts.length > 0 ? `\n\n${parts.join('\n\n')}\n` : '';
}
