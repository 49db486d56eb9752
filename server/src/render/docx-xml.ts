import type { IXmlableObject } from 'docx';

/**
 * Writes the XML of an object that a docx component's `prepForXml` returns, byte for byte as
 * docx's own serializer (`stringifyXmlable` in docx 9, without indentation or declaration)
 * writes it. docx keeps that function to itself, and the streamed Word export
 * (`docx-stream.ts`) writes the body one block at a time instead of handing docx the whole
 * body, so it needs the same function. docx's writes the shapes the `xml` package once wrote,
 * quirks and all (a text child replaces the child before it), and so does this one; the
 * export's tests compare every part of the file with what docx writes for the whole body.
 */
export function xmlOf(data: IXmlableObject): string {
  return format(resolve(data));
}

interface Resolved {
  name: string | undefined;
  attributes: string[];
  content: (Resolved | string | number | undefined)[];
}

// Characters XML forbids are dropped; the others that markup uses are escaped.
const ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** A text or attribute value as docx writes it. */
export function escapeXml(value: string): string {
  return value.replace(ESCAPE, (c) => ESCAPES[c] ?? '');
}

function escapeValue<T>(value: T): T | string {
  return typeof value === 'string' ? escapeXml(value) : value;
}

function resolve(data: IXmlableObject): Resolved {
  const name = Object.keys(data)[0];
  const values: unknown = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: Resolved['content'] = [];
  const addAttributes = (attr: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${String(escapeValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values as unknown[]) {
          if (typeof value === 'object') {
            const child = value as IXmlableObject;
            if (Object.keys(child)[0] === '_attr') addAttributes(child._attr as Record<string, unknown>);
            else content.push(resolve(child));
          } else {
            content.pop();
            isStringContent = true;
            content.push(escapeValue(value) as string | number | undefined);
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values) as string | number | undefined);
  return { name, attributes, content };
}

function format(element: Resolved | string | number): string {
  if (typeof element !== 'object') return String(element);
  const { name, attributes, content } = element;
  const open = (name ? `<${name}` : '') + (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') + (content.length > 0 ? (name ? '>' : '') : '/>');
  if (content.length === 0) return open;
  // Joined, not appended: a string built by \`+=\` is a tree of its pieces until it is read,
  // which for a body of tens of megabytes held in pieces takes many times its size.
  return open + content.map((child) => (child === undefined ? '' : format(child))).join('') + (name ? `</${name}>` : '');
}
