import { blockKitProblems } from '../../adapters/slack';
import { StaticAccessResolver } from '../../src/engine/access';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { SlackRig } from './slack-rig';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN'; // teammate

describe('Slack: a switch the rules block is taken, music is browsed, "approve" gets a pointer', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('Traffic → Conversions asks for music, the list is picked from in words, and a teammate ✅ submits', async () => {
    rig = await SlackRig.start({
      access: new StaticAccessResolver({
        access_token: EMULATOR_ACCESS_TOKEN,
        advertiser_id: EMULATOR_ADVERTISER_ID,
      }),
      settings: { allow_self_approval: false },
    });
    const { standin, emulator } = rig;
    await rig.command('Create a campaign called Denim Days for traffic', ANA);
    const thread = rig.lastRoot().ts;
    for (const line of [
      'Fresh denim for every day',
      'Shop now',
      'No music needed',
      '<https://denim.example.com>',
      'vid_summer_1',
    ])
      await rig.say(thread, ANA, line);
    const firstCard = rig.find(thread, '"action_id":"tab:approve"');
    expect(firstCard).toBeDefined();

    // The switch is taken; what it set aside and what is needed now are said, then asked.
    await rig.say(thread, ANA, 'make it conversions');
    let saved = await rig.saved(thread);
    expect(saved?.draft.objective_type).toBe('WEB_CONVERSIONS');
    expect(saved?.status).toBe('collecting');
    const said = rig.threadText(thread);
    expect(said).toContain(
      'Conversions ads need music, so “no music” no longer fits; with music the ad is an image carousel, so the video vid_summer_1 (cover img_summer_1) was set aside too. Still needed now: music, then carousel images.',
    );
    expect(said).toContain('Which music?');
    expect(said).not.toContain('music.required_for_conversions');
    expect(said).toMatch(/Replaced: this approval card/);

    // No id at hand: the list, numbered, in the thread; picked in words.
    await rig.say(thread, ANA, "I don't know any music IDs");
    const list = rig.find(thread, 'Music you can use');
    expect(list).toBeDefined();
    const listText = JSON.stringify(list?.blocks);
    expect(listText).toContain("Music you can use (TikTok's commercial music):");
    expect(listText).toContain('#2  music_123  Upbeat Summer Pop.mp3 · Loop Studio');
    expect(listText).toContain('attach the MP3 (at most 10 MB) to a message in this thread');
    expect(listText).not.toContain('/upload');
    // Conversions needs music: "no music" is not offered.
    expect(listText).not.toContain('“no music”');
    expect(rig.threadText(thread)).not.toContain("didn't catch");
    await rig.say(thread, ANA, 'the upbeat one');
    saved = await rig.saved(thread);
    expect(saved?.draft.music).toEqual({ kind: 'existing', music_id: 'music_123' });
    await rig.say(thread, ANA, 'the first two');
    const card = rig.find(thread, '"action_id":"tab:approve"');
    expect(card?.ts).not.toBe(firstCard?.ts);

    // "approve" typed by the requester: a pointer, nothing approved.
    await rig.say(thread, ANA, 'Looks great, approve');
    const pointer = rig.find(thread, 'Approving is done on the approval card');
    expect(JSON.stringify(pointer?.blocks)).toContain(
      'react ✅ on it or click its Approve button (❌ or Reject sends the draft back for editing). You requested this ad, so a teammate needs to approve it.',
    );
    expect((await rig.saved(thread))?.approvals).toEqual([]);
    expect(emulator.counts().campaigns).toBe(0);

    // Ben's ✅ on the card submits exactly what the card shows.
    await rig.react(card?.ts ?? '', BEN, 'white_check_mark');
    expect((await rig.saved(thread))?.status).toBe('submitted');
    const campaign = [...emulator.state.campaigns.values()].at(-1);
    expect(campaign).toMatchObject({ objective_type: 'WEB_CONVERSIONS' });
    const ad = [...emulator.state.ads.values()].at(-1);
    expect(ad).toMatchObject({
      ad_format: 'CAROUSEL_ADS',
      music_id: 'music_123',
      image_ids: ['img_summer_1', 'img_summer_2'],
    });

    const posts = standin.calls.filter((c) => /^chat\.(postMessage|update)$/.test(c.method));
    for (const call of posts) expect(blockKitProblems(call.params)).toEqual([]);
  });
});
