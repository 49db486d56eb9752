import type { Element, Root } from 'hast';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/config/config.ts';
import { loadConfigFor } from '../../server/src/config/load.ts';
import { parseWithConfig } from '../../server/src/lint/lint.ts';
import { hasClass } from '../../server/src/render/hast-tools.ts';
import { renderReport, textOf, type RenderedReport } from '../../server/src/render/report.ts';
import { ROOT } from './lint.ts';

/** Renders a sample the way the CLI does: with the configuration of its folder. */
export function renderSample(relative: string): RenderedReport {
  const file = path.join(ROOT, relative);
  const config = loadConfigFor(path.dirname(file)).config;
  return renderReport(parseWithConfig(fs.readFileSync(file, 'utf8'), config), { config });
}

export function renderText(text: string): RenderedReport {
  return renderReport(parseWithConfig(text, DEFAULT_CONFIG), { config: DEFAULT_CONFIG });
}

/** Every element of a tree that passes a test, in document order. */
export function all(tree: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (test(c)) out.push(c);
      walk(c);
    }
  };
  walk(tree);
  return out;
}

export function one(tree: Root | Element, test: (e: Element) => boolean, what: string): Element {
  const found = all(tree, test);
  if (found.length === 0) throw new Error(`no ${what} in the rendered report`);
  return found[0];
}

export { hasClass } from '../../server/src/render/hast-tools.ts';

export const byClass = (name: string) => (e: Element) => hasClass(e, name);
export const byTag = (tag: string) => (e: Element) => e.tagName === tag;
export const text = (e: Element) => textOf(e).replace(/\s+/g, ' ').trim();
