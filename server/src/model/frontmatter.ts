import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Document as YamlDocument } from 'yaml';
import type { Frontmatter, FrontmatterField, Span } from './types.js';

/** Matches an opening fence at the very start of the file (the BOM is already gone). */
const OPENING = /^---[ \t]*(?:\r\n|\r|\n)/;

/**
 * Reads the frontmatter block. `yamlSpan` is the span remark-frontmatter found for the
 * block, or null when it found none; a file that opens with `---` but never closes it is
 * reported as `unclosed` so the user learns why their keys are not read. Never throws.
 */
export function readFrontmatter(text: string, yamlSpan: Span | null): Frontmatter | null {
  const opening = OPENING.exec(text);
  if (!yamlSpan) {
    if (!opening) return null;
    return { span: { start: 0, end: opening[0].length }, contentStart: opening[0].length, fields: new Map(), errors: [], unclosed: true };
  }
  const contentStart = opening ? opening[0].length : 4;
  // The closing fence is the last line of the block; the YAML ends where that line starts.
  const block = text.slice(0, yamlSpan.end);
  const closingLineStart = Math.max(block.lastIndexOf('\n', block.length - 1) + 1, contentStart);
  const content = text.slice(contentStart, closingLineStart);
  const fm: Frontmatter = { span: yamlSpan, contentStart, fields: new Map(), errors: [], unclosed: false };
  let doc: YamlDocument.Parsed;
  try {
    doc = parseDocument(content, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
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

function toJs(node: YamlNode | null | undefined, doc: YamlDocument.Parsed): unknown {
  if (node == null) return null;
  try {
    return node.toJS(doc);
  } catch {
    return null;
  }
}
