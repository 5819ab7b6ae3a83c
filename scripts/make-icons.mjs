#!/usr/bin/env node
// Writes the add-in icons (assets/icon-{16,32,64,80,128}.png): a green rounded square with a
// white "CC". Node only (zlib + a hand-written PNG encoder), so it runs anywhere `npm` does.
// The PNGs are committed; rerun with `npm run icons` after changing the drawing.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x10, 0x7c, 0x41]; // Excel green
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage of one point in unit coordinates (0..1): 0 outside, 1 background, 2 letter. */
function shade(u, v) {
  // rounded square
  const r = 0.16;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return 0;
  // two letters C, centred at (0.31, 0.5) and (0.69, 0.5)
  for (const cx of [0.31, 0.69]) {
    const x = u - cx;
    const y = v - 0.5;
    const d = Math.hypot(x / 0.8, y);
    const opening = x > 0 && Math.abs(y) < x * 0.75; // the gap of the C, facing right
    if (d >= 0.13 && d <= 0.23 && !opening) return 2;
  }
  return 1;
}

mkdirSync(OUT, { recursive: true });
const SS = 4; // supersampling per axis
for (const size of SIZES) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let letter = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const s = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (s > 0) inside++;
          if (s === 2) letter++;
        }
      }
      const o = (py * size + px) * 4;
      const t = inside ? letter / inside : 0;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(GREEN[c] * (1 - t) + WHITE[c] * t);
      rgba[o + 3] = Math.round((255 * inside) / (SS * SS));
    }
  }
  const file = join(OUT, `icon-${size}.png`);
  writeFileSync(file, png(size, rgba));
  console.log(`wrote ${file}`);
}
