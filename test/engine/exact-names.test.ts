import { renderReply } from '../../adapters/console/render';
import type { Reply } from '../../src/engine/reply';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { Harness, VIDEO_SCRIPT } from '../support/harness';

const AUTH = { access_token: EMULATOR_ACCESS_TOKEN, advertiser_id: EMULATOR_ADVERTISER_ID };

/** The last ad preview card of these replies: what the approver saw. */
function lastCard(replies: Reply[]) {
  const reply = replies.filter((r) => r.blocks.some((b) => b.type === 'ad_preview')).at(-1);
  const block = reply?.blocks.find((b) => b.type === 'ad_preview');
  if (!reply || block?.type !== 'ad_preview') throw new Error('no ad preview card');
  return { name: block.draft.campaign_name, text: renderReply(reply) };
}

describe('the campaign TikTok receives carries the approved name, exactly', () => {
  it.each(['Denim Days', "Rosie's Crumbs 2025", '夏のセール 2026'])(
    '"%s": every campaign made is named as the card showed it',
    async (name) => {
      const h = await Harness.start();
      const t = h.thread();
      const replies = await t.script([
        `Create a campaign called ${name} for traffic`,
        ...VIDEO_SCRIPT.slice(1),
      ]);
      const card = lastCard(replies);
      expect(card.name).toBe(name);
      expect(card.text).toContain(name);
      await t.act('approve');
      expect((await t.state())?.status).toBe('submitted');
      const made = [...h.emulator.state.campaigns.values()].map((c) => c.campaign_name);
      expect(made).toEqual([name]);
      // The names the bot chooses carry the submission's tag, so they stay findable.
      const tag = (await t.state())?.submission?.key?.slice(0, 8) ?? '';
      expect([...h.emulator.state.adgroups.values()].map((g) => g.adgroup_name)).toEqual([
        `${name} - ${tag} - ad group`,
      ]);
      expect([...h.emulator.state.ads.values()].map((a) => a.ad_name)).toEqual([
        `${name} - ${tag} - ad`,
      ]);
      await h.close();
    },
  );

  it('an older campaign of the same name does not stop it: the request_id allows duplicate names', async () => {
    const h = await Harness.start();
    // TikTok's name rule without a request_id is UNCONFIRMED; the emulator can enforce it.
    h.emulator.state.uniqueNamesWithoutRequestId = true;
    const older = await h.client.createCampaign(AUTH, {
      campaign_name: 'Summer Sale',
      objective_type: 'TRAFFIC',
      budget_mode: 'BUDGET_MODE_INFINITE',
      budget_optimize_on: false,
    });
    await expect(
      h.client.createCampaign(AUTH, {
        campaign_name: 'Summer Sale',
        objective_type: 'TRAFFIC',
        budget_mode: 'BUDGET_MODE_INFINITE',
        budget_optimize_on: false,
      }),
    ).rejects.toMatchObject({ tiktok_code: 40002 });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    await t.act('approve');
    const state = await t.state();
    expect(state?.status).toBe('submitted');
    expect(state?.submission?.campaign_id).not.toBe(older.campaign_id);
    const named = [...h.emulator.state.campaigns.values()].filter(
      (c) => c.campaign_name === 'Summer Sale',
    );
    expect(named).toHaveLength(2);
    await h.close();
  });
});
