import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode, type Document as YamlDocument } from 'yaml';
import { detach } from '../detach.js';
import { msg } from '../i18n.js';
import { OPENS_FRONTMATTER } from './text.js';
import type { Frontmatter, FrontmatterField, Span } from './types.js';

/**
 * More aliases than this are not resolved. Each alias the yaml package resolves walks the
 * whole document again, so a frontmatter of aliases costs the square of its size; an
 * audit report's frontmatter has none.
 */
export const MAX_ALIASES = 50;

/**
 * The last frontmatters read, by their exact text: the frontmatter rarely changes while the
 * body is typed, and a large one took seconds to read again at every keystroke. The model
 * never changes a frontmatter once read, so versions can share it.
 */
const recent: { key: string; fm: Frontmatter }[] = [];
const RECENT = 8;

/**
 * Reads the frontmatter block. `yamlSpan` is the span remark-frontmatter found for the
 * block, or null when it found none; a file that opens with `---` but never closes it is
 * reported as `unclosed` so the user learns why their keys are not read. Never throws.
 */
export function readFrontmatter(text: string, yamlSpan: Span | null): Frontmatter | null {
  const opening = OPENS_FRONTMATTER.exec(text);
  if (!yamlSpan) {
    if (!opening) return null;
    return { span: { start: 0, end: opening[0].length }, contentStart: opening[0].length, fields: new Map(), errors: [], unclosed: true };
  }
  const contentStart = opening ? opening[0].length : 4;
  // The closing fence is the last line of the block; the YAML ends where that line starts.
  const block = text.slice(0, yamlSpan.end);
  const closingLineStart = Math.max(block.lastIndexOf('\n', block.length - 1) + 1, contentStart);
  const content = text.slice(contentStart, closingLineStart);
  const key = `${yamlSpan.start}:${yamlSpan.end}:${contentStart}:${content}`;
  const known = recent.find((r) => r.key === key);
  if (known) return known.fm;
  // Kept for later versions and other documents: read from a copy, so that neither the key
  // nor the values keep the whole text they were cut from (a closed report stayed in memory).
  const own = detach(content);
  const fm = readYaml(own, contentStart, yamlSpan);
  recent.unshift({ key: `${yamlSpan.start}:${yamlSpan.end}:${contentStart}:${own}`, fm });
  if (recent.length > RECENT) recent.pop();
  return fm;
}

function readYaml(content: string, contentStart: number, yamlSpan: Span): Frontmatter {
  const fm: Frontmatter = { span: yamlSpan, contentStart, fields: new Map(), errors: [], unclosed: false };
  let doc: YamlDocument.Parsed;
  try {
    // The yaml package finds a duplicate key by comparing it with every earlier key of its
    // map, which made 30 000 keys take seconds; duplicates are found below in one pass.
    doc = parseDocument(content, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    // The yaml package reports problems as errors on the document; a throw would be a bug
    // there, and a report is better than a crash.
    fm.errors.push({ message: String(e), span: { start: contentStart, end: contentStart } });
    return fm;
  }
  const shift = (r: readonly number[] | undefined | null): Span =>
    r ? { start: contentStart + r[0], end: contentStart + r[1] } : { start: contentStart, end: contentStart };
  // YAML reports some errors (an unclosed bracket, say) at the end of its input, which is the
  // closing fence; the last YAML line is where the reader must look, so they are shown there.
  const trimmedEnd = content.trimEnd().length;
  const lastLineStart = content.lastIndexOf('\n', Math.max(0, trimmedEnd - 1)) + 1;
  for (const err of doc.errors) {
    const pos: [number, number] = err.pos[0] >= trimmedEnd ? [lastLineStart, trimmedEnd] : [err.pos[0], err.pos[1]];
    fm.errors.push({ message: err.message.split('\n')[0], span: shift(pos) });
  }
  const aliases = duplicatesAndAliases(doc, (at) => fm.errors.push({ message: 'Map keys must be unique', span: shift([at, at + 1]) }));
  const resolve = aliases <= MAX_ALIASES;
  if (!resolve) {
    fm.limits = [{
      span: shift([0, content.length]),
      message: msg(
        `Frontmattern har ${aliases} YAML-alias (*namn); högst ${MAX_ALIASES} läses. Värden som innehåller alias lämnas olästa.`,
        `The frontmatter has ${aliases} YAML aliases (*name); at most ${MAX_ALIASES} are read. Values that contain an alias are left unread.`,
      ),
    }];
  }
  const toJs = (node: YamlNode | null | undefined, d: YamlDocument.Parsed): unknown => (resolve || !hasAlias(node) ? nodeToJs(node, d) : null);
  const contents = doc.contents;
  if (contents == null) return fm;
  if (!isMap(contents)) {
    fm.errors.push({ message: 'not-a-map', span: shift(contents.range) });
    return fm;
  }
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const keySpan = shift(pair.key.range);
    const valueNode = pair.value as YamlNode | null;
    const field: FrontmatterField = {
      key,
      keySpan,
      value: toJs(valueNode, doc),
      valueSpan: valueNode?.range ? shift(valueNode.range) : { start: keySpan.end, end: keySpan.end },
    };
    if (isSeq(valueNode)) {
      field.items = valueNode.items.map((item) => {
        const node = item as YamlNode;
        const entry: NonNullable<FrontmatterField['items']>[number] = { value: toJs(node, doc), span: shift(node?.range) };
        if (isMap(node)) {
          entry.fields = new Map();
          for (const p of node.items) {
            if (!isScalar(p.key)) continue;
            const v = p.value as YamlNode | null;
            const kSpan = shift(p.key.range);
            entry.fields.set(String(p.key.value), {
              value: toJs(v, doc),
              keySpan: kSpan,
              valueSpan: v?.range ? shift(v.range) : { start: kSpan.end, end: kSpan.end },
            });
          }
        }
        return entry;
      });
    }
    // With duplicate keys YAML has already reported an error; the first value wins.
    if (!fm.fields.has(key)) fm.fields.set(key, field);
  }
  return fm;
}

/**
 * Reports keys that repeat within a map (as the yaml package's own check would, at the
 * repeated key) and counts the aliases, in one walk over the document.
 */
function duplicatesAndAliases(doc: YamlDocument.Parsed, duplicate: (offset: number) => void): number {
  let aliases = 0;
  visit(doc, {
    Alias() {
      aliases++;
    },
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) duplicate(pair.key.range?.[0] ?? 0);
        else seen.add(pair.key.value);
      }
    },
  });
  return aliases;
}

function hasAlias(node: YamlNode | null | undefined): boolean {
  if (node == null) return false;
  if (isAlias(node)) return true;
  let found = false;
  visit(node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

function nodeToJs(node: YamlNode | null | undefined, doc: YamlDocument.Parsed): unknown {
  if (node == null) return null;
  try {
    return node.toJS(doc);
  } catch {
    return null;
  }
}
