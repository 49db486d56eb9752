import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageSize } from 'image-size';

/** A picture an export carries inside itself, with what Word needs to lay it out. */
export interface EmbeddedImage {
  data: Uint8Array;
  type: 'png' | 'jpg' | 'gif';
  width: number;
  height: number;
}

/** Finds the picture a report names by a relative path; null when it cannot be embedded. */
export type ImageResolver = (src: string) => EmbeddedImage | null;

const MIME: Record<EmbeddedImage['type'], string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif' };

export function dataUri(image: EmbeddedImage): string {
  return `data:${MIME[image.type]};base64,${Buffer.from(image.data).toString('base64')}`;
}

/** The image of a `data:` URI the renderer wrote, for the Word writer. */
export function fromDataUri(uri: string, width: number, height: number): EmbeddedImage | null {
  const m = /^data:image\/(png|jpeg|gif);base64,(.*)$/.exec(uri);
  if (!m) return null;
  return { type: m[1] === 'jpeg' ? 'jpg' : (m[1] as 'png' | 'gif'), data: Buffer.from(m[2], 'base64'), width, height };
}

/**
 * Reads pictures from the report's folder for the exports. Only relative paths to PNG,
 * JPEG or GIF files whose content really is such a picture are embedded (checked by
 * image-size, not by the name), so a report cannot pull another kind of file into an
 * export; SVG is left out since it can carry script.
 */
export function imagesFrom(folder: string): ImageResolver {
  return (src) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('#')) return null;
    let file: string;
    try {
      file = path.resolve(folder, decodeURIComponent(src.split(/[?#]/)[0]));
    } catch {
      return null;
    }
    if (!/\.(png|jpe?g|gif)$/i.test(file)) return null;
    let data: Buffer;
    try {
      if (fs.statSync(file).size > 20 * 2 ** 20) return null;
      data = fs.readFileSync(file);
    } catch {
      return null;
    }
    try {
      const size = imageSize(data);
      const type = size.type === 'jpg' || size.type === 'png' || size.type === 'gif' ? size.type : null;
      if (!type || !size.width || !size.height) return null;
      return { data, type, width: size.width, height: size.height };
    } catch {
      return null;
    }
  };
}
