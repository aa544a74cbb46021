import { stateOf } from '../../support/thread-states';
import { messageEvent, NOW, turnRig } from './turn-rig';

describe('TurnContext', () => {
  it('say(): the held-back blocks open the reply, then the new ones, once', async () => {
    const rig = turnRig();
    rig.ctx.pending.push({ type: 'text', text: 'Got it.' });
    await rig.ctx.say({ type: 'text', text: 'Next?' });
    await rig.ctx.say({ type: 'text', text: 'Again.' });
    expect(
      rig.replies.map((reply) => reply.blocks.map((block) => 'text' in block && block.text)),
    ).toEqual([['Got it.', 'Next?'], ['Again.']]);
    expect(rig.replies[0]?.thread_id).toBe(stateOf().thread_id);
  });

  it("fresh(): an empty collecting draft for the event's thread and sender, stamped now", () => {
    const rig = turnRig({ event: messageEvent('hi', { user: { id: 'U9', name: 'Nia' } }) });
    const state = rig.ctx.fresh();
    expect(state).toMatchObject({
      thread_id: stateOf().thread_id,
      requester: { id: 'U9', name: 'Nia' },
      status: 'collecting',
      draft: {},
      revision: 0,
      approvals: [],
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    });
    expect(state.draft_id).toMatch(/\S/);
    expect(rig.ctx.fresh().draft_id).not.toBe(state.draft_id);
  });

  it('remember(): keeps the last few lines the model sees, each cut to 500 characters', () => {
    const rig = turnRig();
    const state = stateOf();
    for (let line = 1; line <= 6; line += 1)
      rig.ctx.remember(state, { role: 'user', text: `line ${line}` });
    rig.ctx.remember(state, { role: 'bot', text: 'x'.repeat(600) });
    expect(state.recent.map((line) => line.text.slice(0, 6))).toEqual([
      'line 4',
      'line 5',
      'line 6',
      'xxxxxx',
    ]);
    expect(state.recent[3]?.text).toHaveLength(500);
  });

  it("requesterAuth(): the requester's only advertiser; none with several and no pick, or no link", async () => {
    const one = turnRig({ account: { access_token: 'tok', advertiser_ids: ['adv1'] } });
    expect(await one.ctx.requesterAuth(stateOf())).toEqual({
      access_token: 'tok',
      advertiser_id: 'adv1',
    });
    const several = turnRig({ account: { access_token: 'tok', advertiser_ids: ['adv1', 'adv2'] } });
    expect(await several.ctx.requesterAuth(stateOf())).toBeNull();
    expect(await several.ctx.requesterAuth(stateOf({ advertiser_id: 'adv2' }))).toEqual({
      access_token: 'tok',
      advertiser_id: 'adv2',
    });
    expect(await turnRig().ctx.requesterAuth(stateOf())).toBeNull();
  });

  it('requesterAccount(): looked up once per turn for the same requester', async () => {
    let lookups = 0;
    const rig = turnRig();
    rig.ctx.deps.access.resolve = async () => {
      lookups += 1;
      return null;
    };
    await rig.ctx.requesterAccount(stateOf());
    await rig.ctx.requesterAccount(stateOf());
    expect(lookups).toBe(1);
  });

  it('library(): empty without a usable link, never calling TikTok', async () => {
    expect(await turnRig().ctx.library(stateOf())).toEqual([]);
  });
});
