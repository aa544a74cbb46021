import { StaticAccessResolver } from '../../src/engine/access';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { CHANNEL, SlackRig } from './slack-rig';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN';
const CAL = 'U0CAL';
const access = () =>
  new StaticAccessResolver({
    access_token: EMULATOR_ACCESS_TOKEN,
    advertiser_id: EMULATOR_ADVERTISER_ID,
  });

async function toApproval(rig: SlackRig): Promise<string> {
  await rig.command('Create a campaign called Summer Sale for traffic', ANA);
  const thread = rig.lastRoot().ts;
  for (const line of [
    'Big summer deals on every order',
    'Shop now',
    'No music needed',
    'https://shop.example.com/summer',
    'vid_summer_1',
  ])
    await rig.say(thread, ANA, line);
  return thread;
}

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
});
