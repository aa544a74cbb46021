import { blocksOf, Harness, textOf } from '../support/harness';

const LINE =
  'Still needed: objective, ad text, call to action, music, landing page, media. You can send several in one message.';

/** The "You can send several in one message" line of `askNext`, said once per draft. */
describe('what is still needed, said once to someone typing one field at a time', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it('says it before the question after a one-field message, and only once', async () => {
    const t = h.thread();
    const first = await t.say('Fall Boots');
    const blocks = blocksOf(first);
    const at = blocks.findIndex((b) => b.type === 'text' && b.text === LINE);
    expect(at).toBeGreaterThan(0);
    expect(blocks[0]).toMatchObject({ type: 'text', text: 'Got it: campaign name Fall Boots' });
    expect(blocks.at(-1)).toMatchObject({ type: 'question', field: 'objective_type' });
    expect(at).toBe(blocks.length - 2);
    const second = await t.say('conversions');
    expect(textOf(second)).not.toContain('You can send several');
    const third = await t.say('Warm boots for cold days!');
    expect(textOf(third)).not.toContain('You can send several');
  });

  it('is not said to someone who already sends several fields at once', async () => {
    const t = h.thread();
    const replies = await t.say('campaign Fall Boots for sales, text: Warm boots, cta shop now');
    expect(textOf(replies)).not.toContain('You can send several');
  });

  it('is not said with fewer than three fields missing', async () => {
    const t = h.thread();
    await t.say('campaign Fall Boots for sales, text: Warm boots, cta shop now, music_123');
    const replies = await t.say('https://boots.example.com');
    expect(textOf(replies)).not.toContain('You can send several');
  });

  it('answers a greeting that asks for an ad with a start, not "Sorry", then the line', async () => {
    const t = h.thread();
    const replies = blocksOf(await t.say("Hello, I'd like to make an ad please."));
    expect(replies.map((b) => b.type)).toEqual(['text', 'text', 'question']);
    expect(replies[0]).toMatchObject({ text: "Sure, let's make a TikTok ad." });
    expect(replies[1]).toMatchObject({
      text: expect.stringMatching(/^Still needed: campaign name/),
    });
    expect((await t.state())?.draft).toEqual({});
  });

  it('is not said after a question, whose answer already lists what is missing', async () => {
    const t = h.thread();
    const replies = await t.say('what do you still need?');
    expect(textOf(replies)).not.toContain('You can send several');
    expect(textOf(await t.say('Fall Boots'))).toContain('You can send several');
  });
});
