import { BaseXmlComponent, Bookmark, BookmarkEnd, BookmarkStart, FootnoteReferenceRun, Paragraph, SimpleField, Table, TextRun, type IContext, type IParagraphOptions, type IRunOptions, type IXmlableObject, type ParagraphChild } from 'docx';
import { escapeXml, xmlOf } from './docx-xml.js';

/**
 * The body's paragraphs of text, written without a docx component per run. Most of a long
 * report is paragraphs of text runs, and making a docx `TextRun` (its properties, its text
 * element) and formatting it for each run of a 10 MB report was most of the export's time
 * and garbage. The XML of a run depends only on its options and its text, so docx formats
 * one run of each set of options once, with a stand-in for its text, and every run with
 * those options is that XML with its own text in the stand-in's place, escaped as docx
 * escapes it. A paragraph's own properties (`w:pPr`) are docx's for its options, and a
 * paragraph's XML is its properties followed by its children's, as docx writes it.
 * Whatever else a paragraph holds (a link, a picture) makes it a docx `Paragraph` as before,
 * and so does a heading, which docx's table of contents reads and bookmarks. The export's
 * tests compare the result with docx's whole-body packing (`test/docx-stream.test.ts`).
 */

/** A run of text: a docx `TextRun`'s options, made a `TextRun` only where docx needs one. */
export class TextSpan {
  constructor(readonly options: IRunOptions & { text: string }) {}

  component(): TextRun {
    return new TextRun(this.options);
  }
}

export type Inline = ParagraphChild | TextSpan;

/** The docx components of inline content. */
export function components(children: readonly Inline[]): ParagraphChild[] {
  return children.map((c) => (c instanceof TextSpan ? c.component() : c));
}

/** A paragraph of the body, as a docx `Paragraph`'s options and its children. */
export class LightParagraph {
  constructor(readonly options: Omit<IParagraphOptions, 'children'>, readonly children: readonly Inline[]) {}

  component(): Paragraph {
    return new Paragraph({ ...this.options, children: components(this.children) });
  }
}

/** A table's rows: whether each is a header row, and each cell's one paragraph's content. */
export type TableRows<T = Inline> = { header: boolean; cells: T[][] }[];

/**
 * A table of the body, as rows of cells of one paragraph each, made a docx `Table` by `make`
 * (the writer's: its shading, margins and widths). The streamed export writes it from the XML
 * docx writes for the same table with one empty row of each kind: every row of a kind is that
 * row with its cells' paragraphs in the empty ones' places.
 */
export class LightTable {
  constructor(readonly rows: TableRows, readonly cellOptions: Omit<IParagraphOptions, 'children'>, readonly make: (rows: TableRows<ParagraphChild>) => Table) {}

  component(): Table {
    return this.make(this.rows.map((r) => ({ header: r.header, cells: r.cells.map(components) })));
  }
}

/** The XML docx writes for light paragraphs and tables, with what it learnt of their shapes. One per export. */
export class FastParagraphs {
  private readonly runs = new Map<string, [string, string] | null>();
  private readonly shells = new Map<string, { paragraph: Paragraph; properties: string } | null>();
  private readonly tables = new Map<string, TableShape | null>();

  /** `format` formats a block of the body as docx would there. */
  constructor(private readonly context: IContext, private readonly format: (block: Table) => IXmlableObject) {}

  /** The table's XML, or null when docx must make it. */
  table(t: LightTable): string | null {
    if (t.rows.length === 0) return null;
    const shape = this.shape(t);
    if (!shape) return null;
    let out = shape.start;
    for (const row of t.rows) {
      const parts = row.header ? shape.header : shape.body;
      if (!parts) return null;
      out += parts[0];
      for (let i = 0; i < row.cells.length; i++) {
        const cell = this.xml(new LightParagraph(t.cellOptions, row.cells[i]));
        if (cell === null) return null;
        out += cell + parts[i + 1];
      }
    }
    return out + shape.end;
  }

  /**
   * The XML of a table like this one with one empty row of each kind it has, cut into its
   * start, each row's text around its cells' paragraphs, and its end.
   */
  private shape(t: LightTable): TableShape | null {
    const columns = t.rows[0].cells.length;
    const kinds = [...new Set(t.rows.map((r) => r.header))];
    const key = `${columns} ${kinds.join(' ')} ${JSON.stringify(t.cellOptions)}`;
    if (this.tables.has(key)) return this.tables.get(key)!;
    const empty = this.xml(new LightParagraph(t.cellOptions, []));
    const text = xmlOf(this.format(t.make(kinds.map((header) => ({ header, cells: Array.from({ length: columns }, () => []) })))));
    const first = text.indexOf('<w:tr>');
    const last = text.lastIndexOf('</w:tr>');
    const rows = first < 0 || last < 0 ? [] : text.slice(first, last).split('</w:tr>');
    let shape: TableShape | null = null;
    if (empty !== null && rows.length === kinds.length && t.rows.every((r) => r.cells.length === columns)) {
      const parts = rows.map((row) => row.split(empty));
      if (parts.every((p) => p.length === columns + 1)) {
        // Every row ends with its own end tag, which the cut above left out.
        for (const p of parts) p[columns] += '</w:tr>';
        const of = (header: boolean): string[] | undefined => parts[kinds.indexOf(header)];
        shape = { start: text.slice(0, first), header: of(true), body: of(false), end: text.slice(last + '</w:tr>'.length) };
      }
    }
    this.tables.set(key, shape);
    return shape;
  }

  /** The paragraph's XML, or null when docx must make it (a heading, a link, a picture). */
  xml(p: LightParagraph): string | null {
    const { heading, style } = p.options;
    if (heading !== undefined || (style !== undefined && /heading/i.test(style))) return null;
    for (const c of p.children) if (!(c instanceof TextSpan) && !isPlainComponent(c)) return null;
    const shell = this.shell(p.options);
    if (!shell) return null;
    const stack = this.context.stack;
    stack.push(shell.paragraph);
    try {
      let inner = shell.properties;
      for (const c of p.children) {
        if (c instanceof TextSpan) {
          const run = this.run(c.options);
          if (!run) return null;
          inner += run[0] + escapeXml(c.options.text) + run[1];
        } else {
          for (const part of c instanceof Bookmark ? c.writtenAs : [c]) {
            const xml = (part as BaseXmlComponent).prepForXml(this.context);
            if (xml) inner += xmlOf(xml);
          }
        }
      }
      return inner === '' ? '<w:p/>' : `<w:p>${inner}</w:p>`;
    } finally {
      stack.pop();
    }
  }

  /** The paragraph's properties as docx writes them for these options (a list's each time, as that registers its numbering). */
  private shell(options: Omit<IParagraphOptions, 'children'>): { paragraph: Paragraph; properties: string } | null {
    const numbered = options.numbering !== undefined;
    const key = numbered ? '' : JSON.stringify(options);
    if (!numbered && this.shells.has(key)) return this.shells.get(key)!;
    const paragraph = new Paragraph(options);
    const prepared = paragraph.prepForXml(this.context);
    const text = prepared ? xmlOf(prepared) : '';
    const properties = text === '<w:p/>' ? '' : text.startsWith('<w:p><w:pPr') && text.endsWith('</w:pPr></w:p>') ? text.slice('<w:p>'.length, -'</w:p>'.length) : null;
    const shell = properties === null ? null : { paragraph, properties };
    if (!numbered) this.shells.set(key, shell);
    return shell;
  }

  /** A run's XML before and after its text, for these options. */
  private run(options: IRunOptions): [string, string] | null {
    const { text: _text, ...rest } = options as IRunOptions & { text?: string };
    const key = JSON.stringify(rest);
    const known = this.runs.get(key);
    if (known !== undefined) return known;
    const run = new TextRun({ ...rest, text: STAND_IN });
    const prepared = run.writtenAs === undefined ? run.prepForXml(this.context) : undefined;
    const parts = prepared ? xmlOf(prepared).split(STAND_IN) : [];
    const template: [string, string] | null = parts.length === 2 ? [parts[0], parts[1]] : null;
    this.runs.set(key, template);
    return template;
  }
}

interface TableShape {
  start: string;
  header?: string[];
  body?: string[];
  end: string;
}

/** The text a run's template is made with: found once in docx's XML of the run, where no option writes it. */
const STAND_IN = '\uFDD0';

/** The components a light paragraph may hold besides text, each formatted on its own. */
function isPlainComponent(c: Inline): boolean {
  if (c instanceof FootnoteReferenceRun || c instanceof SimpleField) return true;
  if (c instanceof Bookmark) return c.writtenAs.every((part) => part instanceof BookmarkStart || part instanceof BookmarkEnd || part instanceof FootnoteReferenceRun);
  return false;
}
