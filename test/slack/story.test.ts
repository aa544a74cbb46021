import { blockKitProblems } from '../../adapters/slack';
import { commandRequest } from '../standins/slack-requests';
import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN'; // teammate

describe('Slack: the whole story', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('slash command, link by DM at once, thread chat, link mid-conversation, a teammate ✅, submit, progress, result card', async () => {
    const linking = new TestLinking();
    rig = await SlackRig.start({ access: linking, settings: { allow_self_approval: false } });
    const { standin, emulator } = rig;

    // 1. The slash command is acked at once with an empty 200, then the bot opens a thread.
    const started = Date.now();
    const ack = await rig.send(
      commandRequest({
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: ANA,
        user_name: 'ana',
        text: 'Create a campaign called Summer Sale for traffic',
        response_url: standin.responseUrl(),
      }),
    );
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    await rig.idle();
    const root = rig.lastRoot();
    expect(root.text).toContain(`<@${ANA}> started a TikTok ad draft`);
    expect(JSON.stringify(root.blocks)).toContain('Summer Sale for traffic');
    const thread = root.ts;
    // The words were the first message: the campaign name is saved, the next question asked.
    expect((await rig.saved(thread))?.draft).toMatchObject({
      campaign_name: 'Summer Sale',
      objective_type: 'TRAFFIC',
    });
    expect(rig.threadText(thread)).toMatch(/ad text/i);
    // Every turn that changed the draft opens with what was understood.
    expect(rig.threadText(thread)).toContain(
      'Got it: campaign name Summer Sale · objective Traffic',
    );

    // 2. Ana has no TikTok link yet, so she gets a private link by DM at once, before any approval.
    expect(rig.threadText(thread)).toMatch(/private link/);
    const opened = standin.callsTo('conversations.open');
    expect(opened.map((c) => c.params.users)).toEqual([ANA]);
    const dm = standin.messagesIn(`D${ANA}`);
    expect(dm).toHaveLength(1);
    expect(JSON.stringify(dm[0]?.blocks)).toContain(linking.invites[0]?.url);
    expect(rig.threadText(thread)).not.toContain(linking.invites[0]?.url ?? 'no-url');

    // 3. The conversation continues in the thread (URLs arrive in Slack's <…> form); Ana links
    //    midway (the OAuth callback's part): account_linked goes to the engine with the adapter's
    //    sink, which reaches Slack from the thread id alone.
    for (const line of ['Big summer deals on every order', 'Shop now'])
      expect((await rig.say(thread, ANA, line)).status).toBe(200);
    const user = { platform: 'slack' as const, workspace_id: TEAM, user_id: ANA };
    const thread_id = `slack:${TEAM}:${CHANNEL}:${thread}`;
    expect(linking.complete(user)).toBe(thread_id);
    await rig.engine.handle(
      {
        type: 'account_linked',
        event_id: 'link-1',
        thread_id,
        platform: 'slack',
        workspace_id: TEAM,
        channel_id: CHANNEL,
        user: { id: ANA, name: 'ana' },
      },
      rig.adapter.sink,
    );
    await rig.idle();
    expect(JSON.stringify(standin.messagesIn(`D${ANA}`).at(-1)?.blocks)).toMatch(
      /Your TikTok account is linked/,
    );
    expect(rig.threadText(thread)).toMatch(/TikTok account linked for ana/);
    for (const line of ['No music needed', '<https://shop.example.com/summer>', 'vid_summer_1'])
      expect((await rig.say(thread, ANA, line)).status).toBe(200);
    const card = rig.find(thread, '"action_id":"tab:approve"');
    expect(card).toBeDefined();
    expect(JSON.stringify(card?.blocks)).toContain('https://shop.example.com/summer');
    expect(card?.text).toMatch(/Approval needed: 0 of 1/);

    // 4. The requester's own ✅ does not count; a notice says so.
    await rig.react(card?.ts ?? '', ANA, 'white_check_mark');
    expect(rig.ephemeralText(thread, ANA)).toMatch(/teammate needs to approve/);
    expect(rig.threadText(thread)).not.toMatch(/teammate needs to approve/);
    expect((await rig.saved(thread))?.approvals).toEqual([]);

    // 5. A teammate's ✅ approves, and the submit runs with Ana's linked account.
    expect(emulator.counts().campaigns).toBe(0);
    await rig.react(card?.ts ?? '', BEN, 'white_check_mark');
    expect(rig.threadText(thread)).not.toMatch(/approval again/);

    // 6. Progress: one message, posted once and updated in place while the steps run.
    const progress = rig.find(thread, 'Submitting to TikTok');
    expect(progress).toBeDefined();
    // (The approval card is updated in place too, as approvals arrive.)
    const updates = standin.callsTo('chat.update').filter((u) => u.params.ts !== card?.ts);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(updates.map((u) => u.params.ts))).toEqual(new Set([progress?.ts]));
    expect(progress?.versions.length).toBe(updates.length + 1);
    const last = JSON.stringify(progress?.blocks);
    expect(last).not.toMatch(/hourglass|white_circle/);

    // 7. The result card carries TikTok's ids.
    const counts = emulator.counts();
    expect(counts).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    const saved = await rig.saved(thread);
    expect(saved?.status).toBe('submitted');
    const result = rig.find(thread, 'Created on TikTok');
    for (const id of [saved?.submission?.campaign_id, saved?.submission?.ad_id])
      expect(JSON.stringify(result?.blocks)).toContain(String(id));

    // Every payload the bot sent fits Block Kit's limits and used the bot token.
    const posts = standin.calls.filter((c) => /^chat\.(postMessage|update)$/.test(c.method));
    expect(posts.length).toBeGreaterThan(10);
    for (const call of posts) expect(blockKitProblems(call.params)).toEqual([]);
    expect(new Set(standin.calls.map((c) => c.token))).toEqual(new Set(['xoxb-test']));
  });
});
