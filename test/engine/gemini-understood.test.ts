import { SYSTEM_PROMPT } from '../../src/model/prompt';
import { emptyUpdates } from '../../src/model/proposal';
import { PROPOSAL_JSON_SCHEMA } from '../../src/model/proposal-json-schema';
import { GeminiStandIn, textOf as partText } from '../standins/gemini-standin';
import { blocksOf, Harness, textOf } from '../support/harness';

/** Issue 12 on the Gemini path: the same "Got it" line, answers from code, exactness rules. */
describe('the Gemini path understands like the offline one (real SDK, local stand-in)', () => {
  let gemini: GeminiStandIn;
  let h: Harness;
  beforeEach(async () => {
    gemini = await GeminiStandIn.start();
    const model = gemini.turnModel();
    h = await Harness.start({ model });
  });
  afterEach(async () => {
    await h.close();
    await gemini.close();
  });

  const turn = (
    updates: Partial<ReturnType<typeof emptyUpdates>>,
    extra: { message?: string; intent?: string; question_topic?: string | null } = {},
  ) => ({
    kind: 'turn' as const,
    turn: {
      message: extra.message ?? '',
      intent: extra.intent ?? 'provide_details',
      question_topic: extra.question_topic ?? null,
      updates: { ...emptyUpdates(), ...updates },
    },
  });

  it('starts a turn that changed the draft with the "Got it" line, from the draft as kept', async () => {
    gemini.enqueue(
      turn({
        campaign_name: '  "Fall Boots Promo."  ',
        objective: 'convertions',
        ad_text: '"Warm boots for cold days!"',
        call_to_action: 'shop nwo',
        landing_page_url: 'https://yoga.example.com/week;',
        budget: 75,
      }),
    );
    const replies = await h.thread().say('everything in one message');
    const first = blocksOf(replies)[0];
    expect(first).toEqual({
      type: 'text',
      tone: 'info',
      text: 'Got it: campaign name Fall Boots Promo · objective Conversions · ad text “Warm boots for cold days!” · call to action Shop now · landing page https://yoga.example.com/week · budget 75 USD a day',
    });
    expect((await h.thread().state())?.draft).toMatchObject({
      campaign_name: 'Fall Boots Promo',
      ad_text: 'Warm boots for cold days!',
      landing_page_url: 'https://yoga.example.com/week',
    });
  });

  it('answers a question turn from code, not from model text, then asks the open question', async () => {
    gemini.enqueue(turn({ campaign_name: 'Hat Shop' }));
    await h.thread().say('campaign Hat Shop');
    gemini.enqueue(
      turn({}, { intent: 'question', question_topic: 'budget', message: 'Spend whatever!' }),
    );
    const replies = await h.thread().say("what's the minimum budget?");
    expect(textOf(replies)).toContain('at least 20 (TikTok');
    expect(textOf(replies)).not.toContain('Spend whatever!');
    expect(blocksOf(replies).at(-1)).toMatchObject({ type: 'question', field: 'objective_type' });
  });

  it('sends the fixed part (system text, schema) byte-identical on every call', async () => {
    gemini.enqueue(turn({ campaign_name: 'First Name' }), turn({ ad_text: 'Second' }));
    await h.thread().say('campaign First Name');
    await h.thread().say('ad text: Second, with a much longer message than the first one');
    const [a, b] = gemini.requests;
    expect(partText(a?.body.systemInstruction)).toBe(SYSTEM_PROMPT);
    expect(JSON.stringify(a?.body.systemInstruction)).toBe(
      JSON.stringify(b?.body.systemInstruction),
    );
    expect(JSON.stringify(a?.body.generationConfig)).toBe(JSON.stringify(b?.body.generationConfig));
    expect(a?.body.generationConfig?.responseJsonSchema).toEqual(PROPOSAL_JSON_SCHEMA);
    expect(SYSTEM_PROMPT).toMatch(/question_topic/);
    expect(SYSTEM_PROMPT).toMatch(/character for character/);
  });
});
