// Generates the extension icons (PNG) without any image library: a teal rounded square with a white
// "follow-up" chevron. Run once with `node scripts/make-icons.mjs`; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const distSeg = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
function icon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.22, stroke = size * 0.11;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const px = x + 0.5, py = y + 0.5;
      // rounded square coverage (1px anti-aliasing)
      const qx = Math.max(r - px, 0, px - (size - r)), qy = Math.max(r - py, 0, py - (size - r));
      const cover = Math.max(0, Math.min(1, r - Math.hypot(qx, qy) + 0.5));
      // two chevrons ">>": the follow-up
      const u = px / size, v = py / size;
      const d = Math.min(
        distSeg(u, v, 0.28, 0.28, 0.48, 0.5), distSeg(u, v, 0.48, 0.5, 0.28, 0.72),
        distSeg(u, v, 0.5, 0.28, 0.7, 0.5), distSeg(u, v, 0.7, 0.5, 0.5, 0.72)) * size;
      const white = Math.max(0, Math.min(1, stroke / 2 - d + 0.5));
      const base = [15, 118, 110]; // teal-700
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(base[i] * (1 - white) + 255 * white);
      raw[o + 3] = Math.round(255 * cover);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
for (const s of [16, 32, 48, 128]) writeFileSync(new URL(`../icons/icon-${s}.png`, import.meta.url), icon(s));
console.log('icons written');
