import {
  givesDetails,
  proposalFor,
  withCommandName,
  withoutListPickAnswer,
} from '../../../src/engine/turn/propose-step';
import { ModelError } from '../../../src/model/proposal';
import { stateOf } from '../../support/thread-states';
import { messageEvent, proposalOf, scriptedModel, turnRig } from './turn-rig';

const START = { ...messageEvent(''), type: 'start', text: 'Summer Sale' } as ReturnType<
  typeof messageEvent
>;

describe('proposalFor', () => {
  it("asks the model with the draft, what is missing, the open question and the user's words", async () => {
    const proposal = proposalOf('provide_details', { budget: 70 });
    const model = scriptedModel(proposal);
    const rig = turnRig({ model });
    const state = stateOf({ last_question: 'budget' });
    expect(await proposalFor(rig.ctx, state, 'seventy', undefined)).toEqual(proposal);
    expect(model.inputs).toEqual([
      expect.objectContaining({
        draft: {},
        status: 'collecting',
        last_question: 'budget',
        message: 'seventy',
        missing: expect.arrayContaining(['campaign_name', 'objective_type']),
      }),
    ]);
  });

  it('a pick is taken as the updates, with nothing else set, and no model call', async () => {
    const model = scriptedModel(proposalOf('chat'));
    const rig = turnRig({ model });
    const proposal = await proposalFor(rig.ctx, stateOf(), '', { image_ids: ['i1', 'i2'] });
    expect(proposal?.intent).toBe('provide_details');
    expect(proposal?.updates.image_ids).toEqual(['i1', 'i2']);
    expect(proposal?.updates.campaign_name).toBeNull();
    expect(model.inputs).toHaveLength(0);
  });

  it('a message over the guard: refused and said, the model never asked', async () => {
    const model = scriptedModel(proposalOf('chat'));
    const rig = turnRig({ model, settings: { guards: { max_message_chars: 5 } } });
    expect(await proposalFor(rig.ctx, stateOf(), 'far too long', undefined)).toBeNull();
    expect(model.inputs).toHaveLength(0);
    expect(rig.said()).toMatch(/^That message is 12 characters long; I read at most 5/);
  });

  it('a ModelError: its message said as an error; any other error goes up', async () => {
    const rig = turnRig({ model: scriptedModel(new ModelError('refused', 'Please rephrase.')) });
    expect(await proposalFor(rig.ctx, stateOf(), 'x', undefined)).toBeNull();
    expect(rig.blocks()).toEqual([{ type: 'text', tone: 'error', text: 'Please rephrase.' }]);
    const broken = turnRig({ model: scriptedModel(new TypeError('bug')) });
    await expect(proposalFor(broken.ctx, stateOf(), 'x', undefined)).rejects.toThrow('bug');
  });
});

describe('givesDetails', () => {
  it('details and chat give details; questions, commands and resets do not', () => {
    expect(givesDetails(proposalOf('provide_details'))).toBe(true);
    expect(givesDetails(proposalOf('chat'))).toBe(true);
    for (const intent of ['question', 'reset', 'show_status', 'request_approval'] as const)
      expect(givesDetails(proposalOf(intent))).toBe(false);
  });
});

describe('withCommandName', () => {
  it('/tiktok-ad <words> names the campaign when nothing else did', () => {
    const named = withCommandName(proposalOf('chat'), START, stateOf(), 'Summer Sale');
    expect(named.updates.campaign_name).toBe('Summer Sale');
  });

  it('keeps a name the proposal or the draft already has, and ignores plain messages', () => {
    const proposal = proposalOf('provide_details', { campaign_name: 'Given' });
    expect(withCommandName(proposal, START, stateOf(), 'Summer Sale')).toBe(proposal);
    const chat = proposalOf('chat');
    const drafted = stateOf({ draft: { campaign_name: 'Old' } });
    expect(withCommandName(chat, START, drafted, 'Summer Sale')).toBe(chat);
    expect(withCommandName(chat, messageEvent('Summer Sale'), stateOf(), 'Summer Sale')).toBe(chat);
  });

  it('a question in the command names nothing', () => {
    const question = proposalOf('question');
    expect(withCommandName(question, START, stateOf(), 'help')).toBe(question);
  });
});

describe('withoutListPickAnswer', () => {
  const asked = stateOf({ last_question: 'objective_type', music_listed: true });

  it('"the upbeat one" under the open music list is no answer to the open question', () => {
    const proposal = proposalOf('provide_details', { objective: 'the upbeat one' });
    const kept = withoutListPickAnswer(proposal, asked, 'the upbeat one', true);
    expect(kept.updates.objective).toBeNull();
    expect(kept.intent).toBe('provide_details');
  });

  it('kept when the list is closed, the words are no pick, or more than the answer was set', () => {
    const proposal = proposalOf('provide_details', { objective: 'the upbeat one' });
    expect(withoutListPickAnswer(proposal, asked, 'the upbeat one', false)).toBe(proposal);
    const traffic = proposalOf('provide_details', { objective: 'traffic' });
    expect(withoutListPickAnswer(traffic, asked, 'traffic', true)).toBe(traffic);
    const more = proposalOf('provide_details', { objective: 'the upbeat one', budget: 50 });
    expect(withoutListPickAnswer(more, asked, 'the upbeat one', true)).toBe(more);
  });
});
