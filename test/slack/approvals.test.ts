import { StaticAccessResolver } from '../../src/engine/access';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { CHANNEL, SlackRig } from './slack-rig';
import { draftToApproval } from './to-approval';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN';
const CAL = 'U0CAL';
const DEE = 'U0DEE';
const access = () =>
  new StaticAccessResolver({
    access_token: EMULATOR_ACCESS_TOKEN,
    advertiser_id: EMULATOR_ADVERTISER_ID,
  });

/** Runs a Traffic video draft to its approval card. */
async function toApproval(rig: SlackRig): Promise<{ thread: string; cardTs: string }> {
  const thread = await draftToApproval(rig, ANA);
  const card = rig.find(thread, '"action_id":"tab:approve"');
  if (!card) throw new Error('no approval card');
  return { thread, cardTs: card.ts };
}

describe('Slack: team approval', () => {
  let rig: SlackRig;
  afterEach(async () => {
    await rig?.close();
  });

  it('refuses self-approval (reaction and button) with a notice; the card shows who approved and how many are needed', async () => {
    rig = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false, approvals_required: 2 },
    });
    const { thread, cardTs } = await toApproval(rig);
    const card = rig.standin.messagesIn(CHANNEL, thread).find((m) => m.ts === cardTs);
    expect(JSON.stringify(card?.blocks)).toContain(
      `<@${ANA}> requested this ad, so a teammate approves it (not the requester, nor whoever changed it).`,
    );
    expect(JSON.stringify(card?.blocks)).toMatch(/0 of 2 approvals, 2 still needed/);

    await rig.react(cardTs, ANA, 'white_check_mark');
    if (card) await rig.click(card, ANA, 'tab:approve');
    // Refusals are shown only to the person refused (chat.postEphemeral), never in the thread.
    expect(rig.ephemeralText(thread, ANA).match(/a teammate needs to approve it/g)).toHaveLength(2);
    expect(rig.threadText(thread)).not.toMatch(/a teammate needs to approve it/);
    expect((await rig.saved(thread))?.approvals).toEqual([]);

    const posted = rig.standin.messagesIn(CHANNEL, thread).length;
    await rig.react(cardTs, BEN, 'white_check_mark::skin-tone-3');
    // The card itself was updated in place (chat.update), not posted again.
    const updated = rig.standin.messagesIn(CHANNEL, thread).find((m) => m.ts === cardTs);
    expect(JSON.stringify(updated?.blocks)).toMatch(/1 of 2 approvals, 1 still needed/);
    expect(JSON.stringify(updated?.blocks)).toContain(`Approved by <@${BEN}>.`);
    expect(updated?.versions.length).toBe(2);
    expect(rig.standin.messagesIn(CHANNEL, thread)).toHaveLength(posted);
    expect(rig.emulator.counts().campaigns).toBe(0);
  });

  it('the bot’s own reactions and other emoji do not count; removing ✅ withdraws', async () => {
    rig = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false, approvals_required: 2 },
    });
    const { thread, cardTs } = await toApproval(rig);
    await rig.react(cardTs, rig.standin.bot_user_id, 'white_check_mark');
    await rig.react(cardTs, BEN, 'tada');
    expect((await rig.saved(thread))?.approvals).toEqual([]);
    await rig.react(cardTs, BEN, 'white_check_mark');
    expect((await rig.saved(thread))?.approvals.map((a) => a.user)).toEqual([BEN]);
    await rig.react(cardTs, BEN, 'white_check_mark', false);
    expect(rig.threadText(thread)).toMatch(/Approval withdrawn/);
    expect((await rig.saved(thread))?.approvals).toEqual([]);
  });

  it('an edit after an approval drops it and asks for approval again', async () => {
    rig = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false, approvals_required: 2 },
    });
    const { thread, cardTs } = await toApproval(rig);
    const card = rig.standin.messagesIn(CHANNEL, thread).find((m) => m.ts === cardTs);
    if (card) await rig.click(card, BEN, 'tab:approve');
    expect((await rig.saved(thread))?.approvals.map((a) => a.user)).toEqual([BEN]);

    await rig.say(thread, CAL, 'set budget to 80');
    expect(rig.threadText(thread)).toMatch(/earlier approvals were dropped/);
    const again = rig.standin.messagesIn(CHANNEL, thread).at(-1);
    expect(JSON.stringify(again?.blocks)).toMatch(/0 of 2 approvals/);
    expect(JSON.stringify(again?.blocks)).toContain('80 USD');
    expect(await rig.saved(thread)).toMatchObject({
      status: 'awaiting_approval',
      approvals: [],
      draft: { budget: 80 },
    });
    // Two approvals on the new card submit the edited version (not Cal's: Cal changed it).
    await rig.react(again?.ts ?? '', BEN, 'white_check_mark');
    await rig.react(again?.ts ?? '', CAL, 'white_check_mark');
    expect(rig.ephemeralText(thread, CAL)).toMatch(/You changed budget in this version/);
    expect(rig.emulator.counts().campaigns).toBe(0);
    await rig.react(again?.ts ?? '', DEE, 'white_check_mark');
    expect(rig.emulator.counts()).toMatchObject({ campaigns: 1, ads: 1 });
    expect(rig.find(thread, 'Created on TikTok')).toBeDefined();
  });

  it('❌ on the card sends the draft back for editing', async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    const { thread, cardTs } = await toApproval(rig);
    await rig.react(cardTs, BEN, 'x');
    expect(rig.threadText(thread)).toMatch(/sent back for editing/);
    expect((await rig.saved(thread))?.status).toBe('collecting');
  });

  it('reactions and buttons find the card through Redis after a restart', async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    const { thread, cardTs } = await toApproval(rig);
    const { standin, emulator, keys } = rig;
    await rig.close({ keepKeys: true, keepStandin: true, keepEmulator: true });

    rig = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false },
      prefix: keys.prefix,
      standin,
      emulator,
    });
    await rig.react(cardTs, BEN, 'white_check_mark');
    expect(rig.find(thread, 'Created on TikTok')).toBeDefined();
    expect(emulator.counts()).toMatchObject({ campaigns: 1, ads: 1 });
    await rig.close();
    await standin.close();
    await emulator.close();
    rig = undefined as unknown as SlackRig;
  });
});
