import { emptyUpdates } from '../../src/model/proposal';
import { GeminiStandIn } from '../standins/gemini-standin';
import { blocksOf, Harness, textOf } from '../support/harness';

describe('the engine with Gemini (real SDK against the local generateContent stand-in)', () => {
  let gemini: GeminiStandIn;
  let h: Harness;
  beforeEach(async () => {
    gemini = await GeminiStandIn.start();
    const model = gemini.turnModel();
    h = await Harness.start({ redis: true, model });
  });
  afterEach(async () => {
    await h.close();
    await gemini.close();
  });

  const turn = (updates: Partial<ReturnType<typeof emptyUpdates>>, message = '') => ({
    kind: 'turn' as const,
    turn: { message, intent: 'provide_details', updates: { ...emptyUpdates(), ...updates } },
  });

  it('applies a valid turn through the ad rules', async () => {
    gemini.enqueue(
      turn({ campaign_name: 'Gemini Launch', objective: 'Traffic' }, 'Nice, a traffic campaign.'),
    );
    const replies = await h.thread().say('new traffic campaign, call it Gemini Launch');
    expect(textOf(replies)).toContain('Nice, a traffic campaign.');
    expect((await h.thread().state())?.draft).toEqual({
      campaign_name: 'Gemini Launch',
      objective_type: 'TRAFFIC',
    });
  });

  it('malformed output twice: a clear message, and the saved draft is left as it was', async () => {
    gemini.enqueue(turn({ campaign_name: 'Kept Name' }));
    await h.thread().say('call it Kept Name');
    const before = await h.thread().state();
    gemini.enqueue(
      { kind: 'text', text: '{"message": "oops", "intent": ' },
      { kind: 'text', text: '{"message":"x","intent":"submit_now","updates":{}}' },
    );
    const replies = await h.thread().say('change the name to Lost Name');
    expect(gemini.requests).toHaveLength(3);
    const text = blocksOf(replies).find((b) => b.type === 'text');
    expect(text).toMatchObject({
      tone: 'error',
      text: expect.stringMatching(/draft is unchanged/),
    });
    expect(textOf(replies).match(/draft is unchanged/g)).toHaveLength(1);
    expect(await h.thread().state()).toEqual(before);
  });

  it('an outage (503 until retries run out) says once that the draft is unchanged', async () => {
    gemini.enqueue(turn({ campaign_name: 'Kept Name' }));
    await h.thread().say('call it Kept Name');
    const before = await h.thread().state();
    gemini.enqueue({ kind: 'error', status: 503 }, { kind: 'error', status: 503 });
    const replies = await h.thread().say('change the name to Lost Name');
    const said = textOf(replies);
    expect(said).toContain('The AI assistant is not reachable right now (503');
    expect(said.match(/draft is unchanged/g)).toHaveLength(1);
    expect(await h.thread().state()).toEqual(before);
  });

  it('a model that names values outside the rules changes nothing it should not', async () => {
    gemini.enqueue(turn({ objective: 'APP_INSTALL', ad_text: 'x'.repeat(150), budget: 999999 }));
    const replies = await h.thread().say('anything');
    const violations = blocksOf(replies).find((b) => b.type === 'violations');
    expect(
      violations?.type === 'violations' && violations.violations.map((v) => v.rule).sort(),
    ).toEqual(['ad_text.too_long', 'budget.above_cap', 'objective_type.unsupported']);
    expect((await h.thread().state())?.draft).toEqual({});
  });
});
