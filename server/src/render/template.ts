import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { msg } from '../i18n.js';
import { ExportError } from './export-error.js';

/**
 * Puts a Word export into a firm's own template (.dotx or .docx), the way pandoc's
 * `--reference-doc` does: the template gives the styles, matched by Word's built-in names
 * («heading 1», «Title», «Quote», «footnote text», «Body Text», «Table»), whatever their ids
 * are in the template's language (a Swedish Word calls Heading 1 «Rubrik1»); the theme (its
 * fonts and colours); the page size and margins; and the headers and footers with their
 * pictures (the logo), including a different first page when the template marks one. The
 * report's content, footnotes and lists stay the export's own. In headers and footers,
 * `{{titel}}`, `{{kommun}}`, `{{datum}}` and `{{författare}}` are replaced by the report's.
 */
export interface TemplateFields {
  titel: string;
  kommun?: string;
  datum?: string;
  författare: string[];
}

const W_HEADER = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
const W_FOOTER = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
const W_THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const DOCUMENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const TEMPLATE_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';

/** Reads a template's parts; a file that is no Word document gives a clear error. */
export function readTemplate(bytes: Uint8Array, name: string): Unzipped {
  let files: Unzipped;
  try {
    files = unzipSync(bytes);
  } catch {
    files = {};
  }
  if (!files['word/document.xml'] || !files['word/styles.xml'] || !files['[Content_Types].xml']) {
    throw new ExportError(msg(
      `Wordmallen ${name} är inte ett Word-dokument (.dotx eller .docx). Spara mallen i Word som "Word-mall (*.dotx)".`,
      `The Word template ${name} is not a Word document (.dotx or .docx). Save the template in Word as "Word Template (*.dotx)".`,
    ));
  }
  return files;
}

export function applyTemplate(exported: Uint8Array, template: Unzipped, fields: TemplateFields): Uint8Array {
  const files = unzipSync(exported);
  const text = (name: string, from: Unzipped = files): string => (from[name] ? strFromU8(from[name]) : '');
  const put = (name: string, xml: string): void => {
    files[name] = strToU8(xml);
  };

  // Styles: the template's, with the export's own added where the template has none.
  const { styles, ids } = mergeStyles(text('word/styles.xml'), text('word/styles.xml', template));
  put('word/styles.xml', styles);
  const bodyText = styleIdByName(styles, 'paragraph', 'body text');
  const tableStyle = styleIdByName(styles, 'table', 'table');
  for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    if (!files[part]) continue;
    let xml = renameStyleReferences(text(part), ids);
    if (part === 'word/document.xml') {
      if (bodyText) xml = styleBodyParagraphs(xml, bodyText);
      if (tableStyle) xml = xml.replace(/<w:tblPr>(?!<w:tblStyle)/g, `<w:tblPr><w:tblStyle w:val="${tableStyle}"/>`);
    }
    put(part, xml);
  }

  // The theme, whose fonts and colours the template's styles name.
  const templateRels = relationships(text('word/_rels/document.xml.rels', template));
  const theme = templateRels.find((r) => r.type === W_THEME);
  if (theme && template[`word/${theme.target}`]) {
    const ours = relationships(text('word/_rels/document.xml.rels')).find((r) => r.type === W_THEME);
    if (ours) files[`word/${ours.target}`] = template[`word/${theme.target}`];
  }

  // Headers and footers, with the parts they use, under names of their own.
  const section = lastSectionProperties(text('word/document.xml', template));
  let rels = text('word/_rels/document.xml.rels');
  let types = text('[Content_Types].xml');
  const references: string[] = [];
  let n = 0;
  for (const ref of section.matchAll(/<w:(header|footer)Reference\b[^>]*\/>/g)) {
    const kind = ref[1] as 'header' | 'footer';
    const type = /w:type="([^"]+)"/.exec(ref[0])?.[1] ?? 'default';
    const id = /r:id="([^"]+)"/.exec(ref[0])?.[1];
    const target = templateRels.find((r) => r.id === id)?.target;
    if (!target || !template[`word/${target}`]) continue;
    n++;
    const part = `granska-mall-${kind}${n}.xml`;
    put(`word/${part}`, fillPlaceholders(text(`word/${target}`, template), fields));
    const partRels = text(`word/_rels/${target}.rels`, template);
    if (partRels) put(`word/_rels/${part}.rels`, copyRelatedParts(partRels, template, files, `granska-mall-${n}-`));
    const rid = `rIdGranskaMall${n}`;
    rels = rels.replace('</Relationships>', `<Relationship Id="${rid}" Type="${kind === 'header' ? W_HEADER : W_FOOTER}" Target="${part}"/></Relationships>`);
    types = types.replace('</Types>', `<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml" PartName="/word/${part}"/></Types>`);
    references.push(`<w:${kind}Reference w:type="${type}" r:id="${rid}"/>`);
  }
  // Picture formats the template's parts use that the export does not declare.
  for (const d of text('[Content_Types].xml', template).matchAll(/<Default\b[^>]*Extension="([^"]+)"[^>]*\/>/g)) {
    if (!new RegExp(`Extension="${d[1]}"`, 'i').test(types)) types = types.replace('</Types>', `${d[0]}</Types>`);
  }
  put('word/_rels/document.xml.rels', rels);
  put('[Content_Types].xml', types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE));

  // Every section gets the template's page and headers; the first also its first page.
  const pageSize = /<w:pgSz\b[^>]*\/>/.exec(section)?.[0];
  const margins = /<w:pgMar\b[^>]*\/>/.exec(section)?.[0];
  const titlePage = /<w:titlePg(?:\s+w:val="(?:1|true|on)")?\s*\/>/.test(section);
  let index = 0;
  const document = text('word/document.xml').replace(/<w:sectPr\b([^>]*)>([\s\S]*?)<\/w:sectPr>/g, (_, attributes: string, inner: string) => {
    let body = inner.replace(/<w:(header|footer)Reference\b[^>]*\/>/g, '').replace(/<w:titlePg\b[^>]*\/>/g, '');
    if (pageSize) body = body.replace(/<w:pgSz\b[^>]*\/>/, pageSize);
    if (margins) body = body.replace(/<w:pgMar\b[^>]*\/>/, margins);
    if (titlePage && index === 0) body = body.includes('<w:docGrid') ? body.replace('<w:docGrid', '<w:titlePg/><w:docGrid') : `${body}<w:titlePg/>`;
    index++;
    return `<w:sectPr${attributes}>${references.join('')}${body}</w:sectPr>`;
  });
  put('word/document.xml', document);
  return zipSync(files, { level: 6 });
}

/** Marks a Word package as a template (.dotx) rather than a document. */
export function asTemplate(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']).replace(DOCUMENT_TYPE, TEMPLATE_TYPE));
  return zipSync(files, { level: 6 });
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*\/?>/g)].map((m) => ({
    id: /\bId="([^"]+)"/.exec(m[0])?.[1] ?? '',
    type: /\bType="([^"]+)"/.exec(m[0])?.[1] ?? '',
    target: (/\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? '').replace(/^\/word\//, ''),
    external: /TargetMode="External"/.test(m[0]),
  }));
}

/** Copies the pictures a header or footer uses under new names, and rewrites its relationships to them. */
function copyRelatedParts(relsXml: string, template: Unzipped, into: Unzipped, prefix: string): string {
  return relsXml.replace(/<Relationship\b[^>]*\/?>/g, (tag) => {
    if (/TargetMode="External"/.test(tag)) return tag;
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
    if (!target) return tag;
    const source = target.startsWith('/') ? target.slice(1) : `word/${target}`;
    const data = template[normalise(source)];
    if (!data) return tag;
    const slash = target.lastIndexOf('/');
    const renamed = `${target.slice(0, slash + 1)}${prefix}${target.slice(slash + 1)}`;
    into[normalise(renamed.startsWith('/') ? renamed.slice(1) : `word/${renamed}`)] = data;
    return tag.replace(/\bTarget="[^"]+"/, `Target="${renamed}"`);
  });
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function lastSectionProperties(documentXml: string): string {
  const all = [...documentXml.matchAll(/<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/g)];
  return all.length > 0 ? all[all.length - 1][0] : '';
}

interface StyleBlock {
  xml: string;
  id: string;
  type: string;
  name: string;
}

function styleBlocks(xml: string): StyleBlock[] {
  return [...xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].map((m) => ({
    xml: m[0],
    id: /w:styleId="([^"]+)"/.exec(m[0])?.[1] ?? '',
    type: /w:type="([^"]+)"/.exec(m[0])?.[1] ?? 'paragraph',
    name: normaliseName(/<w:name w:val="([^"]+)"/.exec(m[0])?.[1] ?? ''),
  }));
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

function styleIdByName(stylesXml: string, type: string, name: string): string | undefined {
  return styleBlocks(stylesXml).find((s) => s.type === type && s.name === normaliseName(name))?.id;
}

/**
 * The template's styles, with each export style the template lacks added, and the ids of
 * the export's styles as the template names them. Numbering that a template style points
 * at is dropped: the export numbers its headings in their text, and the template's
 * numbering definitions are not carried over.
 */
function mergeStyles(ours: string, theirs: string): { styles: string; ids: Map<string, string> } {
  const template = styleBlocks(theirs);
  const ids = new Map<string, string>();
  const added: string[] = [];
  const taken = new Set(template.map((s) => s.id));
  for (const style of styleBlocks(ours)) {
    const match = template.find((t) => t.type === style.type && t.name === style.name);
    if (match) {
      if (match.id !== style.id) ids.set(style.id, match.id);
    } else if (!taken.has(style.id)) {
      added.push(style.xml);
      taken.add(style.id);
    }
  }
  let styles = theirs.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/g, '').replace('</w:styles>', `${added.join('')}</w:styles>`);
  // A template made without a language still gives Swedish text (spelling, hyphenation, PDF).
  if (!/<w:docDefaults>[\s\S]*<w:lang\b[\s\S]*<\/w:docDefaults>/.test(styles)) {
    styles = styles.includes('<w:rPrDefault><w:rPr>')
      ? styles.replace('<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr><w:lang w:val="sv-SE"/>')
      : styles;
  }
  return { styles, ids };
}

function renameStyleReferences(xml: string, ids: Map<string, string>): string {
  if (ids.size === 0) return xml;
  return xml.replace(/<w:(pStyle|rStyle|tblStyle) w:val="([^"]+)"\/>/g, (tag, kind: string, id: string) => (ids.has(id) ? `<w:${kind} w:val="${ids.get(id)}"/>` : tag));
}

/** Body paragraphs without a style of their own get the template's «Body Text», outside tables, as pandoc does. */
function styleBodyParagraphs(xml: string, style: string): string {
  return xml.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/).map((chunk, i) => {
    if (i % 2 === 1) return chunk;
    return chunk
      .replace(/<w:p>(?!<w:pPr>)/g, `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>`)
      .replace(/<w:p><w:pPr>(?!<w:pStyle)((?:(?!<\/w:pPr>)[\s\S])*?)<\/w:pPr>/g, (whole, inner: string) => (inner.includes('<w:numPr>') ? whole : `<w:p><w:pPr><w:pStyle w:val="${style}"/>${inner}</w:pPr>`));
  }).join('');
}

function fillPlaceholders(xml: string, f: TemplateFields): string {
  const values: Record<string, string> = {
    titel: f.titel,
    kommun: f.kommun ?? '',
    datum: f.datum ?? '',
    författare: f.författare.join(', '),
  };
  return xml.replace(/\{\{\s*(titel|kommun|datum|författare)\s*\}\}/g, (_, key: string) => escapeXml(values[key]));
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
