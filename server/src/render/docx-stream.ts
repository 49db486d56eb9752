import { Body, Packer, Paragraph, TableOfContents, TextRun, XmlComponent, type Document, type IContext, type IXmlableObject, type SectionProperties } from 'docx';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import { FastParagraphs, LightParagraph, LightTable } from './docx-fast.js';
import { xmlOf } from './docx-xml.js';

/**
 * Packs a Word document whose body is written one block at a time. docx packs a document by
 * turning its whole component tree into one tree of XML objects, then one string, then the
 * zip file; for a report of 10 MB that held the components, the XML objects and the string
 * of every block at once (most of the export's 1.9 GB) and took most of its time. Here docx
 * packs the document with one marker paragraph for a body (everything else is docx's own:
 * styles, numbering, footnotes, settings, headers, relationships, the title page's section),
 * while the body's blocks are written one after the other, each to its string, and let go of
 * before the next is made: plain paragraphs and tables from docx's XML of their shapes
 * (`docx-fast.ts`), everything else formatted by docx's own components. The package is then
 * zipped as a stream, with the body in pieces.
 *
 * What formatting a block registers on the document lands where docx's packing would put it:
 * a link's relationship and a list's numbering instance are registered on the document's
 * parts before docx packs them, in the body's order, as when docx formats the body first. Three
 * things docx does after formatting the whole body are done here the same way:
 *
 * - The table of contents is filled in from the headings by docx's own `Body`: a body of just
 *   the table and the blocks that can be headings (`MAY_BE_HEADING`), kept as XML objects until
 *   then, the others never being headings.
 * - The placeholders docx writes for the ids of pictures and lists (`{key}`) are given to docx
 *   in the marker paragraph, so that its packing adds the pictures' relationships and replaces
 *   them there; the body's are then replaced with the same values.
 * - A table's width is that of the section it is in: every block streamed is in the body's
 *   last section, whose properties docx gives for the marker.
 *
 * The result is the file docx makes of the whole body, part for part (`test/docx-stream.test.ts`
 * compares them for every sample, fixture and a generated report of 1 MB).
 */
export async function packStreamed(doc: Document, marker: StreamMarker, blocks: Iterable<XmlComponent | LightParagraph | LightTable>): Promise<Uint8Array> {
  const view = doc.Document.View;
  const body = view.Body;
  const context: IContext = { file: doc, viewWrapper: doc.Document, stack: [view, body] };
  const lastSection = body.getSectionPropertiesFor(marker.paragraph);
  const lookUp = body.getSectionPropertiesFor.bind(body);
  let current: XmlComponent | undefined;
  body.getSectionPropertiesFor = (child?: XmlComponent): SectionProperties | undefined => child !== undefined && child === current ? lastSection : lookUp(child);

  // The body as UTF-8 bytes, with the blocks the table of contents may still change as objects
  // and the few pieces that may hold a placeholder as strings. Bytes take a third to a half of
  // what the strings did (a piece with one Swedish letter is held at two bytes a character),
  // and the body is held whole until docx has packed the rest: 10 MB of report is about
  // 100 MB of body XML.
  const pieces: (string | Uint8Array | IXmlableObject)[] = [];
  const keep = (text: string): void => {
    pieces.push(mayHoldKey(text) ? text : strToU8(text));
  };
  const kept: IXmlableObject[] = [];
  let hasContents = false;
  const format = (block: XmlComponent): IXmlableObject => {
    current = block;
    const xml = block.prepForXml(context);
    current = undefined;
    if (!xml) throw new Error('A docx component did not format.');
    return xml;
  };
  const add = (block: XmlComponent): void => {
    const xml = format(block);
    if (block instanceof TableOfContents) {
      hasContents = true;
      kept.push(xml);
      pieces.push(xml);
      return;
    }
    const text = xmlOf(xml);
    if (MAY_BE_HEADING.test(text)) {
      kept.push(xml);
      pieces.push(xml);
    } else keep(text);
  };
  const fast = new FastParagraphs(context, format);
  let count = 0;
  for (const block of blocks) {
    count++;
    if (block instanceof LightParagraph || block instanceof LightTable) {
      const text = block instanceof LightParagraph ? fast.xml(block) : fast.table(block);
      if (text !== null) keep(text);
      else add(block.component());
    } else add(block);
  }
  // docx's body is never empty: a report without any gets one empty paragraph.
  if (count === 0) add(new Paragraph(''));

  if (hasContents) {
    // docx's own Body fills its tables of contents in when it is formatted, in place.
    const contents = new Body();
    for (const xml of kept) contents.push(new Formatted(xml));
    contents.prepForXml(context);
  }
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (typeof piece !== 'string' && !(piece instanceof Uint8Array)) pieces[i] = xmlOf(piece);
  }

  // The placeholders docx could give a value: a picture's key (its hash and extension) and a
  // list's (its reference and instance). Other text in braces is the report's and stays.
  // Pieces held as bytes have none (`mayHoldKey`).
  const keys = new Set<string>();
  for (const piece of pieces) {
    if (typeof piece !== 'string') continue;
    for (const m of piece.matchAll(PLACEHOLDER)) if (PLACEHOLDER_KEY.test(m[1])) keys.add(m[1]);
  }
  const asked = [...keys];
  for (const key of asked) marker.paragraph.addChildElement(new TextRun(`{${key}}`));

  const packed = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
  const documentXml = strFromU8(packed[DOCUMENT_PART]);
  const at = documentXml.indexOf(marker.token);
  const start = documentXml.lastIndexOf('<w:p>', at);
  const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || start < 0 || end < at) throw new Error('The marker of the streamed body was not found.');
  const answers = [...documentXml.slice(start, end).matchAll(RUN_TEXT)].map((m) => m[1]);
  if (answers.length !== asked.length + 1) throw new Error('The placeholders of the streamed body were not answered.');
  const values = new Map<string, string>();
  asked.forEach((key, i) => {
    if (answers[i + 1] !== `{${key}}`) values.set(key, answers[i + 1]);
  });

  // The package is zipped as a stream, the body in pieces, so that neither the whole body's
  // text nor its bytes are ever made: only the compressed file grows.
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(packed)) {
    const file = new ZipDeflate(name, { level: LEVEL });
    zip.add(file);
    if (name !== DOCUMENT_PART) {
      file.push(data, true);
      continue;
    }
    // The pieces go to the compressor in batches of about BATCH bytes, each let go once sent.
    let batch: Uint8Array[] = [strToU8(documentXml.slice(0, start))];
    let size = batch[0].length;
    const flush = (last: boolean) => {
      file.push(batch.length === 1 ? batch[0] : concatBytes(batch, size), last);
      batch = [];
      size = 0;
    };
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string | Uint8Array;
      const bytes = typeof piece !== 'string' ? piece : strToU8(values.size === 0 ? piece : piece.replace(PLACEHOLDER, (m, key: string) => values.get(key) ?? m));
      pieces[i] = '';
      batch.push(bytes);
      size += bytes.length;
      if (size >= BATCH) flush(false);
    }
    const tail = strToU8(documentXml.slice(end));
    batch.push(tail);
    size += tail.length;
    flush(true);
  }
  zip.end();
  return concatBytes(chunks, chunks.reduce((n, c) => n + c.length, 0));
}

/** The arrays one after another, in one array of `size` bytes. */
function concatBytes(parts: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of parts) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

/** Whether a piece of body XML has text in braces that could be a placeholder docx answers. */
function mayHoldKey(text: string): boolean {
  if (!text.includes('{')) return false;
  for (const m of text.matchAll(PLACEHOLDER)) if (PLACEHOLDER_KEY.test(m[1])) return true;
  return false;
}

/** The paragraph that stands for the body while docx packs the rest, and the text that finds it. */
export interface StreamMarker {
  paragraph: Paragraph;
  token: string;
}

export function streamMarker(): StreamMarker {
  // A text no report has: it is looked up in docx's output.
  const token = `GranskaStreamedBody${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  return { paragraph: new Paragraph({ children: [new TextRun(token)] }), token };
}

const DOCUMENT_PART = 'word/document.xml';
/** DEFLATE's level, docx's own (fflate's default): level 4 saves a third of the zip's time for a quarter larger a file. */
const LEVEL = 6;
/** How much of the body's text is encoded and compressed at a time. */
const BATCH = 1 << 16;
/**
 * A block docx's table of contents could list: a paragraph in a heading style (docx's
 * `Heading1` to `Heading6`; a style is a heading by its name «heading N», and the styles the
 * writer defines are named as their ids) or with an outline level of its own. List items,
 * quotes and the grade lines have styles too, but none of these, and are written at once.
 */
const MAY_BE_HEADING = /<w:pStyle w:val="[^"]*heading|<w:outlineLvl /i;
/** docx's placeholder syntax (`PLACEHOLDER` in its packer). */
const PLACEHOLDER = /\{([^{}]+)\}/g;
/** The keys docx makes: a picture's `<sha1>.<ext>`, a list's `<reference>-<instance>` or `<reference>-restart <id>`. */
const PLACEHOLDER_KEY = /^[A-Za-z0-9_.\- ]+$/;
const RUN_TEXT = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;

/** A block already formatted, given to docx's `Body` as it is. */
class Formatted extends XmlComponent {
  constructor(private readonly xml: IXmlableObject) {
    super('');
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}
