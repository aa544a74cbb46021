import type { ChatEvent } from '../../../src/engine/chat-event';
import type { Platform } from '../../../src/engine/ports';
import type { ReplySink } from '../../../src/engine/reply';
import { ProcessOwner } from '../../../src/engine/submission/owner';
import { inflightIndex, SubmissionResumer } from '../../../src/engine/submission/resume';
import { silentLogger } from '../../../src/logging/logger';
import { useRedisStore } from '../../store/redis-test-support';
import { REQUESTER, stateOf } from '../../support/thread-states';

const { keys, store } = useRedisStore('resumer');

async function submitting(thread: string, owner: string | undefined) {
  const state = stateOf({
    thread_id: `slack:T1:C1:${thread}`,
    status: 'submitting',
    submission: {
      revision: 1,
      advertiser_id: 'a',
      campaign_request_id: 'c',
      adgroup_request_id: 'g',
      ad_name: 'n',
      started_at: '2026-12-07T10:00:00Z',
      ...(owner ? { owner } : {}),
    },
  });
  await store.set(keys.thread(state.thread_id), state, 60_000);
  await inflightIndex(store, keys).add(state.thread_id);
  return state.thread_id;
}

describe('SubmissionResumer (real Redis)', () => {
  it("resumes a dead owner's submission as its requester, waits for a live one, and drops finished ones", async () => {
    const me = new ProcessOwner({ store, keys, host: 'me' });
    const alive = new ProcessOwner({ store, keys, host: 'elsewhere', ttlMs: 60_000 });
    await alive.start();
    const dead = await submitting('1.1', 'gone-host:1:deadbeef');
    const waiting = await submitting('2.2', alive.id);
    const finished = stateOf({ thread_id: 'slack:T1:C1:3.3', status: 'submitted' });
    await store.set(keys.thread(finished.thread_id), finished, 60_000);
    await inflightIndex(store, keys).add(finished.thread_id);

    const handled: Array<{ event: ChatEvent; sink: ReplySink | undefined }> = [];
    const slackSink: ReplySink = () => undefined;
    const swept: string[] = [];
    const resumer = new SubmissionResumer({
      store,
      keys,
      owner: me,
      logger: silentLogger(),
      engine: {
        handle: async (event, sink) => {
          handled.push({ event, sink });
        },
      },
      sinkFor: (platform: Platform) => (platform === 'slack' ? slackSink : undefined),
      outbox: {
        sweepAll: async () => {
          swept.push(handled.length === 0 ? 'before resuming' : 'late');
          return 0;
        },
      },
    });
    const result = await resumer.scan();
    expect(swept).toEqual(['before resuming']);
    expect(result).toEqual({ resumed: [dead], waiting: [waiting] });
    expect(handled).toHaveLength(1);
    expect(handled[0]?.event).toMatchObject({
      type: 'submission_resume',
      thread_id: dead,
      user: REQUESTER,
    });
    expect(handled[0]?.event.event_id).toMatch(/^resume:/);
    expect(handled[0]?.sink).toBe(slackSink);
    expect((await store.members(keys.submissionsInFlight())).sort()).toEqual(
      [dead, waiting].sort(),
    );
    await alive.stop();
  });

  it('leaves alone what this process is running itself', async () => {
    const me = new ProcessOwner({ store, keys, host: 'me2' });
    const thread = await submitting('4.4', undefined);
    me.running.add(thread);
    let calls = 0;
    const resumer = new SubmissionResumer({
      store,
      keys,
      owner: me,
      logger: silentLogger(),
      engine: { handle: async () => void calls++ },
      sinkFor: () => undefined,
    });
    const result = await resumer.scan();
    expect(result.resumed).not.toContain(thread);
    expect(calls).toBe(result.resumed.length);
  });
});
