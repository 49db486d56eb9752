import type { Element, Root, RootContent } from 'hast';

/** An element's class names, whichever form hast holds them in. */
export function classesOf(n: Element): string[] {
  const c: unknown = n.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

export function hasClass(n: Element, name: string): boolean {
  return classesOf(n).includes(name);
}

/** The text of a node, as a reader sees it. */
export function textOf(n: Element | RootContent): string {
  if (n.type === 'text') return n.value;
  if (n.type !== 'element') return '';
  return n.children.map((c) => textOf(c)).join('');
}

/**
 * Calls `visitor` on every element under `tree`, a parent before its children, in the order
 * and with the rules of unist-util-visit: the visitor may replace the element in its parent's
 * children and return the index to go on from there; the element it was called on is walked
 * into either way. A large report's tree has millions of nodes, and unist-util-visit makes a
 * closure and an array of ancestors for each, so the renderer's walks over the whole tree
 * use this instead.
 */
export function visitElements(tree: Root | Element, visitor: (e: Element, index: number, parent: Root | Element) => number | void): void {
  const walk = (node: Root | Element): void => {
    let i = 0;
    while (i > -1 && i < node.children.length) {
      const child = node.children[i];
      let next = i + 1;
      if (child.type === 'element') {
        const result = visitor(child, i, node);
        if (typeof result === 'number') next = result;
        walk(child);
      }
      i = next;
    }
  };
  walk(tree);
}
