import { StaticAccessResolver } from '../../src/engine/access';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { blockActionsRequest } from '../standins/slack-requests';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';
import { draftToApproval } from './to-approval';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN'; // a teammate
const EXT = 'U0EXT'; // Slack Connect: a user of another organization
const OTHER_TEAM = 'T0OTHER';
const access = () =>
  new StaticAccessResolver({
    access_token: EMULATOR_ACCESS_TOKEN,
    advertiser_id: EMULATOR_ADVERTISER_ID,
  });

const SLACK_CONNECT =
  "That does not count: you are in another organization (Slack Connect), and only this workspace's own people approve or reject its ads. An admin can name you in APPROVERS.";

/** A Traffic draft at its approval card; the card message. */
async function toCard(rig: SlackRig) {
  const thread = await draftToApproval(rig, ANA);
  const card = rig.find(thread, '"action_id":"tab:approve"');
  if (!card) throw new Error('no approval card');
  return { thread, card };
}

/** A signed Approve/Reject click from a user whose home team is `user_team_id`. */
async function clickAs(
  rig: SlackRig,
  card: { ts: string; thread_ts?: string },
  user_id: string,
  user_team_id: string,
  action_id = 'tab:approve',
) {
  await rig.send(
    blockActionsRequest({
      team_id: TEAM,
      user_id,
      user_team_id,
      channel: CHANNEL,
      message_ts: card.ts,
      ...(card.thread_ts ? { thread_ts: card.thread_ts } : {}),
      action_id,
      response_url: rig.standin.responseUrl(),
    }),
  );
  await rig.idle();
}

describe('Slack: only the workspace’s own people approve', () => {
  let rig: SlackRig;
  afterEach(async () => {
    await rig?.close();
  });

  it('a Slack Connect click or ✅ from another organization is refused, says why, and submits nothing', async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    rig.standin.setHome(EXT, OTHER_TEAM);
    const { thread, card } = await toCard(rig);
    const before = await rig.saved(thread);

    await clickAs(rig, card, EXT, OTHER_TEAM);
    await rig.react(card.ts, EXT, 'white_check_mark');
    await clickAs(rig, card, EXT, OTHER_TEAM, 'tab:reject');

    expect(rig.ephemeralText(thread, EXT).split(SLACK_CONNECT)).toHaveLength(4);
    expect(rig.threadText(thread)).not.toContain('another organization');
    const after = await rig.saved(thread);
    expect(after?.approvals).toEqual([]);
    expect(after?.status).toBe('awaiting_approval');
    expect(after?.draft).toEqual(before?.draft);
    expect(rig.emulator.counts().campaigns).toBe(0);

    // A teammate of the workspace still approves, and the ad is created once.
    await rig.react(card.ts, BEN, 'white_check_mark');
    expect(rig.emulator.counts()).toMatchObject({ campaigns: 1, ads: 1 });
  });

  it('a ✅ from a user of another enterprise (Grid) is refused too: reactions are checked with users.info', async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    rig.standin.setHome(EXT, OTHER_TEAM, 'E0OTHER');
    const { thread } = await toCard(rig);
    const card = rig.find(thread, '"action_id":"tab:approve"');
    if (!card) throw new Error('no card');
    await rig.react(card.ts, EXT, 'white_check_mark');
    expect(rig.ephemeralText(thread, EXT)).toContain(SLACK_CONNECT);
    expect((await rig.saved(thread))?.approvals).toEqual([]);
  });

  it('counts an outsider that APPROVERS names', async () => {
    rig = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false, approvers: [EXT] },
    });
    rig.standin.setHome(EXT, OTHER_TEAM);
    const { card } = await toCard(rig);
    await clickAs(rig, card, EXT, OTHER_TEAM);
    expect(rig.emulator.counts()).toMatchObject({ campaigns: 1, ads: 1 });
  });

  it('✔️ does not approve (only the documented ✅ does), and the person is told so', async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    const { thread, card } = await toCard(rig);
    await rig.react(card.ts, BEN, 'heavy_check_mark');
    expect((await rig.saved(thread))?.approvals).toEqual([]);
    expect(rig.emulator.counts().campaigns).toBe(0);
    expect(rig.ephemeralText(thread, BEN)).toContain(
      'Only ✅ (white_check_mark) approves an ad; other check marks such as ✔️ do not count. React with ✅ to approve.',
    );
  });
});
