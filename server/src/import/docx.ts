import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { defaultHandlers } from 'hast-util-to-mdast';
import mammoth from 'mammoth';
import type { FootnoteDefinition, Nodes as MdastNodes, PhrasingContent, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml, parse as parseYaml } from 'yaml';
import { msg, type Msg } from '../i18n.js';
import { textOf } from '../render/hast-tools.js';
import { FRONTMATTER_PROPERTY, GENERATED_SUMMARY_BOOKMARK } from '../render/docx-properties.js';

/**
 * Reads a Word document into the dialect. mammoth gives semantic HTML (headings by Word's
 * heading styles, lists, tables, footnotes, images); a few steps here make it an audit
 * document: the title page and table of contents are dropped, heading numbers removed,
 * footnotes become `[^n]`, grades written in the text are put in the Bedömning heading,
 * a table with merged cells stays an HTML table (a GFM table cannot hold it), pictures are
 * saved beside the document, and the frontmatter is filled from what the file says, with
 * placeholders that `platshallare` points at where it says nothing.
 */
export interface ImportResult {
  /** The document in the dialect. */
  text: string;
  /** Pictures to save beside the document, by the relative path the text links. */
  images: { path: string; data: Uint8Array }[];
  /** What the import could not carry over as it was, for the user to check. */
  notes: Msg[];
}

export interface ImportOptions {
  /** The picture folder's name, relative to the document (`rapport-bilder`). */
  imageFolder: string;
  /**
   * The house profile the report is written in (spec §13), when it is not the default's
   * `kontrollmal`: its units, grades and recommendations are read where that profile places
   * them, so the text keeps its own structure, and `profil:` names it in the frontmatter
   * when it differs from the folder's configured default.
   */
  profile?: { name: string; writeToFrontmatter: boolean };
}

/** Word's style names as a Swedish or an English Word writes them, mapped for mammoth. */
const STYLE_MAP = [
  "p[style-name='Title'] => p.granska-titel:fresh",
  "p[style-name='Rubrik'] => p.granska-titel:fresh",
  "p[style-name='Subtitle'] => p.granska-undertitel:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Citat'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Rubrik 1'] => h1:fresh",
  "p[style-name='Rubrik 2'] => h2:fresh",
  "p[style-name='Rubrik 3'] => h3:fresh",
  "p[style-name='Rubrik 4'] => h4:fresh",
  // What Granska's own export adds (a grade shown under its heading, a summary made from
  // the units) is marked by its styles and made again by the next export.
  "p[style-name='Granska genererad'] => !",
  // Tables of contents are made again by the export; their entries are not content.
  "p[style-name^='toc'] => !",
  "p[style-name^='TOC'] => !",
  "p[style-name^='Innehåll'] => !",
  "p[style-name^='Index'] => !",
];

const FN_OPEN = '\uE000';
const FN_CLOSE = '\uE001';

export async function importDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const notes: Msg[] = [];
  let files: Unzipped;
  try {
    files = unzipSync(bytes);
  } catch {
    files = {};
  }
  if (!files['word/document.xml']) {
    throw new ImportError(msg('Filen är inte ett Word-dokument (.docx).', 'The file is not a Word document (.docx).'));
  }
  const properties = readProperties(files);
  const images: ImportResult['images'] = [];
  let result: { value: string };
  try {
    result = await convert(files, options, images);
  } catch (e) {
    // A package whose parts are not the XML they claim to be: said, not thrown at the user.
    throw new ImportError(msg(`Word-filen kan inte läsas (${String((e as Error).message ?? e).split('\n')[0]}).`, `The Word file cannot be read (${String((e as Error).message ?? e).split('\n')[0]}).`));
  }
  const tree = unified().use(rehypeParse, { fragment: true }).parse(result.value) as HastRoot;

  const footnotes = renumber(takeFootnotes(tree), tree);
  const front = titlePage(tree);
  const body = bodyOf(tree, properties.frontmatter);
  const tables = markFootnoteReferences(body);
  if (tables > 0) {
    notes.push(msg(
      `${tables} tabell${tables > 1 ? 'er' : ''} med sammanslagna celler behölls som HTML-tabell${tables > 1 ? 'er' : ''}; en Markdown-tabell kan inte ha sammanslagna celler. Kontrollera ${tables > 1 ? 'dem' : 'den'}.`,
      `${tables} table${tables > 1 ? 's' : ''} with merged cells kept as HTML; a Markdown table cannot merge cells. Check ${tables > 1 ? 'them' : 'it'}.`,
    ));
  }
  const mdast = toMdast({ type: 'root', children: body });
  for (const n of mdast.children) cleanHeading(n);
  // Under the default profile a grade stated in the text moves into its Bedömning heading, as
  // spec §4 wants it; another house's profile reads grades where that house writes them.
  const houseProfile = options.profile && options.profile.name !== 'kontrollmal' ? options.profile : null;
  if (!houseProfile) gradesFromText(mdast);
  tightenLists(mdast);
  mdast.children.push(...footnotes.map((f) => footnoteDefinition(f.id, f.content)));
  const markdown = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-', listItemIndent: 'one' }).stringify(mdast);
  let frontmatter = properties.frontmatter ?? frontmatterFrom(front, properties, notes);
  if (options.profile?.writeToFrontmatter && !/^profil:/m.test(frontmatter)) frontmatter = `${frontmatter.trimEnd()}\nprofil: ${options.profile.name}`;
  // A footnote reference without a definition is plain text to the parser, and Markdown's
  // writer escapes its bracket; it is written back as a reference, so that the missing
  // definition is reported again instead of hidden.
  const references = markdown.replace(/\\\[\^([^\]\s]+)\](?!:)/g, '[^$1]');
  return { text: `---\n${frontmatter.trimEnd()}\n---\n\n${tidy(references)}`, images, notes };
}

function convert(files: Unzipped, options: ImportOptions, images: ImportResult['images']): Promise<{ value: string }> {
  const bytes = withCrossReferences(files);
  // Node's mammoth reads a Buffer; its browser build (VS Code for the Web) an ArrayBuffer.
  const input = typeof Buffer === 'function' ? { buffer: Buffer.from(bytes) } : { arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  return mammoth.convertToHtml(input, {
    styleMap: STYLE_MAP,
    externalFileAccess: false,
    convertImage: mammoth.images.imgElement(async (image) => {
      const ext = ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as Record<string, string>)[image.contentType];
      if (!ext) return { src: '' };
      const file = `${options.imageFolder}/bild-${images.length + 1}.${ext}`;
      images.push({ path: file, data: new Uint8Array(await image.readAsArrayBuffer()) });
      return { src: file };
    }),
  });
}

export class ImportError extends Error {
  constructor(readonly detail: Msg) {
    super(detail.sv);
    this.name = 'ImportError';
  }
}

interface Properties {
  title?: string;
  creator?: string;
  /** A Granska export's own frontmatter, which it keeps in a document property. */
  frontmatter?: string;
}

function readProperties(files: Unzipped): Properties {
  const core = files['docProps/core.xml'] ? strFromU8(files['docProps/core.xml']) : '';
  const custom = files['docProps/custom.xml'] ? strFromU8(files['docProps/custom.xml']) : '';
  const tag = (xml: string, name: string): string | undefined => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    return m ? unescapeXml(m[1]).trim() || undefined : undefined;
  };
  const property = new RegExp(`<property\\b[^>]*name="${FRONTMATTER_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom);
  let frontmatter: string | undefined;
  if (property) {
    const yaml = unescapeXml(property[1]);
    // Only a frontmatter that is YAML is taken; anything else is read from the pages instead.
    try {
      if (parseYaml(yaml) && typeof parseYaml(yaml) === 'object') frontmatter = yaml;
    } catch {
      frontmatter = undefined;
    }
  }
  const creator = tag(core, 'dc:creator');
  return { title: tag(core, 'dc:title'), creator: creator && !/^(granska|un-named)$/i.test(creator) ? creator : undefined, frontmatter };
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x?[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * A repeated reference to a footnote is a NOTEREF field to a bookmark at the first, which
 * mammoth leaves out; it is written as a marker here and becomes the same `[^n]`.
 */
function withCrossReferences(files: Unzipped): Uint8Array {
  const xml = strFromU8(files['word/document.xml']);
  if (!xml.includes('NOTEREF')) return zipSync(files);
  const out = { ...files };
  out['word/document.xml'] = strToU8(xml.replace(/<w:fldSimple\b[^>]*w:instr="\s*NOTEREF\s+([^\s"]+)[^"]*"[^>]*>[\s\S]*?<\/w:fldSimple>/g,
    (_, bookmark: string) => `<w:r><w:t>${FN_OPEN}ref:${bookmark}${FN_CLOSE}</w:t></w:r>`));
  return zipSync(out);
}

interface Footnote {
  id: string;
  content: ElementContent[];
}

/** Takes mammoth's footnote list (`<ol><li id="footnote-1">`) out of the tree. */
function takeFootnotes(tree: HastRoot): Footnote[] {
  const out: Footnote[] = [];
  tree.children = tree.children.filter((n) => {
    if (n.type !== 'element' || n.tagName !== 'ol') return true;
    const items = n.children.filter((c): c is Element => c.type === 'element');
    if (items.length === 0 || !items.every((li) => /^(foot|end)note-/.test(String(li.properties.id ?? '')))) return true;
    for (const li of items) out.push({ id: String(li.properties.id).replace(/^(foot|end)note-/, ''), content: withoutBackLinks(li.children) });
    return false;
  });
  return out;
}

/**
 * Footnotes numbered 1, 2, 3 in the order the text first refers to them, as Word shows them;
 * Word's own ids may start anywhere (LibreOffice counts its separators).
 */
function renumber(notes: Footnote[], tree: HastRoot): Footnote[] {
  const order = new Map<string, string>();
  const walk = (nodes: (HastContent | ElementContent)[]): void => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      const m = n.tagName === 'a' ? /^#(?:foot|end)note-(\S+)$/.exec(String(n.properties.href ?? '')) : null;
      if (m && !order.has(m[1])) order.set(m[1], String(order.size + 1));
      if (m) n.properties.href = `#footnote-${order.get(m[1])}`;
      walk(n.children);
    }
  };
  walk(tree.children);
  return notes
    .map((f) => ({ ...f, id: order.get(f.id) ?? String(order.size + notes.indexOf(f) + 1) }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

function withoutBackLinks(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((n): ElementContent[] => {
    if (n.type !== 'element') return [n];
    if (n.tagName === 'a' && /^#(foot|end)note-ref-/.test(String(n.properties.href ?? ''))) return [];
    return [{ ...n, children: withoutBackLinks(n.children) }];
  });
}

interface TitlePage {
  title?: string;
  lines: string[];
}

/** What stands before the first heading: a title page, its title in Word's Title style. */
function titlePage(tree: HastRoot): TitlePage {
  const first = tree.children.findIndex((n) => n.type === 'element' && /^h[1-6]$/.test(n.tagName));
  const before = first < 0 ? [] : tree.children.slice(0, first);
  const title = before.find((n): n is Element => n.type === 'element' && (n.properties.className as string[] | undefined)?.includes('granska-titel') === true);
  return { title: title ? textOf(title).trim() : undefined, lines: before.filter((n): n is Element => n.type === 'element').map((n) => textOf(n).trim()).filter(Boolean) };
}

/**
 * The document's body: from the first heading (a title page and contents come before it).
 * In a letter Granska exported, the subject heading is the frontmatter's title and the
 * signature table at the end is its signatories, so both are left out.
 */
function bodyOf(tree: HastRoot, frontmatter: string | undefined): HastContent[] {
  const nodes = tree.children.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  const first = nodes.findIndex((n) => n.type === 'element' && /^h[1-6]$/.test(n.tagName));
  let body = first < 0 ? nodes.filter((n) => !(n.type === 'element' && hasClass(n, 'granska-titel'))) : nodes.slice(first);
  const fields = frontmatter ? (parseYaml(frontmatter) as Record<string, unknown>) : null;
  if (fields?.typ === 'missiv') {
    const subject = String(fields.titel ?? '');
    const at = nodes.findIndex((n) => n.type === 'element' && n.tagName === 'h1' && textOf(n).trim() === subject);
    body = at >= 0 ? nodes.slice(at + 1) : body;
    const signatories = Array.isArray(fields.undertecknare) ? fields.undertecknare : [];
    const last = body[body.length - 1];
    const firstName = (signatories[0] as { namn?: unknown } | undefined)?.namn;
    if (last?.type === 'element' && last.tagName === 'table' && typeof firstName === 'string' && textOf(last).includes(firstName)) body = body.slice(0, -1);
  }
  return body.filter((n) => !(n.type === 'element' && n.tagName === 'p' && textOf(n).trim() === '' && !n.children.some((c) => c.type === 'element' && c.tagName === 'img')));
}

function hasClass(e: Element, name: string): boolean {
  const c = e.properties.className;
  return Array.isArray(c) && c.includes(name);
}

/**
 * Marks footnote references for the Markdown step, drops empty bookmark anchors, and
 * keeps tables with merged cells as HTML. Returns how many tables were kept so.
 */
function markFootnoteReferences(nodes: HastContent[]): number {
  const bookmarks = new Map<string, string>();
  let htmlTables = 0;
  const walk = (list: (HastContent | ElementContent)[]): void => {
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      if (n.type !== 'element') continue;
      // Formatting the export adds, not the report's: grade badges (bold, padded with
      // no-break spaces) and bold header cells.
      if (n.tagName === 'strong' && /^\u00a0[\s\S]*\u00a0$/.test(textOf(n))) {
        list[i] = { type: 'text', value: textOf(n).replace(/^\u00a0+|\u00a0+$/g, '') };
        continue;
      }
      if (/^h[1-6]$/.test(n.tagName) && holdsAnchor(n, GENERATED_SUMMARY_BOOKMARK)) {
        // The summary Granska's export made: its heading and the table that follows it.
        const next = list.findIndex((x, j) => j > i && x.type === 'element');
        const table = next >= 0 && (list[next] as Element).tagName === 'table' ? next : i;
        list.splice(i, table - i + 1);
        i--;
        continue;
      }
      if (n.tagName === 'th') unwrapBoldCell(n);
      if (n.tagName === 'table') headerRowFromFirst(n);
      if (n.tagName === 'table' && hasMergedCells(n)) {
        htmlTables++;
        (n.properties as Record<string, unknown>).dataGranskaHtml = 'true';
      }
      if (n.tagName === 'a' && !n.properties.href && n.properties.id) {
        // A bookmark: remember which footnote follows it, for cross-references to it.
        const next = list[i + 1];
        const ref = next?.type === 'element' ? footnoteLink(next) : null;
        if (ref) bookmarks.set(String(n.properties.id), ref);
        list.splice(i, 1, ...n.children);
        i--;
        continue;
      }
      const ref = footnoteLink(n);
      if (ref !== null) {
        list[i] = { type: 'text', value: `${FN_OPEN}${ref}${FN_CLOSE}` };
        continue;
      }
      walk(n.children);
    }
  };
  walk(nodes);
  // Cross-references name a bookmark; they become references to its footnote.
  const resolve = (list: (HastContent | ElementContent)[]): void => {
    for (const n of list) {
      if (n.type === 'text') n.value = n.value.replace(new RegExp(`${FN_OPEN}ref:([^${FN_CLOSE}]+)${FN_CLOSE}`, 'g'), (_, b: string) => (bookmarks.has(b) ? `${FN_OPEN}${bookmarks.get(b)}${FN_CLOSE}` : ''));
      else if (n.type === 'element') resolve(n.children);
    }
  };
  resolve(nodes);
  return htmlTables;
}

/** The footnote number of `<sup><a href="#footnote-1">[1]</a></sup>` (or the link alone). */
function footnoteLink(n: Element): string | null {
  const a = n.tagName === 'sup' && n.children.length === 1 && n.children[0].type === 'element' ? n.children[0] : n;
  if (a.tagName !== 'a') return null;
  const m = /^#(?:foot|end)note-(\S+)$/.exec(String(a.properties.href ?? ''));
  return m ? m[1] : null;
}

/** A table with no header row gets its first row as one: in Word the first row is the heading. */
function headerRowFromFirst(table: Element): void {
  const rows: Element[] = [];
  const collect = (e: Element): void => {
    for (const c of e.children) if (c.type === 'element') (c.tagName === 'tr' ? rows.push(c) : collect(c));
  };
  collect(table);
  if (rows.length < 2 || rows.some((r) => r.children.some((c) => c.type === 'element' && c.tagName === 'th'))) return;
  for (const c of rows[0].children) if (c.type === 'element' && c.tagName === 'td') c.tagName = 'th';
}

/** A header cell whose whole content is bold: the bold is the export's, the text the report's. */
function unwrapBoldCell(cell: Element): void {
  const only = (e: Element): Element | null => {
    const kids = e.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    return kids.length === 1 && kids[0].type === 'element' ? kids[0] : null;
  };
  let inner = only(cell);
  const holder = inner?.tagName === 'p' ? inner : cell;
  if (inner?.tagName === 'p') inner = only(inner);
  if (inner?.tagName !== 'strong') return;
  holder.children = inner.children.map((c) => (c.type === 'text' ? { ...c, value: c.value.replace(/^\u00a0+|\u00a0+$/g, '') } : c));
}

function hasMergedCells(table: Element): boolean {
  let merged = false;
  const walk = (e: Element): void => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if ((c.tagName === 'td' || c.tagName === 'th') && (Number(c.properties.colSpan ?? 1) > 1 || Number(c.properties.rowSpan ?? 1) > 1)) merged = true;
      else walk(c);
    }
  };
  walk(table);
  return merged;
}

function toMdast(tree: HastRoot): MdastRoot {
  const processor = unified().use(rehypeRemark, {
    handlers: {
      // A table with merged cells stays HTML, so that nothing is silently moved to another cell.
      table(state, node: Element) {
        if (node.properties.dataGranskaHtml === undefined) return defaultHandlers.table(state, node);
        delete node.properties.dataGranskaHtml;
        return { type: 'html', value: toHtml(node) };
      },
    },
  });
  const root = processor.runSync(tree) as MdastRoot;
  splitFootnoteMarkers(root);
  return root;
}


/** Turns the footnote markers in text into footnote references. */
function splitFootnoteMarkers(node: MdastNodes): void {
  if (!('children' in node)) return;
  const children = node.children as MdastNodes[];
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.type === 'text' && c.value.includes(FN_OPEN)) {
      const parts: PhrasingContent[] = [];
      const re = new RegExp(`${FN_OPEN}([^${FN_CLOSE}]*)${FN_CLOSE}`, 'g');
      let last = 0;
      for (let m = re.exec(c.value); m; m = re.exec(c.value)) {
        if (m.index > last) parts.push({ type: 'text', value: c.value.slice(last, m.index) });
        if (m[1] && !m[1].startsWith('ref:')) parts.push({ type: 'footnoteReference', identifier: m[1], label: m[1] });
        last = m.index + m[0].length;
      }
      if (last < c.value.length) parts.push({ type: 'text', value: c.value.slice(last) });
      children.splice(i, 1, ...(parts as MdastNodes[]));
      i += parts.length - 1;
    } else splitFootnoteMarkers(c);
  }
}

function footnoteDefinition(id: string, content: ElementContent[]): FootnoteDefinition {
  const root = toMdast({ type: 'root', children: content });
  // A footnote's paragraph: trailing spaces before the removed back link go too.
  const children = root.children.filter((c) => c.type !== 'html') as FootnoteDefinition['children'];
  const firstParagraph = children.find((c) => c.type === 'paragraph');
  if (firstParagraph?.type === 'paragraph' && firstParagraph.children[0]?.type === 'text') firstParagraph.children[0].value = firstParagraph.children[0].value.replace(/^\s+/, '');
  const lastParagraph = [...children].reverse().find((c) => c.type === 'paragraph');
  if (lastParagraph && lastParagraph.type === 'paragraph') {
    const tail = lastParagraph.children[lastParagraph.children.length - 1];
    if (tail?.type === 'text') tail.value = tail.value.replace(/\s+$/, '');
  }
  return { type: 'footnoteDefinition', identifier: id, label: id, children };
}

/** Lists whose items are one paragraph each (and lists in them) are written tight, as people write them. */
function tightenLists(node: MdastNodes): void {
  if (node.type === 'list' && node.children.every((item) => item.children.filter((c) => c.type !== 'list').length <= 1)) {
    node.spread = false;
    for (const item of node.children) item.spread = false;
  }
  if ('children' in node) for (const c of node.children as MdastNodes[]) tightenLists(c);
}

/** Heading numbers («3.1 ») come from the export or Word's numbering; the dialect has none. */
function cleanHeading(n: MdastContent): void {
  if (n.type !== 'heading') return;
  const first = n.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s*\d+(\.\d+)*\.?\s+/, '');
  for (const c of n.children) if (c.type === 'text') c.value = c.value.replace(/\u00a0/g, ' ').replace(/\s{2,}/g, ' ');
  const last = n.children[n.children.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

const GRADE_IN_TEXT = /bedöm(?:s|er vi att kontrollmålet är|s som)\s+(?:som\s+)?((?:delvis|ej|inte)\s+)?uppfyllt/i;

/** A Bedömning heading without a grade gets the grade its text states («bedöms som delvis uppfyllt»). */
function gradesFromText(root: MdastRoot): void {
  const nodes = root.children;
  for (let i = 0; i < nodes.length; i++) {
    const h = nodes[i];
    if (h.type !== 'heading' || h.children.length !== 1 || h.children[0].type !== 'text' || !/^bedömning:?$/i.test(h.children[0].value.trim())) continue;
    for (let j = i + 1; j < nodes.length && nodes[j].type !== 'heading'; j++) {
      const m = GRADE_IN_TEXT.exec(plainText(nodes[j]));
      if (!m) continue;
      const qualifier = (m[1] ?? '').trim().toLowerCase();
      const grade = qualifier === 'delvis' ? 'Delvis uppfyllt' : qualifier ? 'Ej uppfyllt' : 'Uppfyllt';
      h.children[0].value = `Bedömning: ${grade}`;
      break;
    }
  }
}

function plainText(n: MdastNodes): string {
  if ('value' in n && typeof n.value === 'string') return n.value;
  return 'children' in n ? (n.children as MdastNodes[]).map(plainText).join('') : '';
}

/** A frontmatter from a file that is not a Granska export: what its pages say, placeholders elsewhere. */
function frontmatterFrom(page: TitlePage, p: Properties, notes: Msg[]): string {
  const text = page.lines.join('\n');
  const row = (label: RegExp): string | undefined => page.lines.map((l) => l.split('\t')).find(([k]) => label.test(k.trim()))?.[1]?.trim();
  const kommun = /\b([A-ZÅÄÖ][\wåäöé-]+ (?:kommun|stad|region))\b/.exec(text)?.[1];
  const date = /\b(20\d\d-[01]\d-[0-3]\d)\b/.exec(text)?.[1];
  const authors = row(/^författare$/i)?.split(/,\s*/) ?? (p.creator ? p.creator.split(/;\s*/) : undefined);
  const missiv = /\bmissiv\b/i.test(text);
  const fields: Record<string, unknown> = {
    typ: missiv ? 'missiv' : /förstudie/i.test(text) ? 'förstudie' : /uppföljning/i.test(text) ? 'uppföljning' : 'granskningsrapport',
    kommun: kommun ?? '[kommun]',
    titel: page.title ?? p.title ?? '[titel]',
    datum: date ?? 'ÅÅÅÅ-MM-DD',
    ...(missiv ? {} : { granskade: ['[nämnd]'] }),
    status: 'utkast',
    revisionsbyrå: row(/^revisionsbyrå$/i) ?? '[fyll i revisionsbyrå]',
    författare: authors && authors.length > 0 ? authors : ['[namn]'],
  };
  // The placeholders are the template blanks `platshallare` knows, so that lint points at each.
  const isPlaceholder = (v: unknown): boolean => (Array.isArray(v) ? v.some(isPlaceholder) : typeof v === 'string' && (/^\[.*\]$/.test(v) || v === 'ÅÅÅÅ-MM-DD'));
  const missing = Object.entries(fields).filter(([, v]) => isPlaceholder(v)).map(([k]) => k);
  if (missing.length > 0) {
    notes.push(msg(
      `Frontmatter: ${missing.join(', ')} framgick inte av Word-filen och har platshållare att fylla i.`,
      `Frontmatter: ${missing.join(', ')} could not be read from the Word file and have placeholders to fill in.`,
    ));
  }
  return stringifyYaml(fields, { flowCollectionPadding: false, defaultStringType: 'PLAIN' }).replace(/^(\w+): \n/gm, '$1:\n');
}

/** Whitespace the Markdown writer leaves that the dialect's own files do not have. */
function tidy(markdown: string): string {
  return markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/&#x20;/g, ' ');
}

/** Whether an element holds a bookmark anchor of a name, at any depth. */
function holdsAnchor(e: Element, id: string): boolean {
  return e.children.some((c) => c.type === 'element' && ((c.tagName === 'a' && c.properties.id === id) || holdsAnchor(c, id)));
}
