import type { ChatEvent } from '../../../src/engine/chat-event';
import type { EngineDeps } from '../../../src/engine/deps';
import type { Reply } from '../../../src/engine/reply';
import { ThreadTurn } from '../../../src/engine/turn/thread-turn';
import { THREAD_TURN_TEXTS } from '../../../src/engine/turn/thread-turn-texts';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';
import { messageEvent, NOW, proposalOf, scriptedModel, turnRig } from './turn-rig';

/** Runs one ThreadTurn for `event` on `saved`; the outcome and the texts it said. */
async function runTurn(event: ChatEvent, saved: ReturnType<typeof stateOf> | null) {
  const deps: EngineDeps = turnRig({
    model: scriptedModel(proposalOf('provide_details', { campaign_name: 'Summer Sale' })),
  }).ctx.deps;
  const replies: Reply[] = [];
  const turn = new ThreadTurn(
    deps,
    event,
    async (reply) => {
      replies.push(reply);
    },
    () => NOW,
    async () => {},
  );
  const outcome = await turn.run(saved);
  const said = replies
    .flatMap((reply) => reply.blocks)
    .map((block) => ('text' in block ? block.text : `[${block.type}]`));
  return { outcome, said };
}

const action = (action_id: string, value?: string) =>
  ({ ...messageEvent(''), type: 'action', action_id, value }) as ChatEvent;

describe('ThreadTurn.run', () => {
  it('start without words: the opening line and the first question on a fresh draft', async () => {
    const start = { ...messageEvent(''), type: 'start', text: '' } as ChatEvent;
    const { outcome, said } = await runTurn(start, null);
    expect(said[0]).toBe(THREAD_TURN_TEXTS.opening);
    expect(outcome?.last_question).toBe('campaign_name');
    expect(outcome?.draft).toEqual({});
  });

  it('start with words: they are the first message of the new draft', async () => {
    const start = { ...messageEvent(''), type: 'start', text: 'Summer Sale' } as ChatEvent;
    const { outcome } = await runTurn(start, null);
    expect(outcome?.draft.campaign_name).toBe('Summer Sale');
  });

  it('a message in a thread /tiktok-ad opened, with no state: the draft is lost, nothing saved', async () => {
    const { outcome, said } = await runTurn(
      messageEvent('hi', { thread_started: true } as never),
      null,
    );
    expect(outcome).toBeNull();
    expect(said).toEqual([THREAD_TURN_TEXTS.draftLost]);
  });

  it('a button with no draft: says there is none', async () => {
    const { outcome, said } = await runTurn(action('approve'), null);
    expect(outcome).toBeNull();
    expect(said).toEqual([THREAD_TURN_TEXTS.noDraft]);
  });

  it('Edit: says how to change the draft, saves nothing', async () => {
    const { outcome, said } = await runTurn(action('edit'), stateOf({ draft: COMPLETE_DRAFT }));
    expect(outcome).toBeNull();
    expect(said).toEqual([THREAD_TURN_TEXTS.edit]);
  });

  it('Reset: an empty draft', async () => {
    const { outcome, said } = await runTurn(action('reset'), stateOf({ draft: COMPLETE_DRAFT }));
    expect(outcome?.draft).toEqual({});
    expect(said[0]).toBe('Started over with an empty draft.');
  });

  it('a reaction or a resume on a thread with nothing to do: nothing said or saved', async () => {
    const reaction = {
      ...messageEvent(''),
      type: 'reaction',
      emoji: '✅',
      added: true,
    } as ChatEvent;
    expect(await runTurn(reaction, null)).toEqual({ outcome: null, said: [] });
    const resume = { ...messageEvent(''), type: 'submission_resume' } as ChatEvent;
    expect(await runTurn(resume, stateOf())).toEqual({ outcome: null, said: [] });
  });

  it('the configured notice opens a new draft', async () => {
    const start = { ...messageEvent(''), type: 'start', text: '' } as ChatEvent;
    const deps = turnRig({ settings: { notice: 'Test bot: nothing real.' } }).ctx.deps;
    const replies: Reply[] = [];
    await new ThreadTurn(
      deps,
      start,
      async (r) => void replies.push(r),
      () => NOW,
      async () => {},
    ).run(null);
    expect(replies[0]?.blocks[0]).toEqual({
      type: 'text',
      tone: 'warning',
      text: 'Test bot: nothing real.',
    });
  });
});
