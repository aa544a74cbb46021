import { resumeAfterLink } from '../../src/app/resume-after-link';
import type { ChatEvent } from '../../src/engine/chat-event';
import type { ReplySink } from '../../src/engine/reply';

/** Records what the engine is asked to handle, and where its replies would go. */
function recordingEngine() {
  const calls: Array<{ event: ChatEvent; sink: ReplySink }> = [];
  return {
    calls,
    async handle(event: ChatEvent, sink: ReplySink) {
      calls.push({ event, sink });
    },
  };
}

describe('resumeAfterLink', () => {
  it('hands the engine an account_linked event for the thread that asked, replying to its sink', async () => {
    const engine = recordingEngine();
    const sink: ReplySink = async () => {};
    await resumeAfterLink(
      engine as never,
      {
        user: { platform: 'slack', workspace_id: 'T1', user_id: 'U1', name: 'rita' },
        thread_id: 'slack:T1:C9:1700000000.000100',
      },
      sink,
    );
    expect(engine.calls).toHaveLength(1);
    const [call] = engine.calls;
    expect(call?.sink).toBe(sink);
    expect(call?.event).toEqual({
      type: 'account_linked',
      event_id: expect.stringMatching(/^linked:[0-9a-f-]{36}$/),
      thread_id: 'slack:T1:C9:1700000000.000100',
      platform: 'slack',
      workspace_id: 'T1',
      channel_id: 'C9',
      user: { id: 'U1', name: 'rita' },
    });
  });

  it('gives each resume its own event id, and leaves out a name it was not given', async () => {
    const engine = recordingEngine();
    const target = {
      user: { platform: 'discord' as const, workspace_id: 'G1', user_id: 'D1' },
      thread_id: 'discord:G1:C1:T1',
    };
    await resumeAfterLink(engine as never, target, async () => {});
    await resumeAfterLink(engine as never, target, async () => {});
    const [first, second] = engine.calls.map((c) => c.event);
    expect(first?.event_id).not.toBe(second?.event_id);
    expect(first?.user).toEqual({ id: 'D1' });
  });
});
