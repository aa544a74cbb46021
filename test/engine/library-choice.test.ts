import type { LibraryItem } from '../../src/engine/media/library';
import { pickFromWords } from '../../src/engine/media/pick-words';
import type { Reply } from '../../src/engine/reply';
import { blocksOf, CAROUSEL_SCRIPT, Harness, VIDEO_SCRIPT } from '../support/harness';
import { pngFile } from '../support/media-files';

const item = (id: string, file_name: string, width: number, height: number): LibraryItem => ({
  id,
  kind: 'image',
  file_name,
  width,
  height,
});
const ITEMS = [
  item('img_a1', 'summer_beach.jpg', 1080, 1920),
  item('img_b2', 'banner_wide.png', 1200, 628),
  item('img_c3', 'winter_coat.jpg', 1080, 1920),
  item('img_d4', 'logo_square.png', 800, 800),
];

describe('pickFromWords', () => {
  it.each([
    ['the first two', false, ['img_a1', 'img_b2']],
    ['#1 and #3', false, ['img_a1', 'img_c3']],
    ['1, 4', false, ['img_a1', 'img_d4']],
    ['the vertical ones', false, ['img_a1', 'img_c3']],
    ['the landscape one', false, ['img_b2']],
    ['the summer picture', false, ['img_a1']],
    ['first and third', false, ['img_a1', 'img_c3']],
    ['the last two', false, ['img_c3', 'img_d4']],
    ['all of them', false, ['img_a1', 'img_b2', 'img_c3', 'img_d4']],
    ['the vertical ones', true, ['img_a1']],
    ['change the budget to 80', false, []],
    ['the images in my library', false, []],
  ])('%s (single: %s) → %j', (text, single, ids) => {
    expect(pickFromWords(text, ITEMS, single).map((i) => i.id)).toEqual(ids);
  });
});

const choiceOf = (replies: Reply[]) => blocksOf(replies).find((b) => b.type === 'media_choice');

describe('choosing from the library', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it('the media question lists carousel images newest first (uploads first), with previews', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 4));
    await h.client.uploadImage(
      {
        access_token: 'emulator-fake-access-token-0000000000000000',
        advertiser_id: '7000000000000000001',
      },
      { file_name: 'fresh.png', data: pngFile(1080, 1920, 9) },
    );
    const replies = await t.say('https://solulab.com');
    const choice = choiceOf(replies);
    expect(choice).toMatchObject({ type: 'media_choice', kind: 'image', multiple: true, page: 1 });
    if (choice?.type !== 'media_choice') throw new Error('no choice');
    expect(choice.items[0]).toMatchObject({ file_name: 'fresh.png', position: 1 });
    expect(choice.items.map((i) => i.id)).not.toContain('img_noncarousel_1');
    expect(
      choice.items.every((i) => /^http:\/\/127\.0\.0\.1:\d+\/preview\//.test(i.preview_url ?? '')),
    ).toBe(true);
  });

  it.each([
    ['#2 and #3', ['img_summer_2', 'img_summer_3']],
    ['the first two', ['img_summer_1', 'img_summer_2']],
    ['the vertical ones', ['img_summer_1', 'img_summer_2', 'img_summer_3']],
  ])('"%s" picks %j', async (words, ids) => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 5));
    await t.say(words);
    expect((await t.state())?.draft.image_ids).toEqual(ids);
    expect((await t.state())?.status).toBe('awaiting_approval');
  });

  it('"the summer video" picks a video for a single-video ad, with its cover', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT.slice(0, 5));
    await t.say('the summer video');
    expect((await t.state())?.draft).toMatchObject({
      video_id: 'vid_summer_1',
      image_ids: ['img_summer_1'],
    });
  });

  it('a pick from the menu (choose_media) sets exactly the chosen ids', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 5));
    const replies = await h.engine.handle({
      event_id: 'pick-1',
      thread_id: t.id,
      platform: 'console',
      workspace_id: 'local',
      channel_id: 'local',
      user: t.user,
      type: 'action',
      action_id: 'choose_media',
      value: 'img_summer_3,img_banner_1',
    });
    expect((await t.state())?.draft.image_ids).toEqual(['img_summer_3', 'img_banner_1']);
    expect(blocksOf(replies).filter((b) => b.type === 'approval_request')).toHaveLength(1);
  });
});
