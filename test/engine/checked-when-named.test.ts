import type { AdDraft } from '../../src/ad/draft';
import { looksLikeMediaId } from '../../src/engine/media/media-ids';
import type { Reply } from '../../src/engine/reply';
import { CREATIVE_ASSET_ONLY_MUSIC_ID } from '../../src/tiktok/emulator/fixtures';
import { blocksOf, CAROUSEL_SCRIPT, Harness, textOf } from '../support/harness';
import { TestLinking } from '../support/test-linking';

const violationsOf = (replies: Reply[]) =>
  blocksOf(replies as never).flatMap((b) => (b.type === 'violations' ? b.violations : []));

describe('checked as soon as named (linked)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  async function draftBefore(t: ReturnType<Harness['thread']>): Promise<AdDraft | undefined> {
    return structuredClone((await t.state())?.draft);
  }

  // The track TikTok refuses for ads (the copyright flag is a download rule, docs/tiktok-api.md §8;
  // the refusal TikTok does make is music not licensed for carousels).
  it('refuses a music_id TikTok refuses for ads in the turn it is named; the draft is as it was', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 3));
    const before = await draftBefore(t);
    const replies = await t.say(`Use music ${CREATIVE_ASSET_ONLY_MUSIC_ID}`);
    expect(violationsOf(replies)).toEqual([
      expect.objectContaining({ rule: 'music.not_for_carousel' }),
    ]);
    expect((await t.state())?.draft).toEqual(before);
  });

  it('refuses an unknown media id at once; the draft is as it was', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 5));
    const before = await draftBefore(t);
    const replies = await t.say('img_nope_9');
    expect(violationsOf(replies)).toEqual([
      expect.objectContaining({
        rule: 'media.unknown_image',
        message: expect.stringContaining('img_nope_9'),
      }),
    ]);
    expect((await t.state())?.draft).toEqual(before);
    expect(blocksOf(replies).some((b) => b.type === 'approval_request')).toBe(false);
  });

  it('never takes a word as a media id ("the images in my library")', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 5));
    const before = await draftBefore(t);
    const replies = await t.say('the images in my library');
    expect(violationsOf(replies)).toEqual([expect.objectContaining({ rule: 'media.not_an_id' })]);
    const after = (await t.state())?.draft;
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toMatch(/library/);
    expect(h.emulator.counts().calls['file/image/ad/search/'] ?? 0).toBeGreaterThan(0);
  });
});

describe('checked once linked (not linked yet)', () => {
  it('keeps id-like names to check, never words, and posts the card only after the checks passed', async () => {
    const linking = new TestLinking();
    const h = await Harness.start({ access: linking });
    try {
      const t = h.thread('2', { id: 'U_REQ', name: 'rita' });
      await t.script(CAROUSEL_SCRIPT.slice(0, 5));
      const words = await t.say('the images in my library');
      expect(violationsOf(words)).toEqual([expect.objectContaining({ rule: 'media.not_an_id' })]);
      expect((await t.state())?.draft.pending_media).toBeUndefined();

      const named = await t.say('img_summer_1, img_summer_2');
      expect(textOf(named)).toContain("I'll look up img_summer_1, img_summer_2");
      expect(textOf(named)).toContain('Everything is filled in');
      expect(blocksOf(named).some((b) => b.type === 'approval_request')).toBe(false);
      expect(h.emulator.counts().calls['file/image/ad/search/'] ?? 0).toBe(0);

      linking.complete({ platform: 'console', workspace_id: 'local', user_id: 'U_REQ' });
      const linked = await t.linked();
      expect(textOf(linked)).toContain('TikTok confirmed music music_123');
      expect(blocksOf(linked).filter((b) => b.type === 'approval_request')).toHaveLength(1);
      expect((await t.state())?.draft).toMatchObject({
        image_ids: ['img_summer_1', 'img_summer_2'],
        music: { kind: 'existing', music_id: 'music_123' },
      });
      expect((await t.state())?.draft.pending_media).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});

describe('looksLikeMediaId', () => {
  it.each([
    ['img_summer_1', true],
    ['v10033g50000c4s4dpbc77u7ttle1f60', true],
    ['ad-site-i18n-sg/202203285d0de5c8', true],
    ['7312345678', true],
    ['first', false],
    ['library', false],
    ['two', false],
    ['1', false],
    ['#3', false],
  ])('%s → %s', (token, expected) => {
    expect(looksLikeMediaId(token)).toBe(expected);
  });
});
