import { resumeEventOf } from '../../src/engine/resume-event';
import { REQUESTER, stateOf } from '../support/thread-states';

describe('resumeEventOf', () => {
  it('goes on as the requester in the same thread, with a fresh resume: id', () => {
    const state = stateOf({ status: 'submitting' });
    const a = resumeEventOf(state);
    const b = resumeEventOf(state, 'store_back');
    expect(a).toMatchObject({
      type: 'submission_resume',
      reason: 'restart',
      thread_id: state.thread_id,
      platform: 'slack',
      workspace_id: 'T1',
      channel_id: 'C1',
      user: REQUESTER,
    });
    expect(b.reason).toBe('store_back');
    expect(a.event_id).toMatch(/^resume:[0-9a-f-]{36}$/);
    expect(a.event_id).not.toBe(b.event_id);
  });
});
