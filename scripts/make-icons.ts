/**
 * Draws the toolbar and store icons (a shield with a keyhole) as PNGs into public/icons/. Run once when the design
 * changes: `npx tsx scripts/make-icons.ts`. Written by hand to avoid an image dependency for four small files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Coverage of a unit-square shield at (u, v) in [0,1]², supersampled for smooth edges. */
function shield(u: number, v: number): 'out' | 'body' | 'hole' {
  const half = v < 0.55 ? 0.42 : 0.42 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.4) ** 2));
  if (v < 0.06 || v > 0.95 || Math.abs(u - 0.5) > half) return 'out';
  const inCircle = (u - 0.5) ** 2 + (v - 0.4) ** 2 < 0.11 ** 2;
  const inSlot = Math.abs(u - 0.5) < 0.05 && v > 0.4 && v < 0.72;
  return inCircle || inSlot ? 'hole' : 'body';
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const samples = 4;
  const image = png(size, (x, y) => {
    let body = 0;
    let hole = 0;
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const kind = shield((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size);
        if (kind === 'body') body++;
        if (kind === 'hole') hole++;
      }
    }
    const n = samples * samples;
    const alpha = Math.round(((body + hole) / n) * 255);
    const mix = hole / Math.max(1, body + hole);
    const lerp = (a: number, b: number) => Math.round(a + (b - a) * mix);
    return [lerp(11, 255), lerp(92, 255), lerp(173, 255), alpha];
  });
  writeFileSync(`public/icons/icon-${size}.png`, image);
}
