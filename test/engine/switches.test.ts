import type { Reply } from '../../src/engine/reply';
import { blocksOf, CAROUSEL_SCRIPT, Harness, textOf, VIDEO_SCRIPT } from '../support/harness';

/** The last question the replies ask, or undefined. */
const lastQuestion = (replies: Reply[]) =>
  blocksOf(replies)
    .filter((b) => b.type === 'question')
    .at(-1);

/** Traffic, carousel with music_123, ready for approval. */
const TRAFFIC_CAROUSEL = [
  'Create a campaign called Summer Sale for traffic',
  'Big summer deals on every order',
  'Shop now',
  'Use music_123',
  'https://shop.example.com/summer',
  'img_summer_1, img_summer_2',
];

describe('a change that makes another field required or wrong is taken, and the missing piece asked', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it('Traffic → Conversions on a ready draft without music: switched, music and images asked, not ready until given', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    expect((await t.state())?.status).toBe('awaiting_approval');

    const replies = await t.say('make it conversions');
    const state = await t.state();
    expect(state?.draft.objective_type).toBe('WEB_CONVERSIONS');
    expect(state?.draft.music).toBeUndefined();
    expect(state?.draft.video_id).toBeUndefined();
    expect(state?.draft.image_ids).toBeUndefined();
    expect(state?.status).toBe('collecting');
    expect(blocksOf(replies).some((b) => b.type === 'violations')).toBe(false);
    const said = textOf(replies);
    expect(said).toContain('Got it: objective Conversions');
    expect(said).toContain('Conversions ads need music, so “no music” no longer fits');
    expect(said).toContain('the video vid_summer_1 (cover img_summer_1) was set aside');
    expect(said).toContain('Still needed now: music, then carousel images.');
    expect(said).toContain('Replaced: this approval card');
    expect(lastQuestion(replies)).toMatchObject({ field: 'music', examples: ['Use music_123'] });

    // Approving now is refused: the draft waits for the music.
    const before = h.emulator.counts().campaigns;
    await t.act('approve');
    expect(h.emulator.counts().campaigns).toBe(before);

    const music = await t.say('use music_123');
    expect(lastQuestion(music)).toMatchObject({ field: 'media' });
    expect((await t.state())?.status).toBe('collecting');
    await t.say('the first two');
    const done = await t.state();
    expect(done?.status).toBe('awaiting_approval');
    expect(done?.draft).toMatchObject({
      objective_type: 'WEB_CONVERSIONS',
      music: { kind: 'existing', music_id: 'music_123' },
      image_ids: ['img_summer_1', 'img_summer_2'],
    });
  });

  it('Traffic → Conversions before media was picked asks only for music', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT.slice(0, 5));
    const replies = await t.say('actually make it conversions');
    expect((await t.state())?.draft).toMatchObject({ objective_type: 'WEB_CONVERSIONS' });
    expect(textOf(replies)).toContain(
      'Conversions ads need music, so “no music” no longer fits. Still needed now: music.',
    );
    expect(lastQuestion(replies)).toMatchObject({ field: 'music' });
  });

  it('music added to a single-video draft: taken, the video set aside, carousel images asked', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    const replies = await t.say('use music_456');
    const state = await t.state();
    expect(state?.draft.music).toEqual({ kind: 'existing', music_id: 'music_456' });
    expect(state?.draft.video_id).toBeUndefined();
    expect(state?.status).toBe('collecting');
    expect(textOf(replies)).toContain(
      'With music the ad is an image carousel, so the video vid_summer_1 (cover img_summer_1) was set aside. Still needed now: carousel images.',
    );
    const question = lastQuestion(replies);
    expect(question).toMatchObject({ field: 'media' });
    expect(question?.type === 'question' && question.text).toMatch(/carousel/);
    expect(blocksOf(replies).find((b) => b.type === 'media_choice')).toMatchObject({
      kind: 'image',
    });
  });

  it('music removed from a Traffic carousel: taken, the images set aside, one video asked', async () => {
    const t = h.thread();
    await t.script(TRAFFIC_CAROUSEL);
    expect((await t.state())?.status).toBe('awaiting_approval');
    const replies = await t.say('no music');
    const state = await t.state();
    expect(state?.draft.music).toEqual({ kind: 'none' });
    expect(state?.draft.image_ids).toBeUndefined();
    expect(textOf(replies)).toContain(
      'Without music the ad is a single video, so the images img_summer_1, img_summer_2 were set aside. Still needed now: one video.',
    );
    expect(lastQuestion(replies)).toMatchObject({ field: 'media' });
    expect(blocksOf(replies).find((b) => b.type === 'media_choice')).toMatchObject({
      kind: 'video',
    });
    await t.say('#1');
    expect((await t.state())?.status).toBe('awaiting_approval');
  });

  it('"no music" on a Conversions carousel is refused: the objective is not changed behind the user', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT);
    const replies = await t.say('no music');
    const state = await t.state();
    expect(state?.draft).toMatchObject({
      objective_type: 'WEB_CONVERSIONS',
      music: { kind: 'existing', music_id: 'music_123' },
      image_ids: ['img_summer_1', 'img_summer_2'],
    });
    expect(blocksOf(replies).find((b) => b.type === 'violations')).toMatchObject({
      violations: [{ rule: 'music.required_for_conversions' }],
    });
  });
});
