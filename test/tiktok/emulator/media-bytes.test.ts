import { inflateSync } from 'node:zlib';
import {
  readImageHeader,
  readVideoHeader,
  solidPng,
} from '../../../src/tiktok/emulator/media-bytes';
import { jpegFile, mp3File, mp4File, pngFile } from '../../support/media-files';

// ITU T.81 (JPEG markers), PNG spec §11.2.2 (IHDR), ISO/IEC 14496-12 (`tkhd`, `mvhd`).
describe('readImageHeader', () => {
  it.each([
    ['PNG 9:16', pngFile(720, 1280), { format: 'png', width: 720, height: 1280 }],
    ['PNG 1×1', pngFile(1, 1), { format: 'png', width: 1, height: 1 }],
    ['JPEG 16:9', jpegFile(1920, 1080), { format: 'jpeg', width: 1920, height: 1080 }],
    ['JPEG square', jpegFile(640, 640), { format: 'jpeg', width: 640, height: 640 }],
  ])('reads %s', (_name, bytes, header) => {
    expect(readImageHeader(bytes)).toEqual(header);
  });

  it('reads a JPEG whose size sits after other segments (DHT is skipped, SOF2 read)', () => {
    const dht = Buffer.from([0xff, 0xc4, 0x00, 0x04, 0x00, 0x00]);
    const sof2 = Buffer.from([0xff, 0xc2, 0x00, 0x0b, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x01, 0x01]);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8]), dht, sof2, Buffer.from([0xff, 0xd9])]);
    expect(readImageHeader(bytes)).toEqual({ format: 'jpeg', width: 200, height: 300 });
  });

  it.each([
    ['an MP3', mp3File('a')],
    ['an MP4', mp4File(720, 1280)],
    ['a PNG cut inside its IHDR', pngFile(720, 1280).subarray(0, 20)],
    [
      'a PNG whose first chunk is not IHDR',
      Buffer.concat([pngFile(2, 2).subarray(0, 12), Buffer.from('IDAT'), Buffer.alloc(8)]),
    ],
    [
      'a JPEG with no SOF segment',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0xff, 0xd9, 0, 0]),
    ],
    [
      'a JPEG whose segments lose their markers',
      Buffer.from([0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]),
    ],
    ['text named .jpg', Buffer.from('not an image at all')],
    ['nothing', Buffer.alloc(0)],
  ])('finds no image in %s', (_name, bytes) => {
    expect(readImageHeader(bytes)).toBeNull();
  });
});

describe('readVideoHeader', () => {
  it.each([
    [
      'an MP4 9:16 of 15 s',
      mp4File(720, 1280),
      { format: 'mp4', width: 720, height: 1280, duration: 15 },
    ],
    [
      'an MP4 16:9 of 60 s',
      mp4File(1920, 1080, 60),
      { format: 'mp4', width: 1920, height: 1080, duration: 60 },
    ],
    [
      'a MOV (brand "qt  ")',
      mp4File(1080, 1080, 5, 'qt  '),
      { format: 'mov', width: 1080, height: 1080, duration: 5 },
    ],
  ])('reads %s', (_name, bytes, header) => {
    expect(readVideoHeader(bytes)).toEqual(header);
  });

  it('reads a version-1 mvhd (64-bit duration)', () => {
    const box = (type: string, body: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length + 8, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, body]);
    };
    const mvhd = Buffer.alloc(112);
    mvhd[0] = 1;
    mvhd.writeUInt32BE(600, 20); // timescale
    mvhd.writeBigUInt64BE(600n * 30n, 24); // 30 s
    const tkhd = Buffer.alloc(84);
    tkhd.writeUInt32BE(540 * 65536, 76);
    tkhd.writeUInt32BE(960 * 65536, 80);
    const bytes = Buffer.concat([
      box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1')),
      box('moov', Buffer.concat([box('mvhd', mvhd), box('trak', box('tkhd', tkhd))])),
    ]);
    expect(readVideoHeader(bytes)).toEqual({
      format: 'mp4',
      width: 540,
      height: 960,
      duration: 30,
    });
  });

  it.each([
    ['a PNG', pngFile(10, 10)],
    ['an MP3', mp3File('b')],
    ['an MP4 cut before its moov', mp4File(720, 1280).subarray(0, 30)],
    ['an MP4 whose moov box claims more bytes than there are', mp4File(720, 1280).subarray(0, 100)],
    ['nothing', Buffer.alloc(0)],
  ])('finds no video in %s', (_name, bytes) => {
    expect(readVideoHeader(bytes)).toBeNull();
  });
});

describe('solidPng', () => {
  it('is a PNG of that size the reader (and a decoder) agree on, in the one colour', () => {
    const png = solidPng(3, 2, [0x25, 0xf4, 0xee]);
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 3, height: 2 });
    // IDAT follows the 13-byte IHDR chunk (8 signature + 25 IHDR): length, type, data.
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const row = [0, 0x25, 0xf4, 0xee, 0x25, 0xf4, 0xee, 0x25, 0xf4, 0xee];
    expect([...raw]).toEqual([...row, ...row]);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });

  it('writes the CRC of each chunk as the PNG spec computes it (IEND is always AE426082)', () => {
    expect(solidPng(1, 1, [0, 0, 0]).subarray(-4).toString('hex')).toBe('ae426082');
  });
});
