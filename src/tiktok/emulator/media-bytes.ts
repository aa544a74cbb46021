/**
 * What the emulator reads from uploaded bytes, as TikTok does: the file type from its magic
 * bytes (never the name) and the pixel size from its header. JPEG (SOFn segment), PNG (IHDR),
 * MP4/MOV (ISO base media: `ftyp`, then `moov` → `trak` → `tkhd` width/height and `mvhd`
 * duration). Plus a tiny PNG encoder for the preview images the emulator serves for seeded
 * library items. Sources: ITU T.81 (JPEG markers), PNG spec §11.2.2 (IHDR), ISO/IEC 14496-12
 * (`tkhd`, `mvhd`).
 */
import { deflateSync } from 'node:zlib';

/** An image's type and size, read from its bytes. */
export interface ImageHeader {
  format: 'jpeg' | 'png';
  width: number;
  height: number;
}

/** A video's type, size and duration (seconds), read from its bytes. */
export interface VideoHeader {
  format: 'mp4' | 'mov';
  width: number;
  height: number;
  duration: number;
}

/**
 * The type and pixel size of a JPEG or PNG, or `null` when the bytes are neither (or the header
 * is cut short: a corrupt file).
 */
export function readImageHeader(data: Buffer): ImageHeader | null {
  if (data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    if (data.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
    return { format: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    let pos = 2;
    while (pos + 9 < data.length) {
      if (data[pos] !== 0xff) return null;
      const marker = data[pos + 1] ?? 0;
      const length = data.readUInt16BE(pos + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry height and width.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          format: 'jpeg',
          height: data.readUInt16BE(pos + 5),
          width: data.readUInt16BE(pos + 7),
        };
      }
      pos += 2 + length;
    }
    return null;
  }
  return null;
}

/** The boxes directly inside `data[start, end)`: type and payload bounds. */
function boxes(
  data: Buffer,
  start: number,
  end: number,
): { type: string; from: number; to: number }[] {
  const out: { type: string; from: number; to: number }[] = [];
  let pos = start;
  while (pos + 8 <= end) {
    let size = data.readUInt32BE(pos);
    const type = data.subarray(pos + 4, pos + 8).toString('latin1');
    let header = 8;
    if (size === 1 && pos + 16 <= end) {
      size = Number(data.readBigUInt64BE(pos + 8));
      header = 16;
    } else if (size === 0) size = end - pos;
    if (size < header || pos + size > end) break;
    out.push({ type, from: pos + header, to: pos + size });
    pos += size;
  }
  return out;
}

/**
 * The type, pixel size and duration of an MP4 or MOV, or `null` when the bytes are not one (no
 * `ftyp` box first) or have no readable `moov` (a corrupt or truncated file).
 */
export function readVideoHeader(data: Buffer): VideoHeader | null {
  const top = boxes(data, 0, data.length);
  const ftyp = top[0];
  if (ftyp?.type !== 'ftyp') return null;
  const brand = data.subarray(ftyp.from, ftyp.from + 4).toString('latin1');
  const moov = top.find((b) => b.type === 'moov');
  if (!moov) return null;
  const inner = boxes(data, moov.from, moov.to);
  const mvhd = inner.find((b) => b.type === 'mvhd');
  let duration = 0;
  if (mvhd) {
    const version = data[mvhd.from] ?? 0;
    const timescale = data.readUInt32BE(mvhd.from + (version === 1 ? 20 : 12));
    const units =
      version === 1
        ? Number(data.readBigUInt64BE(mvhd.from + 24))
        : data.readUInt32BE(mvhd.from + 16);
    duration = timescale > 0 ? units / timescale : 0;
  }
  for (const trak of inner.filter((b) => b.type === 'trak')) {
    const tkhd = boxes(data, trak.from, trak.to).find((b) => b.type === 'tkhd');
    if (!tkhd || tkhd.to - tkhd.from < 84) continue;
    // width and height are the last two 16.16 fixed-point fields of tkhd.
    const width = data.readUInt32BE(tkhd.to - 8) >>> 16;
    const height = data.readUInt32BE(tkhd.to - 4) >>> 16;
    if (width > 0 && height > 0)
      return { format: brand === 'qt  ' ? 'mov' : 'mp4', width, height, duration };
  }
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** A valid PNG of `width`×`height` pixels in one RGB colour (previews of seeded items). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
