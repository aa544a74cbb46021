import { blockKitProblems } from '../../adapters/slack';
import { mp3File, pngFile } from '../support/media-files';
import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN'; // teammate

describe('Slack: link first, upload from the thread, pick from the library, one card', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('plays the whole story through the stand-in, and TikTok gets exactly the uploaded music and images', async () => {
    const linking = new TestLinking();
    rig = await SlackRig.start({ access: linking, settings: { allow_self_approval: false } });
    const { standin, emulator } = rig;

    // /tiktok-ad: the private link arrives by DM at once, before anything else is asked.
    await rig.command('Summer sale for conversions', ANA);
    const thread = rig.lastRoot().ts;
    expect(JSON.stringify(standin.messagesIn(`D${ANA}`)[0]?.blocks)).toContain(
      linking.invites[0]?.url,
    );
    expect(rig.find(thread, '"action_id":"tab:approve"')).toBeUndefined();
    expect((await rig.saved(thread))?.draft.campaign_name).toBe('Summer sale');

    // Details; Ana links midway (what the OAuth callback does).
    for (const line of ['Big summer deals on every order', 'Shop now'])
      await rig.say(thread, ANA, line);
    linking.complete({ platform: 'slack', workspace_id: TEAM, user_id: ANA });
    await rig.engine.handle(
      {
        type: 'account_linked',
        event_id: 'linked-1',
        thread_id: `slack:${TEAM}:${CHANNEL}:${thread}`,
        platform: 'slack',
        workspace_id: TEAM,
        channel_id: CHANNEL,
        user: { id: ANA, name: 'ana' },
      },
      rig.adapter.sink,
    );
    await rig.idle();
    expect(rig.threadText(thread)).toContain('TikTok account linked for ana');

    // An MP3 and two images attached in the thread, downloaded with the bot token.
    await rig.share(thread, ANA, 'our jingle and two photos', [
      { name: 'jingle.mp3', data: mp3File('j'), mimetype: 'audio/mpeg' },
      { name: 'beach.png', data: pngFile(1080, 1920, 1), mimetype: 'image/png' },
      { name: 'pier.png', data: pngFile(1080, 1920, 2), mimetype: 'image/png' },
    ]);
    expect(standin.callsTo('files.download').map((c) => c.token)).toEqual([
      'xoxb-test',
      'xoxb-test',
      'xoxb-test',
    ]);
    const uploadedMusic = [...emulator.state.music.values()].find(
      (m) => m.file_name === 'jingle.mp3',
    );
    const uploadedImages = [...emulator.state.images.values()]
      .filter((i) => i.advertiser_id)
      .map((i) => i.image_id);
    expect(uploadedImages).toHaveLength(2);

    // The library menu, with thumbnails from the library's preview URLs and the uploads chosen.
    const menuMessage = rig.find(thread, '"action_id":"tab:choose_media"');
    expect(menuMessage).toBeDefined();
    const blocks = JSON.stringify(menuMessage?.blocks);
    // The emulator's thumbnails are loopback URLs Slack cannot fetch: never sent as images.
    expect(blocks).not.toContain('"image_url"');
    expect(blocks).toContain('`img_summer_1`');
    expect(blocks).toContain('"type":"multi_static_select"');
    for (const id of uploadedImages) expect(blocks).toContain(`"value":"${id}"`);
    expect(blocks).toContain('"initial_options"');

    // Ana adds a library image in the menu (the uploads stay chosen).
    if (!menuMessage) throw new Error('no library menu');
    await rig.select(menuMessage, ANA, 'tab:choose_media', [...uploadedImages, 'img_summer_1']);
    expect((await rig.saved(thread))?.draft.image_ids).toEqual([...uploadedImages, 'img_summer_1']);

    // The last detail: one card, with nothing left that can send it back.
    await rig.say(thread, ANA, '<https://shop.example.com/summer>');
    const cards = standin
      .messagesIn(CHANNEL, thread)
      .filter((m) => JSON.stringify(m.blocks).includes('"action_id":"tab:approve"'));
    expect(cards).toHaveLength(1);

    // A teammate approves; TikTok receives exactly the uploaded music and the chosen images.
    await rig.react(cards[0]?.ts ?? '', BEN, 'white_check_mark');
    expect(emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    const ad = [...emulator.state.ads.values()][0];
    expect(ad).toMatchObject({
      ad_format: 'CAROUSEL_ADS',
      music_id: uploadedMusic?.music_id,
      image_ids: [...uploadedImages, 'img_summer_1'],
    });
    expect(rig.threadText(thread)).not.toMatch(/approval again/);
    for (const call of standin.calls.filter((c) => /^chat\.(postMessage|update)$/.test(c.method)))
      expect(blockKitProblems(call.params)).toEqual([]);
  });
});
