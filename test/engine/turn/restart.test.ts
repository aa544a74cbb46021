import { restartFromMessage, startAgain } from '../../../src/engine/turn/restart';
import { emptyUpdates } from '../../../src/model/proposal';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';
import { turnRig } from './turn-rig';

describe('restartFromMessage', () => {
  it('a ready draft stays: only points at Reset', async () => {
    const rig = turnRig();
    const saved = stateOf({ status: 'ready', draft: COMPLETE_DRAFT });
    expect(await restartFromMessage(rig.steps, saved, emptyUpdates())).toEqual({ outcome: null });
    expect(rig.blocks()[0]).toMatchObject({
      tone: 'warning',
      actions: [{ action_id: 'reset', label: 'Reset' }],
    });
    expect(rig.said()).toMatch(/^This draft is ready for approval/);
  });

  it('no details after the restart: starts over and asks the first question', async () => {
    const rig = turnRig();
    const saved = stateOf({ draft: { campaign_name: 'Old' }, revision: 3 });
    const result = await restartFromMessage(rig.steps, saved, emptyUpdates());
    expect('outcome' in result && result.outcome?.draft).toEqual({});
    expect(rig.said()).toMatch(/^Started over with an empty draft\./);
  });

  it('details after the restart: the fresh state comes back for them, nothing asked yet', async () => {
    const rig = turnRig();
    const saved = stateOf({ draft: { campaign_name: 'Old' } });
    const result = await restartFromMessage(rig.steps, saved, {
      ...emptyUpdates(),
      campaign_name: 'Taco Tuesday',
    });
    expect('state' in result && result.state.draft).toEqual({});
    expect(rig.said()).toBe('Started over with an empty draft.');
  });
});

describe('startAgain', () => {
  it('says so and returns an empty draft for the same thread', async () => {
    const rig = turnRig();
    const next = await startAgain(rig.steps, stateOf({ draft: COMPLETE_DRAFT }));
    expect(next.draft).toEqual({});
    expect(next.thread_id).toBe(stateOf().thread_id);
    expect(next.last_question).toBe('campaign_name');
  });
});
