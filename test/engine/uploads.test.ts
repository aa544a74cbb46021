import type { ChatFile } from '../../src/engine/chat-event';
import type { Reply } from '../../src/engine/reply';
import { blocksOf, CAROUSEL_SCRIPT, Harness, textOf, VIDEO_SCRIPT } from '../support/harness';
import { mp3File, mp4File, pngFile } from '../support/media-files';

const violations = (replies: Reply[]) =>
  blocksOf(replies).flatMap((b) => (b.type === 'violations' ? b.violations : []));

describe('uploads from the thread', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it('an MP3 and two images become the music and the carousel, with progress edited in place', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 3));
    const replies = await t.say('here are the track and two pictures', {
      files: [
        { name: 'jingle.mp3', data: mp3File('j') },
        { name: 'beach.png', data: pngFile(1080, 1920, 1) },
        { name: 'sunset.png', data: pngFile(1080, 1920, 2) },
      ],
    });
    const draft = (await t.state())?.draft;
    const music = h.emulator.state.music;
    const uploadedMusic = [...music.values()].find((m) => m.file_name === 'jingle.mp3');
    const uploadedImages = [...h.emulator.state.images.values()].filter((i) => i.advertiser_id);
    expect(draft?.music).toEqual({
      kind: 'custom',
      music_id: uploadedMusic?.music_id,
      file_name: 'jingle.mp3',
    });
    expect(draft?.image_ids).toEqual(uploadedImages.map((i) => i.image_id));
    expect(draft?.image_ids).toHaveLength(2);
    const progress = replies.filter((r) => r.key?.startsWith('upload:'));
    expect(new Set(progress.map((r) => r.key)).size).toBe(1);
    expect(textOf(progress)).toContain('Uploading beach.png to TikTok (2 of 3)');
    expect(textOf(progress.slice(-1))).toContain('Uploaded 3 files to TikTok');
    await t.script(CAROUSEL_SCRIPT.slice(4, 5));
    const approved = await t.act('approve');
    expect(blocksOf(approved).some((b) => b.type === 'result')).toBe(true);
    const ad = [...h.emulator.state.ads.values()][0];
    expect(ad).toMatchObject({ music_id: uploadedMusic?.music_id, image_ids: draft?.image_ids });
  });

  it('an uploaded video becomes the single video, with a cover of its shape', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT.slice(0, 5));
    await t.say('', { files: [{ name: 'promo.mp4', data: mp4File(1080, 1920, 12) }] });
    const draft = (await t.state())?.draft;
    expect(draft?.video_id).toMatch(/^vid_76/);
    expect(draft?.image_ids).toEqual(['img_summer_1']);
  });

  const refusals: [string, ChatFile, RegExp, string][] = [
    [
      'a text file renamed .mp3',
      {
        name: 'song.mp3',
        content_type: 'audio/mpeg',
        data: Buffer.from('lyrics, not audio\n'.repeat(20)),
      },
      /song\.mp3: its contents are not a file type I know/,
      'upload.wrong_type',
    ],
    [
      'an 11 MB MP3',
      { name: 'long.mp3', data: mp3File('l', 11 * 1024 * 1024) },
      /long\.mp3: 11\.0 MB is over 10 MB for music/,
      'upload.too_large',
    ],
    [
      'an empty file',
      { name: 'empty.png', data: Buffer.alloc(0) },
      /empty\.png: the file is empty/,
      'upload.empty',
    ],
    [
      'a download that failed',
      { name: 'gone.mp3', data: Buffer.alloc(0), download_error: 'HTTP 404' },
      /I could not download gone\.mp3 from the chat \(HTTP 404\)/,
      'upload.download_failed',
    ],
    [
      'a damaged PNG',
      { name: 'broken.png', data: pngFile(100, 100).subarray(0, 20) },
      /broken\.png: it looks like a PNG but its header cannot be read/,
      'upload.corrupt',
    ],
  ];

  it.each(refusals)(
    'refuses %s, uploads nothing, and leaves the draft as it was',
    async (_what, file, message, rule) => {
      const t = h.thread();
      await t.script(CAROUSEL_SCRIPT.slice(0, 3));
      const before = await t.state();
      const calls = { ...h.emulator.counts().calls };
      const replies = await t.say('use this', {
        files: [file, { name: 'ok.png', data: pngFile(50, 50) }],
      });
      expect(violations(replies)).toEqual([
        expect.objectContaining({ rule, message: expect.stringMatching(message) }),
      ]);
      if (rule !== 'upload.download_failed')
        expect(textOf(replies)).toContain('I take MP3 music (at most 10 MB)');
      expect(textOf(replies)).toContain('Nothing was uploaded; the draft is as it was.');
      expect(await t.state()).toEqual(before);
      const after = h.emulator.counts().calls;
      for (const endpoint of ['file/music/upload/', 'file/image/ad/upload/'])
        expect(after[endpoint] ?? 0).toBe(calls[endpoint] ?? 0);
    },
  );
});
