import {
  blocksOf,
  CAROUSEL_SCRIPT,
  deleteRedisPrefix,
  Harness,
  textOf,
  VIDEO_SCRIPT,
} from '../support/harness';

describe.each([
  ['in-memory store', false],
  ['Redis store', true],
])('a whole conversation (%s)', (_name, redis) => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start({ redis });
  });
  afterEach(async () => {
    await h.close();
    if (redis) await deleteRedisPrefix(h.prefix);
  });

  it('asks only for what is missing, then creates a Conversions carousel with music', async () => {
    const t = h.thread();
    const first = await t.say(CAROUSEL_SCRIPT[0] ?? '');
    const question = blocksOf(first).find((b) => b.type === 'question');
    expect(question).toMatchObject({ type: 'question', field: 'ad_text' });

    const rest = await t.script(CAROUSEL_SCRIPT.slice(1));
    const asked = blocksOf(rest).flatMap((b) => (b.type === 'question' ? [b.field] : []));
    expect(asked).toEqual(['call_to_action', 'music', 'landing_page_url', 'media']);
    expect(textOf(rest)).toContain('TikTok confirmed music music_123');
    expect(blocksOf(rest).some((b) => b.type === 'approval_request')).toBe(true);
    expect((await t.state())?.status).toBe('awaiting_approval');
    expect(h.emulator.counts().campaigns).toBe(0);

    const approved = await t.act('approve');
    const result = blocksOf(approved).find((b) => b.type === 'result');
    expect(result).toMatchObject({
      type: 'result',
      advertiser_id: expect.any(String),
      campaign_id: expect.any(String),
      adgroup_id: expect.any(String),
      ad_id: expect.any(String),
    });
    const progress = approved.filter((r) => r.key?.startsWith('progress:'));
    expect(progress.length).toBeGreaterThanOrEqual(6);
    expect(new Set(progress.map((r) => r.key)).size).toBe(1);

    const counts = h.emulator.counts();
    expect(counts).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    const saved = await t.state();
    expect(saved?.status).toBe('submitted');
    expect(saved?.draft).toMatchObject({
      campaign_name: 'SoluLab',
      objective_type: 'WEB_CONVERSIONS',
      call_to_action: 'LEARN_MORE',
      music: { kind: 'existing', music_id: 'music_123' },
      image_ids: ['img_summer_1', 'img_summer_2'],
    });
    if (result?.type === 'result')
      expect(saved?.submission).toMatchObject({
        campaign_id: result.campaign_id,
        ad_id: result.ad_id,
      });
  });

  it('creates a Traffic single video with no music, picking a cover of the same shape', async () => {
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    const saved = await t.state();
    expect(saved?.draft).toMatchObject({
      music: { kind: 'none' },
      video_id: 'vid_summer_1',
      image_ids: [expect.any(String)],
    });
    const approved = await t.act('approve');
    expect(blocksOf(approved).some((b) => b.type === 'result')).toBe(true);
    expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
  });
});
