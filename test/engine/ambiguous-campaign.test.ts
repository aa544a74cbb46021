import type { Block } from '../../src/engine/reply';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { blocksOf, Harness, VIDEO_SCRIPT } from '../support/harness';

const AUTH = { access_token: EMULATOR_ACCESS_TOKEN, advertiser_id: EMULATOR_ADVERTISER_ID };

/**
 * The reply to our campaign/create is lost and a namesake made just now fits it as well as ours
 * (same exact name and body fields, switched off, no ad group): the submission adopts neither,
 * creates nothing more, and the thread says which campaigns match and what to do, not a
 * generic failure; after the user deletes one, Retry finishes with the one left.
 */
describe('two campaigns fit a lost campaign/create reply', () => {
  it('says both ids, that nothing more was created, and to delete one and retry', async () => {
    const h = await Harness.start({ timeoutMs: 400 });
    const namesake = (
      await h.client.createCampaign(AUTH, {
        campaign_name: 'Summer Sale',
        objective_type: 'TRAFFIC',
        budget_mode: 'BUDGET_MODE_INFINITE',
        budget_optimize_on: false,
        operation_status: 'DISABLE',
      })
    ).campaign_id;
    h.emulator.state.duplicateMode = '40050';
    h.emulator.faults.set({ kind: 'lose_reply', endpoint: 'campaign/create/', as: 'timeout' });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    const replies = await t.act('approve');

    const ours = [...h.emulator.state.campaigns.keys()].find((id) => id !== namesake) ?? '';
    expect(ours).not.toBe('');
    expect(h.emulator.state.campaigns.size).toBe(2);
    expect(h.emulator.state.adgroups.size).toBe(0);
    const saved = await t.state();
    expect(saved?.status).toBe('failed');
    const remediation = blocksOf(replies).find(
      (b): b is Extract<Block, { type: 'remediation' }> => b.type === 'remediation',
    );
    expect(remediation?.title).toBe('Two campaigns named "Summer Sale" match, so I stopped');
    expect(remediation?.detail).toContain(namesake);
    expect(remediation?.detail).toContain(ours);
    expect(remediation?.detail).toContain('created nothing more');
    expect(remediation?.detail).toContain('Delete one of them in TikTok Ads Manager');
    expect(remediation?.actions.map((a) => a.action_id)).toEqual(['retry']);
    expect(JSON.stringify(blocksOf(replies))).not.toMatch(/something went wrong/i);

    // The user deletes the namesake in Ads Manager; Retry adopts ours, makes no third campaign.
    const extra = h.emulator.state.campaigns.get(namesake);
    if (extra) extra.operation_status = 'DELETE';
    h.emulator.faults.clear();
    await t.act('retry');
    const done = await t.state();
    expect(done?.status).toBe('submitted');
    expect(done?.submission?.campaign_id).toBe(ours);
    expect(h.emulator.state.campaigns.size).toBe(2);
    await h.close();
  });
});
