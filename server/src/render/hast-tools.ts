import type { Element, RootContent } from 'hast';

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
