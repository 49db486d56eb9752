import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

/**
 * Draws the extension icon (128×128 PNG): a report page on a dark blue tile with a green
 * check mark. Drawn in code so that it can be regenerated without an image editor:
 * `npx tsx scripts/make-icon.ts`.
 */
const SIZE = 128;
const px = new Uint8Array(SIZE * SIZE * 4);

function blend(x: number, y: number, [r, g, b]: [number, number, number], a: number): void {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || a <= 0) return;
  const i = (y * SIZE + x) * 4;
  const under = px[i + 3] / 255;
  const out = a + under * (1 - a);
  px[i] = Math.round((r * a + px[i] * under * (1 - a)) / out);
  px[i + 1] = Math.round((g * a + px[i + 1] * under * (1 - a)) / out);
  px[i + 2] = Math.round((b * a + px[i + 2] * under * (1 - a)) / out);
  px[i + 3] = Math.round(out * 255);
}

/** Fills a shape given by a signed-distance-like inside test, with 4×4 supersampling. */
function fill(inside: (x: number, y: number) => boolean, color: [number, number, number]): void {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
      blend(x, y, color, hits / 16);
    }
  }
}

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};

const segment = (ax: number, ay: number, bx: number, by: number, w: number) => (x: number, y: number) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= (w / 2) ** 2;
};

fill(roundedRect(4, 4, 124, 124, 22), [31, 78, 121]);
fill(roundedRect(30, 18, 98, 110, 6), [250, 250, 247]);
for (const [y, x1] of [[36, 84], [50, 84], [64, 70]] as const) fill(roundedRect(42, y - 3, x1, y + 3, 3), [150, 165, 180]);
fill(segment(50, 86, 64, 99, 11), [46, 160, 67]);
fill(segment(64, 99, 94, 66, 11), [46, 160, 67]);

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) Buffer.from(px.buffer, y * SIZE * 4, SIZE * 4).copy(raw, y * (SIZE * 4 + 1) + 1);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
fs.writeFileSync(path.resolve(__dirname, '..', 'images', 'icon.png'), png);
console.log('images/icon.png', png.length, 'bytes');
