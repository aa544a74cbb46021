import type { WireObject } from '../standins/discord-payloads';
import { mp3File, pngFile } from '../support/media-files';
import { DiscordFixture, expectAllWithinLimits, textOfMessage, until } from './support';

type Component = {
  type: number;
  custom_id?: string;
  options?: { value: string; default?: boolean }[];
};
const componentsOf = (m: WireObject) =>
  ((m.components as { components: Component[] }[] | undefined) ?? []).flatMap((r) => r.components);
const embedsOf = (m: WireObject) =>
  (m.embeds as { thumbnail?: { url: string } }[] | undefined) ?? [];

describe('Discord: link first, upload from the thread, pick from the library, one card', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('plays the whole story through the stand-in, and TikTok gets exactly the uploaded music and images', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const { standin, emulator } = f;
    const rita = standin.addUser('rita');
    const tom = standin.addUser('tom');

    // /tiktok-ad: the link goes by DM at once.
    const thread = await f.startDraft(rita, 'Summer sale for conversions');
    await f.waitForBotMessage(thread, /ad text/i);
    const invite = await until('a link invite', () => f.access.invites[0]);
    const dm = await until('the DM channel', () => standin.dmChannelOf(rita.id));
    const linkDm = await until('the link DM', () => standin.channelMessages(dm)[0]);
    expect(JSON.stringify(linkDm)).toContain(invite.url);

    // Details; Rita links midway.
    await f.say(thread, rita, 'Big summer deals on every order');
    await f.completeLinking(thread, { id: rita.id, name: 'rita' });
    await f.waitForBotMessage(thread, /TikTok account linked for rita/);
    await f.say(thread, rita, 'Shop now');

    // An MP3 and two images as message attachments.
    await f.share(thread, rita, 'our jingle and two photos', [
      { filename: 'jingle.mp3', data: mp3File('j'), content_type: 'audio/mpeg' },
      { filename: 'beach.png', data: pngFile(1080, 1920, 1), content_type: 'image/png' },
      { filename: 'pier.png', data: pngFile(1080, 1920, 2), content_type: 'image/png' },
    ]);
    await f.stateWhen(thread, (s) => (s.draft.image_ids?.length ?? 0) === 2);
    const uploadedMusic = [...emulator.state.music.values()].find(
      (m) => m.file_name === 'jingle.mp3',
    );
    const uploadedImages = [...emulator.state.images.values()]
      .filter((i) => i.advertiser_id)
      .map((i) => i.image_id);

    // The library: embed thumbnails from the preview URLs and a StringSelectMenu (uploads chosen).
    const menu = await until('the library menu', () =>
      f
        .botMessages(thread)
        .find((m) => componentsOf(m).some((c) => c.custom_id === 'tad:choose_media')),
    );
    // The emulator's thumbnails are loopback URLs Discord cannot fetch: never sent as images.
    expect(embedsOf(menu).some((e) => e.thumbnail !== undefined)).toBe(false);
    const select = componentsOf(menu).find((c) => c.custom_id === 'tad:choose_media');
    expect(select?.type).toBe(3);
    // The uploads are the chosen options; the menu lists newest first, and two uploads may get
    // different upload times, so their order here is the library's, not the upload order.
    expect(
      select?.options
        ?.filter((o) => o.default)
        .map((o) => o.value)
        .sort(),
    ).toEqual([...uploadedImages].sort());

    standin.selectMenu(rita, thread, String(menu.id), 'tad:choose_media', [
      ...uploadedImages,
      'img_summer_1',
    ]);
    await f.stateWhen(thread, (s) => s.draft.image_ids?.length === 3);
    await f.settle();

    // The last detail: one card. Tom approves; TikTok gets exactly the uploads and the pick.
    await f.say(thread, rita, 'https://shop.example.com/summer');
    const card = await f.waitForBotMessage(thread, /Approval needed/);
    expect(
      f.botMessages(thread).filter((m) => /Approval needed/.test(textOfMessage(m))),
    ).toHaveLength(1);
    standin.react(tom, thread, String(card.id), '✅');
    await f.waitForBotMessage(thread, /Created on TikTok/);
    const ad = [...emulator.state.ads.values()][0];
    expect(ad).toMatchObject({
      ad_format: 'CAROUSEL_ADS',
      music_id: uploadedMusic?.music_id,
      image_ids: [...uploadedImages, 'img_summer_1'],
    });
    expect(f.botMessages(thread).some((m) => /approval again/.test(textOfMessage(m)))).toBe(false);
    expectAllWithinLimits(standin.calls);
  });
});
