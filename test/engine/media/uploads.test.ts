import { classifyFile, UPLOAD_LIMITS } from '../../../src/engine/media/uploads';
import { jpegFile, mp3File, mp4File, pngFile } from '../../support/media-files';

const file = (name: string, data: Buffer, extra = {}) => ({ name, data, ...extra });

describe('classifyFile', () => {
  it.each([
    ['song.mp3', mp3File('a'), 'music'],
    ['photo.png', pngFile(100, 100), 'image'],
    ['photo.jpg', jpegFile(100, 100), 'image'],
    ['clip.mp4', mp4File(720, 1280), 'video'],
  ])('%s is %s, by its bytes', async (name, data, kind) => {
    expect(await classifyFile(file(name, data))).toEqual({ ok: true, kind });
  });

  it('the name does not count: a PNG called .mp3 is an image', async () => {
    expect(await classifyFile(file('song.mp3', pngFile(10, 10)))).toEqual({
      ok: true,
      kind: 'image',
    });
  });

  it('a failed download: says why and to attach it again', async () => {
    const result = await classifyFile(
      file('a.png', Buffer.alloc(0), { download_error: 'HTTP 404' }),
    );
    expect(result).toEqual({
      ok: false,
      violation: {
        field: 'media',
        rule: 'upload.download_failed',
        message:
          'I could not download a.png from the chat (HTTP 404). Attach it again in a moment.',
      },
    });
  });

  it('empty, or a type not taken: refused with what is accepted', async () => {
    const empty = await classifyFile(file('a.png', Buffer.alloc(0)));
    expect(empty).toMatchObject({ ok: false, violation: { rule: 'upload.empty' } });
    const note = await classifyFile(file('a.png', Buffer.from('plain words, not an image')));
    expect(note).toMatchObject({ ok: false, violation: { rule: 'upload.wrong_type' } });
    expect(!note.ok && note.violation.message).toMatch(
      /^a\.png: its contents are not a file type I know, whatever its name says\. I take MP3 music/,
    );
  });

  it('over the size limit of its kind: names the size and the limit', async () => {
    const big = Buffer.concat([mp3File('b'), Buffer.alloc(UPLOAD_LIMITS.music_bytes)]);
    const result = await classifyFile(file('big.mp3', big));
    expect(result).toMatchObject({ ok: false, violation: { rule: 'upload.too_large' } });
    expect(!result.ok && result.violation.message).toMatch(
      /^big\.mp3: 10\.0 MB is over 10 MB for music\./,
    );
  });

  it('an image with more pixels than TikTok takes', async () => {
    const result = await classifyFile(file('huge.png', pngFile(2000, 2000)));
    expect(result).toMatchObject({ ok: false, violation: { rule: 'upload.too_many_pixels' } });
    expect(!result.ok && result.violation.message).toContain(
      '2000x2000 is more than 3,686,400 pixels.',
    );
  });

  it('an image whose header cannot be read', async () => {
    const broken = Buffer.concat([pngFile(10, 10).subarray(0, 8), Buffer.alloc(200)]);
    const result = await classifyFile(file('broken.png', broken));
    expect(result).toMatchObject({ ok: false, violation: { rule: 'upload.corrupt' } });
    expect(!result.ok && result.violation.message).toContain(
      'broken.png: it looks like a PNG but its header cannot be read (a damaged file?).',
    );
  });
});

describe('classifyFile on a file cut short', () => {
  it('refuses it as damaged instead of failing the turn', async () => {
    for (const bytes of [8, 12]) {
      const result = await classifyFile({
        name: 'cut.png',
        data: pngFile(100, 100).subarray(0, bytes),
      });
      expect(result).toMatchObject({
        ok: false,
        violation: {
          rule: 'upload.corrupt',
          message: expect.stringContaining('cut.png: it ends too early to read'),
        },
      });
    }
  });
});
