import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  SimpleField,
  StringContainer,
  StringValueElement,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Unzipped } from 'fflate';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { TEXT } from './labels.js';
import { classesOf, hasClass, textOf } from './hast-tools.js';
import { fromDataUri } from './images.js';
import type { RenderedReport } from './report.js';
import { applyTemplate } from './template.js';
import { FRONTMATTER_PROPERTY, GENERATED_SUMMARY_BOOKMARK } from './docx-properties.js';
import { components, LightParagraph, LightTable, TextSpan, type Inline, type TableRows } from './docx-fast.js';
import { packStreamed, streamMarker } from './docx-stream.js';

/**
 * Writes the rendered report as a Word document. It reads the same sanitized tree as the
 * HTML writer, so preview, HTML and Word show the same report: headings become Word's
 * heading styles (so the navigation pane and the table of contents work), tables become
 * tables, footnotes become Word footnotes, and the pages are numbered in the footer.
 */
export interface DocxOptions {
  /** The firm's Word template (see `template.ts`): its styles, page, headers and footers. */
  template?: Unzipped;
  /** The page header's text instead of the report's title (the default template's placeholders). */
  headerText?: string;
  /**
   * The writer may take the report's tree apart as it writes it, so that what is written can
   * be let go of (a large report's tree is hundreds of megabytes): for a caller that reads
   * nothing of the report afterwards but its warnings.
   */
  release?: boolean;
}

export async function reportDocx(report: RenderedReport, options: DocxOptions = {}): Promise<Uint8Array> {
  const writer = new DocxWriter(report, options.headerText);
  writer.prepare(options.release === true);
  const marker = streamMarker();
  const doc = markSwedish(writer.document([marker.paragraph]));
  // The body is made and written one block at a time (see `docx-stream.ts`).
  return withTemplate(await packStreamed(doc, marker, writer.body()), report, options);
}

/**
 * The same file as `reportDocx`, made the way docx makes a document: the whole body as one
 * tree of components, packed by docx. The streamed writer is tested against it.
 */
export async function reportDocxWhole(report: RenderedReport, options: DocxOptions = {}): Promise<Uint8Array> {
  const writer = new DocxWriter(report, options.headerText);
  writer.prepare();
  const doc = markSwedish(writer.document([...writer.body()].map(componentOf)));
  return withTemplate(new Uint8Array(await Packer.toArrayBuffer(doc)), report, options);
}

function withTemplate(bytes: Uint8Array, report: RenderedReport, options: DocxOptions): Uint8Array {
  if (!options.template) return bytes;
  const p = report.properties;
  return applyTemplate(bytes, options.template, { titel: p.title, kommun: p.kommun, datum: p.date, författare: p.authors });
}

/**
 * docx sets the language of the text (the default run's `w:lang`) but not of the document:
 * the package's `dc:language`, which PDF converters turn into the PDF's `Lang`, and Word's
 * `themeFontLang`, which decides the proofing language of new text. Both are added to the
 * document's parts before it is packed, so that the package is zipped once: unzipping and
 * zipping it again took seconds for a large report. The settings' last element is their
 * `w:compat`, which the schema puts before `w:themeFontLang`, so appending keeps the order.
 */
function markSwedish(doc: Document): Document {
  // addChildElement is the one way docx offers to add an element it has no option for.
  doc.CoreProperties.addChildElement(new StringContainer('dc:language', LANGUAGE));
  doc.Settings.addChildElement(new StringValueElement('w:themeFontLang', LANGUAGE));
  return doc;
}

const LANGUAGE = 'sv-SE';
/** The named paragraph style of block quotes: Word's built-in «Quote», which templates restyle. */
const QUOTE_STYLE = 'Quote';
/** How Word marks what the renderer adds, which an import drops: a grade shown under its heading (a style), a summary it made (a bookmark). */
export const GENERATED_STYLE = 'GranskaGenererad';


type Block = Paragraph | Table | TableOfContents | LightParagraph | LightTable;

/** A block as a docx component, for docx's own packing. */
function componentOf(block: Block): Paragraph | Table | TableOfContents {
  return block instanceof LightParagraph || block instanceof LightTable ? block.component() : block;
}

interface Format {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  underline?: boolean;
}

interface BlockContext {
  /** Inside a recommendation box: paragraphs get its shading and rule. */
  box?: boolean;
  /** Inside a block quote: indented and italic. */
  quote?: boolean;
}

const ACCENT = '7D2248';
const MUTED = '5B5B5B';
const GRADE_COLOURS: Record<string, { fill: string; color: string }> = {
  'grade-good': { fill: 'D8EFDC', color: '14532D' },
  'grade-partial': { fill: 'FDECCC', color: '7A4A00' },
  'grade-bad': { fill: 'F9D6D5', color: '8A1C1C' },
  'grade-unknown': { fill: 'E4E4E4', color: '3B3B3B' },
};
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

class DocxWriter {
  /** Word footnote id by the footnote's element id (`user-content-fn-1`). */
  private readonly footnoteIds = new Map<string, number>();
  private readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  /** Footnotes already referenced once: later references are NOTEREF fields to the first. */
  private readonly referenced = new Set<number>();
  private listInstance = 0;

  constructor(private readonly report: RenderedReport, private readonly headerText?: string) {}

  /** The report's top-level parts, and the title page's blocks, which docx's own first section holds. */
  private parts: Element[] = [];
  private titleBlocks: (Paragraph | Table | TableOfContents)[] = [];

  /** Reads the footnotes and makes the title page: what the body's blocks and the document need first. */
  prepare(release = false): void {
    const article = this.report.tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'article');
    this.parts = article ? article.children.filter((c): c is Element => c.type === 'element') : [];
    // Footnotes first, so that references in the body know their ids.
    for (const section of findAll(this.report.tree, (e) => e.tagName === 'section' && hasClass(e, 'footnotes'))) this.collectFootnotes(section);
    for (const part of this.parts) if (hasClass(part, 'title-page')) this.titleBlocks.push(...this.titlePage(part).map(componentOf));
    // The parts are then the writer's only way to the body, and each is let go of once written.
    this.release = release;
    if (release && article) article.children = [];
  }

  private release = false;

  /** The body's blocks in order, each made when it is asked for. */
  *body(): Generator<Block> {
    for (let i = 0; i < this.parts.length; i++) {
      const part = this.parts[i];
      if (this.release) this.parts[i] = RELEASED;
      if (hasClass(part, 'title-page')) continue;
      if (part.tagName === 'nav' && hasClass(part, 'toc')) {
        yield new Paragraph({ children: [new TextRun({ text: TEXT.contents, bold: true, size: 32, font: 'Arial' })], spacing: { after: 200 } });
        yield new TableOfContents(TEXT.contents, { hyperlink: true, headingStyleRange: '1-2' });
        yield new Paragraph({ children: [], pageBreakBefore: true });
      } else if (hasClass(part, 'letter-head')) yield* this.letterHead(part);
      else if (hasClass(part, 'signatures')) yield* this.signatures(part);
      else if (hasClass(part, 'recipients')) yield* this.recipients(part);
      else if (hasClass(part, 'letter-subject')) {
        // The subject is the letter's level-one heading, as in the HTML export, so that a PDF
        // made from the Word file has it as its heading and first bookmark.
        yield new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: textOf(part), bold: true, size: 28, font: 'Arial', color: '1B1B1B' })], spacing: { before: 360, after: 240 } });
      }
      else if (hasClass(part, 'draft-mark')) yield draftMark();
      else yield* this.blockStream(part.children, {});
    }
  }

  /** The document, with the title page and the given blocks as its body (after `prepare`). */
  document(bodyBlocks: (Paragraph | Table | TableOfContents)[]): Document {
    const titleBlocks = this.titleBlocks;
    const header = new Header({
      children: [new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: this.headerText ?? this.report.title, size: 16, color: MUTED }),
          ...(this.report.draft ? [new TextRun({ text: `   ${TEXT.draft}`, size: 16, bold: true, color: 'B42318' })] : []),
        ],
      })],
    });
    const footer = new Footer({
      children: [new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [`${TEXT.page} `, PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'], size: 18, color: MUTED })],
      })],
    });
    const page = { margin: { top: 1247, bottom: 1361, left: 1134, right: 1134 } };
    const sections = [];
    if (titleBlocks.length > 0) sections.push({ properties: { page }, children: titleBlocks });
    sections.push({ properties: { page }, headers: { default: header }, footers: { default: footer }, children: bodyBlocks.length > 0 ? bodyBlocks : [new Paragraph('')] });

    const doc = new Document({
      // The report's own title and authors, as Word's File › Properties and a PDF show them.
      title: this.report.properties.title,
      subject: this.report.title,
      creator: this.report.properties.authors.join('; ') || this.report.properties.firm || '',
      lastModifiedBy: this.report.properties.authors[0] ?? this.report.properties.firm ?? '',
      customProperties: this.report.properties.frontmatter ? [{ name: FRONTMATTER_PROPERTY, value: this.report.properties.frontmatter }] : [],
      features: { updateFields: !this.report.letter },
      footnotes: this.footnotes,
      numbering: {
        config: [{
          reference: 'ordered',
          levels: [0, 1, 2, 3, 4, 5].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        }],
      },
      styles: {
        default: {
          document: { run: { font: 'Georgia', size: 22, language: { value: LANGUAGE } }, paragraph: { spacing: { after: 120, line: 288 } } },
          heading1: { run: { font: 'Arial', size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { before: 480, after: 160 }, keepNext: true, outlineLevel: 0 } },
          heading2: { run: { font: 'Arial', size: 26, bold: true, color: '1B1B1B' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 1 } },
          heading3: { run: { font: 'Arial', size: 22, bold: true, color: '1B1B1B' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 2 } },
          heading4: { run: { font: 'Arial', size: 22, bold: true, italics: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 3 } },
          heading5: { run: { font: 'Arial', size: 22, italics: true }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, outlineLevel: 4 } },
          heading6: { run: { font: 'Arial', size: 20, italics: true }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, outlineLevel: 5 } },
          title: { run: { font: 'Arial', size: 52, bold: true, color: ACCENT }, paragraph: { spacing: { line: 276, lineRule: 'auto' } } },
        },
        paragraphStyles: [{
          id: GENERATED_STYLE,
          name: 'Granska genererad',
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: { spacing: { after: 120 } },
        }, {
          id: QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '3B3B3B' },
          paragraph: { indent: { left: 567, right: 567 } },
        }],
      },
      sections,
    });
    lookUpSectionsOnce(doc, sections.map((x) => x.children));
    return doc;
  }

  private collectFootnotes(section: Element): void {
    const items = findAll(section, (e) => e.tagName === 'li' && typeof e.properties.id === 'string');
    // Every id is known before any content is converted, since a footnote can cite another.
    for (const li of items) this.footnoteIds.set(String(li.properties.id), this.footnoteIds.size + 1);
    for (const li of items) {
      const id = this.footnoteIds.get(String(li.properties.id))!;
      const content = stripBackReferences(li.children);
      const paragraphs = this.blocks(content, {}).map(componentOf).filter((b): b is Paragraph => b instanceof Paragraph);
      this.footnotes[String(id)] = { children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')] };
    }
  }

  private titlePage(part: Element): Block[] {
    const out: Block[] = [new Paragraph({ children: [], spacing: { before: 2400 } })];
    for (const c of part.children) {
      if (c.type !== 'element') continue;
      if (hasClass(c, 'draft-mark')) out.push(draftMark());
      else if (hasClass(c, 'title-kommun')) out.push(new Paragraph({ children: [new TextRun({ text: textOf(c), size: 30 })], spacing: { after: 600 } }));
      else if (hasClass(c, 'title-type')) out.push(new Paragraph({ children: [new TextRun({ text: textOf(c).toLocaleUpperCase('sv'), size: 20, color: MUTED, characterSpacing: 40 })] }));
      else if (hasClass(c, 'doc-title')) out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(textOf(c))], spacing: { before: 120, after: 1200, line: 276, lineRule: 'auto' } }));
      else if (c.tagName === 'dl') out.push(...definitionRows(c));
    }
    return out;
  }

  private letterHead(part: Element): Block[] {
    const out: Block[] = [];
    for (const c of part.children) {
      if (c.type !== 'element') continue;
      if (hasClass(c, 'sender')) {
        c.children.forEach((p, i) => {
          if (p.type === 'element') out.push(new Paragraph({ children: [new TextRun({ text: textOf(p), bold: i === 0 })], spacing: { after: 0 } }));
        });
      } else if (c.tagName === 'dl') {
        for (const p of definitionRows(c)) out.push(p);
      }
    }
    out.push(new Paragraph({ children: [], spacing: { after: 240 } }));
    return out;
  }

  private recipients(part: Element): Block[] {
    const out: Block[] = [];
    for (const c of part.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'p') out.push(new Paragraph({ children: [new TextRun({ text: textOf(c), color: MUTED, size: 20 })], spacing: { before: 120, after: 0 } }));
      else for (const li of c.children) if (li.type === 'element') out.push(new Paragraph({ children: [new TextRun(textOf(li))], spacing: { after: 0 } }));
    }
    return out;
  }

  private signatures(part: Element): Block[] {
    const people = part.children.filter((c): c is Element => c.type === 'element');
    const out: Block[] = [new Paragraph({ children: [], spacing: { before: 480 } })];
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const rows: TableRow[] = [];
    for (let i = 0; i < people.length; i += 2) {
      const pair = people.slice(i, i + 2);
      rows.push(new TableRow({
        children: [0, 1].map((k) => {
          const p = pair[k];
          const [name, role] = p ? p.children.filter((c): c is Element => c.type === 'element').map((c) => textOf(c)) : ['', ''];
          return new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            borders: { top: none, bottom: none, left: none, right: none },
            children: [
              new Paragraph({ children: [], spacing: { before: 600 } }),
              new Paragraph({ children: [new TextRun(name ?? '')], border: p ? { top: { style: BorderStyle.SINGLE, size: 4, color: '1B1B1B', space: 2 } } : undefined, spacing: { after: 0 } }),
              new Paragraph({ children: [new TextRun({ text: role ?? '', color: MUTED, size: 20 })] }),
            ],
          });
        }),
      }));
    }
    if (rows.length > 0) out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none } }));
    return out;
  }

  /** Block-level content: headings, paragraphs, lists, tables, quotes, code and boxes. */
  private blocks(nodes: readonly (HastContent | ElementContent)[], ctx: BlockContext): Block[] {
    return [...this.blockStream(nodes, ctx)];
  }

  /** The blocks of `blocks`, one at a time, so that the streamed export holds one block's components at a time. */
  private *blockStream(nodes: readonly (HastContent | ElementContent)[], ctx: BlockContext): Generator<Block> {
    let loose: ElementContent[] = [];
    const hasText = (): boolean => loose.some((n) => n.type !== 'text' || n.value.trim() !== '');
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      // A large report's body is one element of thousands of blocks: each is let go of as it is read.
      if (this.release) (nodes as (HastContent | ElementContent)[])[i] = RELEASED_NODE;
      if (n.type === 'text') {
        loose.push(n);
        continue;
      }
      if (n.type !== 'element') continue;
      const tag = n.tagName;
      if (!BLOCK_TAGS.has(tag)) {
        loose.push(n);
        continue;
      }
      if (hasText()) yield this.paragraph(this.inlines(loose, {}), ctx);
      loose = [];
      if (/^h[1-6]$/.test(tag) && hasClass(n, 'generated')) {
        // The summary the renderer made (the report has none of its own) stays a heading for
        // Word's navigation and the PDF's bookmarks, marked by a bookmark of its own so that
        // importing the file again does not take it, and its table, for the report's text.
        yield new Paragraph({ heading: HEADINGS[Number(tag[1]) - 1], children: [new Bookmark({ id: GENERATED_SUMMARY_BOOKMARK, children: components(this.inlines(n.children, {})) })] });
      } else if (/^h[1-6]$/.test(tag)) {
        yield new Paragraph({ heading: HEADINGS[Number(tag[1]) - 1], children: components(this.inlines(n.children, {})) });
      } else if (tag === 'p' && hasClass(n, 'grade-line')) {
        yield new LightParagraph({ style: GENERATED_STYLE }, this.inlines(n.children, {}));
      } else if (tag === 'p') {
        yield this.paragraph(this.inlines(n.children, {}), ctx);
      } else if (tag === 'ul' || tag === 'ol') {
        yield* this.list(n, 0, ctx);
      } else if (tag === 'table') {
        yield this.table(n);
      } else if (tag === 'blockquote') {
        yield* this.blockStream(n.children, { ...ctx, quote: true });
      } else if (tag === 'pre') {
        for (const line of textOf(n).replace(/\n$/, '').split('\n')) {
          yield this.paragraph([new TextSpan({ text: line, font: 'Consolas', size: 19 })], { ...ctx }, { spacing: { after: 0 } });
        }
      } else if (tag === 'hr') {
        yield new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'C9C9C9', space: 1 } } });
      } else if (tag === 'section' && hasClass(n, 'footnotes')) {
        // Written as Word footnotes instead.
      } else if (tag === 'dl') {
        yield* definitionRows(n);
      } else {
        yield* this.blockStream(n.children, hasClass(n, 'recommendation') ? { ...ctx, box: true } : ctx);
      }
    }
    if (hasText()) yield this.paragraph(this.inlines(loose, {}), ctx);
  }

  private paragraph(children: Inline[], ctx: BlockContext, extra: Partial<IParagraphOptions> = {}): LightParagraph {
    return new LightParagraph({
      ...(ctx.quote ? { style: QUOTE_STYLE } : {}),
      ...(ctx.box ? { shading: { type: ShadingType.CLEAR, fill: 'F6F3F1', color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: ACCENT, space: 8 } }, indent: { left: 227 } } : {}),
      ...extra,
    }, children);
  }

  private list(list: Element, level: number, ctx: BlockContext): Block[] {
    const ordered = list.tagName === 'ol';
    const instance = ++this.listInstance;
    const out: Block[] = [];
    for (const li of list.children) {
      if (li.type !== 'element' || li.tagName !== 'li') continue;
      const inline: ElementContent[] = [];
      const nested: Element[] = [];
      const more: ElementContent[] = [];
      for (const c of li.children) {
        if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) nested.push(c);
        else if (c.type === 'element' && c.tagName === 'p') {
          if (inline.length === 0) inline.push(...c.children);
          else more.push(c);
        } else if (c.type === 'element' && BLOCK_TAGS.has(c.tagName)) more.push(c);
        else inline.push(c);
      }
      const marker = ordered ? { numbering: { reference: 'ordered', level: Math.min(level, 5), instance } } : { bullet: { level: Math.min(level, 5) } };
      out.push(this.paragraph(this.inlines(inline, {}), ctx, { ...marker, spacing: { after: 60 } }));
      if (more.length > 0) out.push(...this.blocks(more, ctx));
      for (const sub of nested) out.push(...this.list(sub, level + 1, ctx));
    }
    return out;
  }

  private table(table: Element): LightTable {
    const rows: { header: boolean; cells: Element[] }[] = [];
    for (const group of table.children) {
      if (group.type !== 'element') continue;
      const trs = group.tagName === 'tr' ? [group] : group.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'tr');
      for (const tr of trs) {
        const cells = tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        rows.push({ header: group.tagName === 'thead', cells });
      }
    }
    // Word lays a table out by its grid, so every row gets as many cells as the widest.
    const columns = Math.max(1, ...rows.map((r) => r.cells.length));
    return new LightTable(rows.map((r) => ({
      header: r.header,
      cells: Array.from({ length: columns }, (_, i) => {
        const cell = r.cells[i];
        return cell ? this.inlines(cell.children, r.header ? { bold: true } : {}) : [];
      }),
    })), CELL_PARAGRAPH, tableOf);
  }

  /** Inline content: text with its formatting, links, footnote references and grade badges. */
  private inlines(nodes: readonly ElementContent[], fmt: Format): Inline[] {
    const out: Inline[] = [];
    for (const n of nodes) {
      if (n.type === 'text') {
        const text = n.value.replace(/\s*\n\s*/g, ' ');
        if (text) out.push(run(text, fmt));
        continue;
      }
      if (n.type !== 'element') continue;
      const tag = n.tagName;
      if (tag === 'br') out.push(new TextSpan({ text: '', break: 1 }));
      else if (tag === 'strong' || tag === 'b') out.push(...this.inlines(n.children, { ...fmt, bold: true }));
      else if (tag === 'em' || tag === 'i') out.push(...this.inlines(n.children, { ...fmt, italics: true }));
      else if (tag === 'del' || tag === 's') out.push(...this.inlines(n.children, { ...fmt, strike: true }));
      else if (tag === 'u' || tag === 'ins') out.push(...this.inlines(n.children, { ...fmt, underline: true }));
      else if (tag === 'code' || tag === 'kbd') out.push(...this.inlines(n.children, { ...fmt, code: true }));
      else if (tag === 'sub') out.push(...this.inlines(n.children, { ...fmt, subScript: true }));
      else if (tag === 'sup') {
        const ref = n.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a' && c.properties.dataFootnoteRef !== undefined);
        if (ref) out.push(this.footnoteReference(ref));
        else out.push(...this.inlines(n.children, { ...fmt, superScript: true }));
      } else if (tag === 'a') {
        const href = typeof n.properties.href === 'string' ? n.properties.href : '';
        if (n.properties.dataFootnoteRef !== undefined) out.push(this.footnoteReference(n));
        else if (/^(https?:|mailto:)/i.test(href)) out.push(new ExternalHyperlink({ link: href, children: this.inlines(n.children, fmt).filter((c): c is TextSpan => c instanceof TextSpan).map((c) => c.component()) }));
        else out.push(...this.inlines(n.children, fmt));
      } else if (tag === 'span' && hasClass(n, 'grade')) {
        const colour = GRADE_COLOURS[classesOf(n).find((c) => c in GRADE_COLOURS) ?? 'grade-unknown'];
        out.push(new TextSpan({ text: `\u00a0${textOf(n)}\u00a0`, bold: true, color: colour.color, shading: { type: ShadingType.CLEAR, fill: colour.fill, color: 'auto' }, font: 'Arial' }));
      } else if (tag === 'span' && hasClass(n, 'image-placeholder')) {
        // A picture left out (remote, or refused): its note stands in the text, as in HTML.
        out.push(run(textOf(n), { ...fmt, italics: true }));
      } else if (tag === 'span' && hasClass(n, 'secno')) {
        out.push(run(textOf(n), fmt));
      } else if (tag === 'img') {
        const alt = typeof n.properties.alt === 'string' && n.properties.alt ? n.properties.alt : '';
        const src = typeof n.properties.src === 'string' ? n.properties.src : '';
        const image = fromDataUri(src, Number(n.properties.width) || 0, Number(n.properties.height) || 0);
        if (image && image.width > 0 && image.height > 0) {
          // At most the text width (about 16 cm at 96 dpi), keeping the proportions.
          const scale = Math.min(1, 600 / image.width);
          out.push(new ImageRun({ type: image.type, data: image.data, transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) }, altText: { name: alt || 'bild', description: alt, title: alt } }));
        } else out.push(run(`[${alt || 'bild'}]`, { ...fmt, italics: true }));
      } else if (tag === 'input') {
        out.push(run(n.properties.checked ? '☑ ' : '☐ ', fmt));
      } else out.push(...this.inlines(n.children, fmt));
    }
    return out;
  }

  /**
   * A footnote reference. The first reference to a footnote is Word's own footnote mark,
   * inside a bookmark; a later reference to the same footnote is a NOTEREF field to that
   * bookmark, as Word's «Infoga korsreferens» writes it, so the report has one footnote per
   * footnote in its source and every reference shows the same number.
   */
  private footnoteReference(a: Element): Inline {
    const target = String(a.properties.href ?? '').replace(/^#/, '');
    const id = this.footnoteIds.get(target);
    if (id === undefined) return run(textOf(a), { superScript: true });
    const bookmark = `_GranskaFn${id}`;
    if (!this.referenced.has(id)) {
      this.referenced.add(id);
      return new Bookmark({ id: bookmark, children: [new FootnoteReferenceRun(id)] });
    }
    return new SimpleField(`NOTEREF ${bookmark} \\f \\h`, String(id));
  }
}

/**
 * docx asks which section each table is in (for the width its columns share) by searching
 * the body: the table's index with `indexOf` among all blocks, then every block after it up
 * to its section's end, twice per table. For a report with thousands of tables and a body of
 * one section that is quadratic (5 s of the 10 MB report's Word export). Every block of one of
 * the sections given here is in that section, as docx ends each section after its last block,
 * so the answer for the first block asked is the answer for all of that section's blocks.
 */
function lookUpSectionsOnce(doc: Document, sections: readonly (readonly Block[])[]): void {
  const body = doc.Document.View.Body;
  const lookUp = body.getSectionPropertiesFor.bind(body);
  const sectionOf = new Map<object, number>();
  sections.forEach((blocks, i) => {
    for (const block of blocks) sectionOf.set(block, i);
  });
  const found = new Map<number, ReturnType<typeof lookUp>>();
  body.getSectionPropertiesFor = (child) => {
    const section = child === undefined ? undefined : sectionOf.get(child);
    if (section === undefined) return lookUp(child);
    if (!found.has(section)) found.set(section, lookUp(child));
    return found.get(section);
  };
}

/** What stands for a part or a block of the body once written, when the writer may let go of it. */
const RELEASED: Element = { type: 'element', tagName: 'template', properties: {}, children: [] };
const RELEASED_NODE: ElementContent = { type: 'text', value: '' };

/** A table cell's one paragraph. */
const CELL_PARAGRAPH = { spacing: { after: 0 } };

/** A table of rows of cells, each cell one paragraph of the given inline components. */
function tableOf(rows: TableRows<ParagraphChild>): Table {
  const docxRows = rows.map((r) => new TableRow({
    tableHeader: r.header,
    cantSplit: true,
    children: r.cells.map((children) => new TableCell({
      shading: r.header ? { type: ShadingType.CLEAR, fill: 'F1ECE9', color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ children, ...CELL_PARAGRAPH })],
    })),
  }));
  if (docxRows.length === 0) docxRows.push(new TableRow({ children: [new TableCell({ children: [new Paragraph('')] })] }));
  return new Table({ rows: docxRows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'table', 'blockquote', 'pre', 'hr', 'div', 'section', 'dl', 'header', 'footer', 'nav', 'main', 'article', 'aside', 'details', 'figure', 'li']);

function run(text: string, fmt: Format): TextSpan {
  const options: IRunOptions & { text: string } = {
    text,
    bold: fmt.bold,
    italics: fmt.italics,
    strike: fmt.strike,
    superScript: fmt.superScript,
    subScript: fmt.subScript,
    underline: fmt.underline ? {} : undefined,
    font: fmt.code ? 'Consolas' : undefined,
  };
  return new TextSpan(options);
}

function draftMark(): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: TEXT.draft, bold: true, size: 32, color: 'B42318', characterSpacing: 120, font: 'Arial' })],
    border: { top: { style: BorderStyle.SINGLE, size: 18, color: 'B42318', space: 2 }, bottom: { style: BorderStyle.SINGLE, size: 18, color: 'B42318', space: 2 } },
    spacing: { after: 480 },
  });
}

/** A `<dl>` of label and value pairs as «Label  value» lines. */
function definitionRows(dl: Element): Paragraph[] {
  const out: Paragraph[] = [];
  const items = dl.children.filter((c): c is Element => c.type === 'element');
  for (let i = 0; i + 1 < items.length; i += 2) {
    out.push(new Paragraph({
      children: [new TextRun({ text: `${textOf(items[i])}\t`, color: MUTED }), new TextRun(textOf(items[i + 1]))],
      tabStops: [{ type: 'left', position: 2268 }],
      spacing: { after: 40 },
    }));
  }
  return out;
}

function stripBackReferences(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((n): ElementContent[] => {
    if (n.type !== 'element') return [n];
    if (n.tagName === 'a' && n.properties.dataFootnoteBackref !== undefined) return [];
    return [{ ...n, children: stripBackReferences(n.children) }];
  });
}

function findAll(root: HastRoot | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: HastRoot | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (test(c)) out.push(c);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

