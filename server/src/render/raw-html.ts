import type { Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';

/**
 * Parses the report's own HTML (the `raw` nodes remark-rehype leaves) into elements, so
 * that harmless markup such as `<sup>` or `<br>` shows and the sanitizer can judge the
 * rest. hast-util-raw re-parses whatever tree it is given through parse5, which costs a
 * quarter of a second on a 300 KB report that has no HTML at all; so only the top-level
 * blocks that hold raw HTML go through it, each together with the blocks up to where its
 * tags close (a `<div>` block, a paragraph, then `</div>`), and the rest is left as it is.
 * A group never takes in a heading, so the report's structure stays where the model has it.
 */
export function rehypeRawBlocks() {
  return (tree: Root, file: VFile): Root => {
    const out: RootContent[] = [];
    const children = tree.children;
    for (let i = 0; i < children.length; i++) {
      const balance = openTags(children[i]);
      if (balance === null) {
        out.push(children[i]);
        continue;
      }
      const group: RootContent[] = [children[i]];
      let open = balance;
      let j = i;
      while (open > 0 && j + 1 < children.length && !isHeading(children[j + 1])) {
        j++;
        group.push(children[j]);
        open += openTags(children[j]) ?? 0;
      }
      // Tags still open at the next heading (or the end) were never closed, as while
      // typing `<div>`: the block is read alone rather than swallowing the report.
      if (open > 0) group.length = 1;
      else i = j;
      // Given the source, parse5's locations become positions, so the parsed blocks keep
      // their source lines (for scroll sync and for finding the kontrollmål).
      const parsed = raw({ type: 'root', children: group }, { file }) as Root;
      out.push(...parsed.children);
    }
    tree.children = out;
    return tree;
  };
}

function isHeading(node: RootContent): boolean {
  return node.type === 'element' && /^h[1-6]$/.test(node.tagName);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * How many HTML elements a block's raw nodes open or, when negative, close (opening tags
 * minus closing tags), or null when it has no raw HTML at all. Comments count as nothing.
 */
function openTags(node: RootContent): number | null {
  let found = false;
  let open = 0;
  const walk = (n: RootContent): void => {
    if (n.type === 'raw') {
      found = true;
      const html = n.value.replace(/<!--[\s\S]*?(-->|$)/g, '');
      for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
        if (VOID.has(m[2].toLowerCase()) || m[3] === '/') continue;
        open += m[1] ? -1 : 1;
      }
    } else if (n.type === 'element') for (const c of n.children) walk(c);
  };
  walk(node);
  return found ? open : null;
}
