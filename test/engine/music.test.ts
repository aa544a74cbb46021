import { contentHash } from '../../src/engine/content-hash';
import {
  blocksOf,
  CAROUSEL_SCRIPT,
  Harness,
  testSettings,
  textOf,
  VIDEO_SCRIPT,
} from '../support/harness';
import { fakeMp3 } from '../tiktok/helpers';

describe('music, three ways', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  const upToMusic = CAROUSEL_SCRIPT.slice(0, 3);

  it.each(['123', 'music_123', 'music_456', 'music_789', 'music_pop_2024', 'music_trending_001'])(
    '(A) accepts existing music %s once TikTok confirms it',
    async (id) => {
      const t = h.thread();
      await t.script(upToMusic);
      const replies = await t.say(`use music ${id}`.replace('music music_', 'music_'));
      expect(textOf(replies)).toContain(`TikTok confirmed music ${id}`);
      expect((await t.state())?.draft.music).toEqual({ kind: 'existing', music_id: id });
    },
  );

  it('(A) accepts MUSIC_FORBID_VIDEO_FORBID music, saying it cannot be downloaded', async () => {
    const t = h.thread();
    await t.script(upToMusic);
    const replies = await t.say('456');
    expect(blocksOf(replies).find((b) => b.type === 'violations')).toBeUndefined();
    expect(textOf(replies)).toContain('TikTok confirmed music 456');
    expect(textOf(replies)).toMatch(/cannot be downloaded/);
    expect((await t.state())?.draft.music).toEqual({ kind: 'existing', music_id: '456' });
    await t.script(CAROUSEL_SCRIPT.slice(4));
    const approved = await t.act('approve');
    expect(blocksOf(approved).some((b) => b.type === 'result')).toBe(true);
    const ad = [...h.emulator.state.ads.values()].at(-1);
    expect(ad).toMatchObject({ ad_format: 'CAROUSEL_ADS', music_id: '456' });
  });

  it('(A) refuses creative-tool music TikTok refuses in carousels, with a next step', async () => {
    const t = h.thread();
    await t.script(upToMusic);
    const replies = await t.say('321');
    const violation = blocksOf(replies).find((b) => b.type === 'violations');
    expect(violation).toMatchObject({
      violations: [{ field: 'music', rule: 'music.not_for_carousel' }],
    });
    expect(textOf(replies)).toContain('Please select valid music for Carousel Ads.');
    expect(textOf(replies)).toMatch(/upload your own MP3/);
    expect((await t.state())?.draft.music).toBeUndefined();
    expect(blocksOf(replies).find((b) => b.type === 'question')).toMatchObject({ field: 'music' });
  });

  it('(A) refuses an id TikTok does not know', async () => {
    const t = h.thread();
    await t.script(upToMusic);
    const replies = await t.say('Use music_999999');
    expect(blocksOf(replies).find((b) => b.type === 'violations')).toMatchObject({
      violations: [{ rule: 'music.unknown' }],
    });
    expect((await t.state())?.draft.music).toBeUndefined();
  });

  it('(B) uploads a custom track to TikTok and uses the new id once confirmed', async () => {
    const t = h.thread();
    await t.script(upToMusic);
    const asked = await t.say('I want to upload my own track');
    expect(textOf(asked)).toContain('type /upload path/to/track.mp3');
    const replies = await t.say('here it is', {
      files: [{ name: 'jingle.mp3', content_type: 'audio/mpeg', data: fakeMp3('jingle') }],
    });
    const music = (await t.state())?.draft.music;
    expect(music).toMatchObject({
      kind: 'custom',
      file_name: 'jingle.mp3',
      music_id: expect.stringMatching(/\d+/),
    });
    expect(textOf(replies)).toContain('Uploaded jingle.mp3 to TikTok');
    expect(h.emulator.counts().music_uploads).toBe(1);
    await t.script(CAROUSEL_SCRIPT.slice(4));
    const approved = await t.act('approve');
    expect(blocksOf(approved).some((b) => b.type === 'result')).toBe(true);
  });

  it('the music question suggests "no music" only where the rules allow it', async () => {
    const traffic = h.thread('traffic');
    const asked = await traffic.script(VIDEO_SCRIPT.slice(0, 3));
    expect(
      blocksOf(asked)
        .filter((b) => b.type === 'question')
        .at(-1),
    ).toMatchObject({
      field: 'music',
      examples: ['Use music_123', 'No music needed'],
    });
    const conversions = h.thread('conversions');
    const askedAgain = await conversions.script(upToMusic);
    expect(
      blocksOf(askedAgain)
        .filter((b) => b.type === 'question')
        .at(-1),
    ).toMatchObject({
      field: 'music',
      examples: ['Use music_123'],
    });
  });

  it('(C) allows no music for Traffic', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT.slice(0, 3));
    await t.say('No music needed');
    expect((await t.state())?.draft.music).toEqual({ kind: 'none' });
  });

  it('(C) blocks Conversions without music before any API call, saying how to add music', async () => {
    const t = h.thread();
    await t.script(upToMusic);
    const before = h.client.calls;
    const replies = await t.say('No music needed');
    expect(h.client.calls).toBe(before);
    const violation = blocksOf(replies).find((b) => b.type === 'violations');
    expect(violation).toMatchObject({
      violations: [{ field: 'music', rule: 'music.required_for_conversions' }],
    });
    expect(textOf(replies)).toMatch(/music ID/);
    expect((await t.state())?.draft.music).toBeUndefined();
  });

  it('(C) a saved Conversions draft without music is still blocked at approval, with no API call', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    const saved = await t.state();
    expect(saved?.status).toBe('awaiting_approval');
    if (!saved) return;
    // As if an older version (or a hand edit) had saved a Conversions draft with no music.
    const draft = { ...saved.draft, objective_type: 'WEB_CONVERSIONS' as const };
    await h.store.set(h.keys.thread(t.id), {
      ...saved,
      draft,
      card: { key: saved.card?.key ?? '', hash: contentHash(draft, testSettings()) },
    });
    const before = h.client.calls;
    const replies = await t.act('approve');
    expect(h.client.calls).toBe(before);
    expect(blocksOf(replies).find((b) => b.type === 'violations')).toMatchObject({
      violations: [{ rule: 'music.required_for_conversions' }],
    });
    expect(h.emulator.counts().campaigns).toBe(0);
    expect((await t.state())?.status).toBe('collecting');
  });

  it('(C) switching a no-music Traffic draft to Conversions clears "no music" and asks for a track', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT.slice(0, 4));
    const replies = await t.say('change the objective to conversions');
    expect(textOf(replies)).not.toContain('music.required_for_conversions');
    const state = await t.state();
    expect(state?.draft.objective_type).toBe('WEB_CONVERSIONS');
    expect(state?.draft.music).toBeUndefined();
    expect(state?.last_question).toBe('music');
  });
});
