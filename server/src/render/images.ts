import * as path from 'node:path';
import { imageSize } from 'image-size';
import { msg, type Msg } from '../i18n.js';
import { fromBase64, toBase64 } from '../io/base64.js';
import type { WorkspaceFiles } from '../io/files.js';
import { nodeFiles } from '../io/node.js';

/** A picture an export carries inside itself, with what Word needs to lay it out. */
export interface EmbeddedImage {
  data: Uint8Array;
  type: 'png' | 'jpg' | 'gif';
  width: number;
  height: number;
}

/**
 * What became of a picture the report names: embedded; refused (outside the workspace, not
 * a regular file, too large, over the export's total), which the renderer replaces by a
 * placeholder that says why; or unavailable (missing, not a picture), which is left as
 * written. Refused and unavailable pictures are reported to the user with their position.
 */
export type ImageOutcome =
  | { kind: 'embedded'; image: EmbeddedImage }
  | { kind: 'refused'; reason: Msg }
  | { kind: 'unavailable'; reason: Msg };

/** Finds the picture a report names by a relative path. */
export type ImageResolver = (src: string) => ImageOutcome;

/** How much an export may embed: one picture, and all pictures together. */
export interface ImageLimits {
  perImage: number;
  total: number;
}

/**
 * 20 MB for one picture (a scanned page at print resolution fits); 64 MB in all, which as
 * base64 in one HTML string stays far below what a JavaScript string can hold.
 */
export const IMAGE_LIMITS: ImageLimits = { perImage: 20 * 2 ** 20, total: 64 * 2 ** 20 };

const MIME: Record<EmbeddedImage['type'], string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif' };

export function dataUri(image: EmbeddedImage): string {
  return `data:${MIME[image.type]};base64,${toBase64(image.data)}`;
}

/** The image of a `data:` URI the renderer wrote, for the Word writer. */
export function fromDataUri(uri: string, width: number, height: number): EmbeddedImage | null {
  const m = /^data:image\/(png|jpeg|gif);base64,(.*)$/.exec(uri);
  if (!m) return null;
  return { type: m[1] === 'jpeg' ? 'jpg' : (m[1] as 'png' | 'gif'), data: fromBase64(m[2]), width, height };
}

/**
 * The workspace of a report for the command line: the nearest folder, from the report's own
 * upwards, that holds `.granskarc.json` or `.git`, else the report's own folder. Pictures
 * are embedded only from inside it.
 */
export function workspaceOf(file: string, files: WorkspaceFiles = nodeFiles): string {
  const start = path.dirname(realOr(file, files));
  for (let dir = start; ; ) {
    if (files.stat(path.join(dir, '.granskarc.json')) || files.stat(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

function realOr(p: string, files: WorkspaceFiles): string {
  return files.realpath(p) ?? path.resolve(p);
}

/** Whether `file` (a real path) is `root` (a real path) or inside it. */
function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const MB = (n: number): string => String(Math.round(n / 2 ** 20));

/**
 * Reads pictures for one export: relative paths from the report's `folder`, resolved through
 * symlinks, only when the file is inside `root` (the workspace). Only regular files are
 * opened, without blocking (a named pipe cannot stall the export) and with the size limit
 * checked while reading (a link to `/dev/zero` cannot exhaust memory). Only PNG, JPEG and
 * GIF files whose content really is such a picture are embedded (checked by image-size, not
 * by the name), cut at the picture's own end so that data appended to it does not travel
 * with the export; SVG is left out since it can carry script. Each file is read once, and
 * the bytes embedded by all references together are capped.
 */
export function imagesFrom(folder: string, root: string, limits: ImageLimits = IMAGE_LIMITS, files: WorkspaceFiles = nodeFiles): ImageResolver {
  const realRoot = realOr(root, files);
  const cache = new Map<string, ImageOutcome>();
  let total = 0;
  return (src) => {
    const outcome = readPicture(src);
    if (outcome.kind !== 'embedded') return outcome;
    const size = outcome.image.data.length;
    if (total + size > limits.total) {
      return { kind: 'refused', reason: msg(`exportens bilder får sammanlagt vara högst ${MB(limits.total)} MB`, `the export's pictures may total at most ${MB(limits.total)} MB`) };
    }
    total += size;
    return outcome;
  };

  function readPicture(src: string): ImageOutcome {
    let name: string;
    try {
      name = decodeURIComponent(src.split(/[?#]/)[0]);
    } catch {
      return { kind: 'unavailable', reason: msg('sökvägen går inte att läsa', 'the path cannot be read') };
    }
    // Decoded first, so that `%2Fetc%2F…` is seen for the absolute path it is.
    // Absolute in either system's sense (`/…`, `\…`, `C:…`), written out so that the browser
    // build's POSIX-only path module gives the same answer.
    if (name.includes('\0') || /^[\\/]/.test(name) || /^[a-z]:/i.test(name)) {
      return { kind: 'refused', reason: msg('bara sökvägar relativt rapporten bäddas in', 'only paths relative to the report are embedded') };
    }
    if (!/\.(png|jpe?g|gif)$/i.test(name)) {
      return { kind: 'unavailable', reason: msg('bara PNG-, JPEG- och GIF-bilder bäddas in', 'only PNG, JPEG and GIF pictures are embedded') };
    }
    const real = files.realpath(path.resolve(folder, name));
    if (real === null) return { kind: 'unavailable', reason: msg('filen finns inte', 'the file does not exist') };
    if (!inside(realRoot, real)) {
      return { kind: 'refused', reason: msg(`filen ligger utanför arbetsytan ${realRoot}`, `the file is outside the workspace ${realRoot}`) };
    }
    const known = cache.get(real);
    if (known) return known;
    const outcome = readFile(real);
    cache.set(real, outcome);
    return outcome;
  }

  function readFile(real: string): ImageOutcome {
    const read = files.readRegular(real, limits.perImage);
    if (!read.ok) {
      if (read.reason === 'not-regular') return { kind: 'refused', reason: msg('det är ingen vanlig fil', 'it is not a regular file') };
      if (read.reason === 'too-large') return { kind: 'refused', reason: msg(`bilden är större än ${MB(limits.perImage)} MB`, `the picture is larger than ${MB(limits.perImage)} MB`) };
      return { kind: 'unavailable', reason: msg(`filen går inte att läsa (${read.code})`, `the file cannot be read (${read.code})`) };
    }
    const data = read.value;
    let type: EmbeddedImage['type'] | null = null;
    let width = 0;
    let height = 0;
    try {
      const size = imageSize(data);
      type = size.type === 'jpg' || size.type === 'png' || size.type === 'gif' ? size.type : null;
      width = size.width ?? 0;
      height = size.height ?? 0;
    } catch {
      type = null;
    }
    if (!type || !width || !height) {
      return { kind: 'unavailable', reason: msg('filen är ingen PNG-, JPEG- eller GIF-bild', 'the file is not a PNG, JPEG or GIF picture') };
    }
    const end = imageEnd(data, type);
    if (end === null) return { kind: 'unavailable', reason: msg('bilden är ofullständig', 'the picture is incomplete') };
    // A copy, so that what was read after the picture's end is not kept alive with it.
    return { kind: 'embedded', image: { data: new Uint8Array(data.subarray(0, end)), type, width, height } };
  }
}

/**
 * Where a picture's data ends (PNG's IEND chunk, JPEG's EOI marker, GIF's trailer), found by
 * walking its structure, or null when the end is missing.
 */
export function imageEnd(data: Uint8Array, type: EmbeddedImage['type']): number | null {
  if (type === 'png') return pngEnd(data);
  if (type === 'jpg') return jpegEnd(data);
  return gifEnd(data);
}

function pngEnd(d: Uint8Array): number | null {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  // Chunks: length, type, data, CRC; the signature is 8 bytes.
  for (let at = 8; at + 12 <= d.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(d[at + 4], d[at + 5], d[at + 6], d[at + 7]);
    const next = at + 12 + length;
    if (next > d.length) return null;
    if (type === 'IEND') return next;
    at = next;
  }
  return null;
}

function jpegEnd(d: Uint8Array): number | null {
  let at = 2;
  while (at + 1 < d.length) {
    if (d[at] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (at < d.length && d[at] === 0xff) at++;
    if (at >= d.length) return null;
    const marker = d[at++];
    if (marker === 0xd9) return at;
    // Markers without a length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > d.length) return null;
    const length = (d[at] << 8) | d[at + 1];
    at += length;
    if (at > d.length) return null;
    if (marker !== 0xda) continue;
    // After a start of scan comes entropy-coded data, where 0xFF is followed by 0x00 (a
    // stuffed byte) or a restart marker; any other marker ends the scan.
    while (at + 1 < d.length && !(d[at] === 0xff && d[at + 1] !== 0x00 && !(d[at + 1] >= 0xd0 && d[at + 1] <= 0xd7))) at++;
  }
  return null;
}

function gifEnd(d: Uint8Array): number | null {
  if (d.length < 13) return null;
  const colourTable = (flags: number): number => (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let at = 13 + colourTable(d[10]);
  const skipSubBlocks = (): boolean => {
    while (at < d.length) {
      const size = d[at++];
      if (size === 0) return true;
      at += size;
    }
    return false;
  };
  while (at < d.length) {
    const block = d[at++];
    if (block === 0x3b) return at;
    if (block === 0x21) {
      at++;
      if (!skipSubBlocks()) return null;
    } else if (block === 0x2c) {
      if (at + 9 > d.length) return null;
      at += 9 + colourTable(d[at + 8]);
      // The LZW minimum code size, then the image data.
      at++;
      if (!skipSubBlocks()) return null;
    } else return null;
  }
  return null;
}
