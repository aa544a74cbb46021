import { DiscordFixture, textOfMessage } from '../../discord/support';

// DiscordHandlers, one method per gateway event, driven through the Discord stand-in's real
// gateway and REST: what each handler takes to the engine and what it leaves alone.
describe('DiscordHandlers', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('onSlashCommand: a redelivered /tiktok-ad interaction opens one thread, not two', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const d = f.standin.slashCommand(rita, 'Spring Steps for traffic');
    f.standin.dispatch('INTERACTION_CREATE', d);
    await f.settle();
    expect(f.standin.threads()).toHaveLength(1);
    const thread = String(f.standin.threads()[0]?.id);
    expect((await f.state(thread))?.draft).toMatchObject({
      campaign_name: 'Spring Steps',
      objective_type: 'TRAFFIC',
    });
  });

  it("onMessage: only the bot's own draft threads reach the engine", async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Spring Steps for traffic');
    await f.settle();
    const before = f.botMessages(thread).length;
    f.standin.userMessage(rita, f.standin.channelId, 'ad text: Fresh kicks');
    const theirs = f.standin.userThread(rita, 'our own chat');
    f.standin.userMessage(rita, theirs, 'ad text: Fresh kicks');
    await f.settle();
    expect(f.botMessages(f.standin.channelId).some((m) => /Got it/.test(textOfMessage(m)))).toBe(
      false,
    );
    expect(f.botMessages(theirs)).toEqual([]);
    expect(f.botMessages(thread)).toHaveLength(before);
    f.standin.userMessage(rita, thread, 'ad text: Fresh kicks for spring');
    await f.waitForBotMessage(thread, /Got it: ad text/);
  });

  it('onReaction: a look-alike check mark is told privately what approves, and changes nothing', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    const { thread, card } = await f.readyDraft(rita);
    f.standin.react(tom, thread, card, '✔️');
    await f.settle();
    expect((await f.state(thread))?.approvals).toEqual([]);
    expect(f.emulator.counts().campaigns).toBe(0);
    const told = JSON.stringify([
      ...f.standin.ephemerals,
      ...f.botMessages(thread).map(textOfMessage),
    ]);
    expect(told).toContain('Only ✅');
  });

  it("onButton: another app's button is left alone", async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const { thread, card } = await f.readyDraft(rita);
    const before = f.botMessages(thread).length;
    f.standin.clickButton(rita, thread, card, 'otherapp:approve');
    await f.settle();
    expect(f.botMessages(thread)).toHaveLength(before);
    expect((await f.state(thread))?.approvals).toEqual([]);
  });
});
