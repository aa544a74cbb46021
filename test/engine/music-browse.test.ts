import type { Reply } from '../../src/engine/reply';
import { blocksOf, Harness, textOf } from '../support/harness';
import { TestLinking } from '../support/test-linking';
import { fakeMp3 } from '../tiktok/helpers';

/** Up to the music question of a Traffic draft. */
const UP_TO_MUSIC = [
  'Create a campaign called Summer Sale for traffic',
  'Big summer deals on every order',
  'Shop now',
];

/** The text block that lists the music, or undefined. */
const musicList = (replies: Reply[]) =>
  blocksOf(replies).find((b) => b.type === 'text' && b.text.startsWith('Music you can use'));

describe('music can be browsed and picked like the media library', () => {
  let h: Harness;
  let clock = Date.parse('2026-03-01T10:00:00Z');
  beforeEach(async () => {
    h = await Harness.start({ emulatorOptions: { now: () => clock } });
  });
  afterEach(() => h.close());

  /** Uploads an MP3 through the thread (as a user attaching it), a minute after the last. */
  async function uploadTrack(t: ReturnType<Harness['thread']>, name: string): Promise<string> {
    clock += 60_000;
    await t.say('here is our track', {
      files: [{ name, content_type: 'audio/mpeg', data: fakeMp3(name) }],
    });
    const music = (await t.state())?.draft.music;
    if (music?.kind !== 'custom') throw new Error(`upload of ${name} did not become the music`);
    return music.music_id;
  }

  it('"I don\'t know any music IDs" lists the uploads newest first, then TikTok\'s library, numbered', async () => {
    const t = h.thread();
    await t.script(UP_TO_MUSIC);
    const older = await uploadTrack(t, 'brand_jingle.mp3');
    const newer = await uploadTrack(t, 'spring_theme.mp3');
    const replies = await t.say("I don't know any music IDs");
    expect(textOf(replies)).not.toContain("didn't catch");
    const list = musicList(replies);
    expect(list).toBeDefined();
    const lines = list?.type === 'text' ? list.text.split('\n') : [];
    expect(lines[0]).toBe(
      "Music you can use (your uploads newest first, then TikTok's commercial music):",
    );
    expect(lines[1]).toBe(`#1  ${newer}  spring_theme.mp3 · your upload · 1 s`);
    expect(lines[2]).toBe(`#2  ${older}  brand_jingle.mp3 · your upload · 1 s`);
    expect(lines[3]).toMatch(/^#3 {2}123 {2}Easy Morning\.mp3 · Emulator Band · POP · 30 s$/);
    expect(lines[4]).toMatch(/^#4 {2}music_123 {2}Upbeat Summer Pop\.mp3 · /);
    expect(lines.join('\n')).not.toContain('studio_loop'); // creative-tool music, not for carousels
    expect(lines.at(-2)).toMatch(
      /^Pick by number \(e\.g\. #2\), in words \(the upbeat one\) or by id/,
    );
    expect(lines.at(-1)).toContain('“no music”');
    // The draft is unchanged by the question, and the open question comes again.
    expect((await t.state())?.draft.music).toMatchObject({ music_id: newer });
    expect(
      blocksOf(replies)
        .filter((b) => b.type === 'question')
        .at(-1),
    ).toBeDefined();
    expect((await t.state())?.music_listed).toBe(true);

    // "#2" picks the second line: the older upload.
    const picked = await t.say('#2');
    expect((await t.state())?.draft.music).toEqual({ kind: 'existing', music_id: older });
    expect(textOf(picked)).toContain(`Got it: music ${older}`);
    expect(textOf(picked)).not.toContain("didn't catch");
    expect((await t.state())?.music_listed).toBeUndefined();
  });

  it.each([
    ['the second one', 'music_123'],
    ['#3', 'music_456'],
    ['the upbeat one', 'music_123'],
    ['the calm piano', 'music_456'],
    ['music_789', 'music_789'],
  ])('on a fresh list, "%s" picks %s and TikTok confirms it', async (words, id) => {
    const t = h.thread();
    await t.script(UP_TO_MUSIC);
    const listed = await t.say('show me the music');
    expect(musicList(listed)).toBeDefined();
    const replies = await t.say(words);
    expect((await t.state())?.draft.music).toEqual({ kind: 'existing', music_id: id });
    expect(textOf(replies)).toContain(`TikTok confirmed music ${id}`);
    // Picking moved the conversation on to the next question.
    expect(
      blocksOf(replies)
        .filter((b) => b.type === 'question')
        .at(-1),
    ).toMatchObject({ field: 'landing_page_url' });
  });

  it('asked for at the media question, the music list is the one "#3" picks from, then media is asked again', async () => {
    const t = h.thread();
    await t.script([...UP_TO_MUSIC, 'Use music_123', 'https://shop.example.com/summer']);
    expect((await t.state())?.last_question).toBe('media');
    const listed = await t.say('show me the music');
    expect(musicList(listed)).toBeDefined();
    // No media list under it: "#3" must not be ambiguous.
    expect(blocksOf(listed).some((b) => b.type === 'media_choice')).toBe(false);
    const replies = await t.say('#3');
    const state = await t.state();
    expect(state?.draft.music).toEqual({ kind: 'existing', music_id: 'music_456' });
    expect(state?.draft.image_ids).toBeUndefined();
    expect(state?.last_question).toBe('media');
    expect(blocksOf(replies).some((b) => b.type === 'media_choice')).toBe(true);
  });

  it('a media question asked after the music list has the newer list: "#1" picks media, not music', async () => {
    const t = h.thread();
    await t.script(UP_TO_MUSIC);
    await uploadTrack(t, 'our_theme.mp3');
    await t.say('show me the music'); // at the landing page question
    await t.say('https://shop.example.com/summer'); // now the media question, with its list
    const music = (await t.state())?.draft.music;
    await t.say('#1');
    const state = await t.state();
    expect(state?.draft.music).toEqual(music);
    expect(state?.draft.image_ids).toEqual(['img_summer_1']);
  });

  it('"#2" picks nothing when no music list was shown', async () => {
    const t = h.thread();
    await t.script(UP_TO_MUSIC);
    await t.say('#2');
    expect((await t.state())?.draft.music).toBeUndefined();
  });

  it('"the upbeat one" under the music list picks music, not a bare answer to the open objective question', async () => {
    const t = h.thread();
    await t.script(['Create a campaign called Summer Sale']);
    expect((await t.state())?.last_question).toBe('objective_type');
    expect(musicList(await t.say('show me the music'))).toBeDefined();
    const replies = await t.say('the upbeat one');
    const state = await t.state();
    expect(state?.draft.music).toEqual({ kind: 'existing', music_id: 'music_123' });
    expect(state?.draft.objective_type).toBeUndefined();
    expect(textOf(replies)).not.toContain('not an objective');
  });

  it('words that match no track change nothing', async () => {
    const t = h.thread();
    await t.script(UP_TO_MUSIC);
    await t.say('which music can I use?');
    await t.say('the kazoo polka');
    expect((await t.state())?.draft.music).toBeUndefined();
  });

  it('"#2" with no list open says there is none and how to get one, not "didn\'t catch"', async () => {
    const t = h.thread();
    await t.script(UP_TO_MUSIC);
    const replies = await t.say('#2');
    expect(textOf(replies)).toContain(
      'There is no list open to pick “#2” from. Say “show me the music” for a numbered music list',
    );
    expect(textOf(replies)).not.toContain("didn't catch");
    expect((await t.state())?.draft.music).toBeUndefined();
  });

  it('asked before linking: says the list needs the link, then shows it by itself once linked', async () => {
    const linking = new TestLinking();
    const unlinked = await Harness.start({ access: linking });
    try {
      const t = unlinked.thread('early', { id: 'U_REQ', name: 'rita' });
      await t.script(UP_TO_MUSIC);
      const replies = await t.say("I don't know any music IDs");
      expect(musicList(replies)).toBeUndefined();
      expect(textOf(replies)).toContain(
        'The music list comes from your TikTok account, which is not linked yet: open the private link I sent you',
      );
      expect((await t.state())?.music_listed).toBeUndefined();
      const early = await t.say('#2');
      expect(textOf(early)).toContain('There is no list open to pick “#2” from.');
      expect(textOf(early)).toContain('once it is linked');
      expect((await t.state())?.draft.music).toBeUndefined();

      linking.complete({ platform: 'console', workspace_id: 'local', user_id: 'U_REQ' });
      const linked = await t.linked();
      expect(textOf(linked)).toContain('You asked for the music list before linking');
      expect(musicList(linked)).toBeDefined();
      expect((await t.state())?.music_listed).toBe(true);
      expect((await t.state())?.music_list_wanted).toBeUndefined();
      await t.say('#2');
      expect((await t.state())?.draft.music).toEqual({ kind: 'existing', music_id: 'music_123' });
    } finally {
      await unlinked.close();
    }
  });

  it('linking after music was chosen shows no list', async () => {
    const linking = new TestLinking();
    const unlinked = await Harness.start({ access: linking });
    try {
      const t = unlinked.thread('chosen', { id: 'U_REQ', name: 'rita' });
      await t.script([...UP_TO_MUSIC, 'which music can I use?', 'use music_456']);
      expect((await t.state())?.music_list_wanted).toBeUndefined();
      linking.complete({ platform: 'console', workspace_id: 'local', user_id: 'U_REQ' });
      expect(musicList(await t.linked())).toBeUndefined();
    } finally {
      await unlinked.close();
    }
  });
});
