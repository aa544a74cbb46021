import { blocksOf, CAROUSEL_SCRIPT, Harness } from '../support/harness';

describe('rule violations in the conversation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start({ redis: true });
  });
  afterEach(() => h.close());

  it.each([
    ['set campaign name to ab', 'campaign_name.too_short', 'campaign_name'],
    [`change the ad text to ${'x'.repeat(101)}`, 'ad_text.too_long', 'ad_text'],
    ['set objective to reach', 'objective_type.unsupported', 'objective_type'],
    ['set call to action to Click here', 'call_to_action.unknown', 'call_to_action'],
    ['set landing page to ftp://example.com', 'landing_page_url.scheme', 'landing_page_url'],
    ['set budget to 5000', 'budget.above_cap', 'budget'],
    ['set budget to 3', 'budget.below_minimum', 'budget'],
  ])('"%s" is refused as %s and leaves the saved draft as it was', async (line, rule, field) => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 3));
    const before = await t.state();
    const replies = await t.say(line);
    const block = blocksOf(replies).find((b) => b.type === 'violations');
    expect(block).toMatchObject({
      type: 'violations',
      violations: [{ field, rule, message: expect.any(String) }],
    });
    const after = await t.state();
    expect(after?.draft).toEqual(before?.draft);
    expect(after?.revision).toBe(before?.revision);
  });

  it('an emoji in the ad text is refused with a message', async () => {
    const t = h.thread();
    await t.say('Create a campaign called Emoji Test for traffic');
    const replies = await t.say('Hot deals 🔥');
    expect(blocksOf(replies).find((b) => b.type === 'violations')).toMatchObject({
      violations: [{ rule: 'ad_text.emoji' }],
    });
    expect((await t.state())?.draft.ad_text).toBeUndefined();
  });

  it('carousel media outside the library or not carousel-usable is refused', async () => {
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT.slice(0, 5));
    const unknown = await t.say('img_nope_1');
    expect(blocksOf(unknown).find((b) => b.type === 'violations')).toMatchObject({
      violations: [{ rule: 'media.unknown_image' }],
    });
    const unusable = await t.say('img_noncarousel_1');
    expect(blocksOf(unusable).find((b) => b.type === 'violations')).toMatchObject({
      violations: [{ rule: 'media.not_carousel_usable' }],
    });
    expect((await t.state())?.draft.image_ids).toBeUndefined();
  });
});
