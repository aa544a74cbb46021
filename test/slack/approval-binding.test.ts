import { StaticAccessResolver } from '../../src/engine/access';
import { STORE_FAILED_TEXT } from '../../src/engine/engine';
import type { ThreadState } from '../../src/engine/thread-state';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { TurnModel } from '../../src/model/proposal';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { TEST_REDIS_URL } from '../support/harness';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';
import { draftToApproval } from './to-approval';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN';
const CAL = 'U0CAL';
const access = () =>
  new StaticAccessResolver({
    access_token: EMULATOR_ACCESS_TOKEN,
    advertiser_id: EMULATOR_ADVERTISER_ID,
  });

const toApproval = (rig: SlackRig) => draftToApproval(rig, ANA);

describe('Slack: approvals bound to the card', () => {
  let rig: SlackRig;
  afterEach(async () => {
    await rig?.close();
  });

  it('a ✅ or a click on a superseded card is refused, the card is marked replaced (buttons removed), and nothing is submitted', async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    const thread = await toApproval(rig);
    const first = rig.find(thread, '"action_id":"tab:approve"');
    expect(JSON.stringify(first?.blocks)).toContain('50 USD');
    await rig.say(thread, ANA, 'set budget to 1000');
    const second = rig.find(thread, '"action_id":"tab:approve"');
    expect(second?.ts).not.toBe(first?.ts);
    expect(JSON.stringify(second?.blocks)).toContain('1000 USD');
    // The first card was edited (chat.update) into a notice without buttons.
    const old = rig.standin.messagesIn(CHANNEL, thread).find((m) => m.ts === first?.ts);
    expect(JSON.stringify(old?.blocks)).toMatch(/Replaced: this approval card/);
    expect(JSON.stringify(old?.blocks)).not.toContain('tab:approve');

    await rig.react(first?.ts ?? '', BEN, 'white_check_mark');
    if (first) await rig.click(first, BEN, 'tab:approve');
    expect(rig.ephemeralText(thread, BEN).match(/out of date/g)).toHaveLength(2);
    expect(rig.emulator.counts()).toMatchObject({ campaigns: 0, adgroups: 0, ads: 0 });
    expect((await rig.saved(thread))?.approvals).toEqual([]);

    // The current card still approves, at the budget it shows.
    await rig.react(second?.ts ?? '', BEN, 'white_check_mark');
    expect(rig.find(thread, 'Created on TikTok')).toBeDefined();
    expect(rig.emulator.counts()).toMatchObject({ campaigns: 1, ads: 1 });
  });

  it('APPROVERS with a Slack user group: a member approves, others are refused privately', async () => {
    rig = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false, approvers: ['S0LEADS'] },
      approvers: ['S0LEADS'],
    });
    rig.standin.addUserGroup('S0LEADS', [CAL]);
    const thread = await toApproval(rig);
    const card = rig.find(thread, '"action_id":"tab:approve"');
    expect(JSON.stringify(card?.blocks)).toContain('<!subteam^S0LEADS>');
    await rig.react(card?.ts ?? '', BEN, 'white_check_mark');
    expect(rig.ephemeralText(thread, BEN)).toMatch(/Only the configured approvers/);
    expect(rig.emulator.counts().campaigns).toBe(0);
    if (card) await rig.click(card, CAL, 'tab:approve');
    expect(rig.standin.callsTo('usergroups.users.list').at(-1)?.params.usergroup).toBe('S0LEADS');
    expect(rig.find(thread, 'Created on TikTok')).toBeDefined();
  });

  it("the Audit trail button shows the thread's records in order, without secrets", async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    const thread = await toApproval(rig);
    const card = rig.find(thread, '"action_id":"tab:approve"');
    await rig.react(card?.ts ?? '', ANA, 'white_check_mark');
    if (card) await rig.click(card, BEN, 'tab:approve');
    const done = rig.find(thread, 'Created on TikTok');
    expect(done).toBeDefined();
    // The approved card has no Approve button any more, but keeps Audit trail.
    const approved = rig.standin.messagesIn(CHANNEL, thread).find((m) => m.ts === card?.ts);
    expect(JSON.stringify(approved?.blocks)).not.toContain('tab:approve');
    if (approved) await rig.click(approved, CAL, 'tab:audit');
    const trail = rig.find(thread, /draft_ready/);
    const text = JSON.stringify(trail?.blocks);
    expect(text).toMatch(
      /1\. .*draft_ready.*2\. .*approval_refused · by U0ANA · hash \w{8} · reason requester.*3\. .*approval · by U0BEN/,
    );
    expect(text).not.toMatch(/xoxb|act\.|token/i);
  });

  it('Redis failing during a turn: the thread is told "I couldn\'t save that", nothing is kept', async () => {
    let failNext = false;
    const offline = new OfflineTurnModel();
    const model: TurnModel = {
      name: 'redis-goes-away',
      propose: async (input) => {
        if (failNext) await rig.store.close();
        return offline.propose(input);
      },
    };
    rig = await SlackRig.start({ access: access(), model });
    await rig.command('Create a campaign called Summer Sale for traffic', ANA);
    const thread = rig.lastRoot().ts;
    failNext = true;
    await rig.say(thread, ANA, 'Big summer deals on every order');
    expect(rig.threadText(thread)).toContain(STORE_FAILED_TEXT);
    expect(rig.threadText(thread)).not.toMatch(/Sorry, something went wrong/);
    const fresh = new RedisStateStore(TEST_REDIS_URL);
    const saved = await fresh.get<ThreadState>(
      rig.keys.thread(`slack:${TEAM}:${CHANNEL}:${thread}`),
    );
    await fresh.close();
    expect(saved?.draft.campaign_name).toBe('Summer Sale');
    expect(saved?.draft.ad_text).toBeUndefined();
  });

  it('Redis down before the turn starts (thread lookup, claims): the thread is still told', async () => {
    rig = await SlackRig.start({ access: access() });
    await rig.command('Create a campaign called Summer Sale for traffic', ANA);
    const thread = rig.lastRoot().ts;
    await rig.store.close();
    await rig.say(thread, ANA, 'Big summer deals on every order');
    expect(rig.threadText(thread)).toContain(STORE_FAILED_TEXT);
  });
});
