import { callToActionChoices, parseCallToAction } from '../../../src/ad/call-to-action';
import { checkCallToAction } from '../../../src/ad/field-rules';
import { understand } from '../../../src/model/offline/understand';
import type { TurnInput } from '../../../src/model/proposal';
import { matchTypo } from '../../../src/text/fuzzy';
import { blocksOf, Harness, textOf } from '../../support/harness';

/** One offline turn for `message` with a named draft and the open question given. */
function turn(message: string, last_question: TurnInput['last_question'] = null) {
  return understand({
    draft: { campaign_name: 'Boots', objective_type: 'WEB_CONVERSIONS' },
    status: 'collecting',
    missing: [],
    last_question,
    recent: [],
    message,
  });
}

describe('typos close to two values', () => {
  it('matchTypo: one close candidate matches, two about as close are a choice', () => {
    const ctas = ['shop now', 'book now', 'learn more', 'read more', 'sign up'];
    expect(matchTypo('shop nwo', ctas)).toMatchObject({ kind: 'match', candidate: 'shop now' });
    // "lear more" keeps the first letter of Learn more: no doubt.
    expect(matchTypo('lear more', ctas)).toMatchObject({ kind: 'match', candidate: 'learn more' });
    // "lead more" is one edit from Read more (first letter changed), two from Learn more.
    expect(matchTypo('lead more', ctas)).toEqual({
      kind: 'ambiguous',
      candidates: ['read more', 'learn more'],
    });
    expect(matchTypo('bananas', ctas)).toBeNull();
  });

  it('the CTA rule asks "Did you mean X or Y?" for an ambiguous typo and applies none', () => {
    expect(parseCallToAction('lead more')).toBeNull();
    expect(callToActionChoices('lead more')).toEqual(['READ_MORE', 'LEARN_MORE']);
    const checked = checkCallToAction('lead more');
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.violation.message).toMatch(/^Did you mean Read more or Learn more\?/);
    expect(callToActionChoices('shop nwo')).toBeNull();
    expect(parseCallToAction('shop nwo')).toBe('SHOP_NOW');
  });

  it('reads a one-letter CTA typo among other fields, and ends the ad text before it', () => {
    expect(turn('music_pop_2024, ordr now').updates.call_to_action).toBe('ORDER_NOW');
    expect(turn('lern more button, no music').updates.call_to_action).toBe('LEARN_MORE');
    const t = turn('text: Light up your evenings, shop nwo');
    expect(t.updates.ad_text).toBe('Light up your evenings');
    expect(t.updates.call_to_action).toBe('SHOP_NOW');
    // A short clause that is not close to a CTA stays what it was.
    expect(turn('text: Fresh bread, baked daily').updates.call_to_action).toBeNull();
  });
});

describe('typos close to two values, through the engine', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it('asks "Did you mean Read more or Learn more?" and leaves the draft as it was', async () => {
    const t = h.thread();
    await t.say('campaign Hat Shop for traffic, text: Hats for every head');
    const before = await t.state();
    const replies = await t.say('lead more');
    expect(textOf(replies)).toContain('Did you mean Read more or Learn more?');
    expect(textOf(replies)).not.toContain('Got it');
    const after = await t.state();
    expect(after?.draft).toEqual(before?.draft);
    expect(after?.revision).toBe(before?.revision);
    expect(blocksOf(replies).at(-1)).toMatchObject({ type: 'question', field: 'call_to_action' });
  });

  it('keeps the old call to action when a correction is ambiguous', async () => {
    const t = h.thread();
    await t.say('campaign Hat Shop for traffic, text: Hats for every head, cta shop now');
    const replies = await t.say('change the button to lead more');
    expect(textOf(replies)).toContain('Did you mean Read more or Learn more?');
    expect((await t.state())?.draft.call_to_action).toBe('SHOP_NOW');
  });

  it('applies an unambiguous typo and says so in the "Got it" line', async () => {
    const t = h.thread();
    await t.say('campaign Hat Shop for traffic, text: Hats for every head');
    const replies = await t.say('shop nwo');
    expect(blocksOf(replies)[0]).toMatchObject({
      type: 'text',
      text: 'Got it: call to action Shop now',
    });
    expect((await t.state())?.draft.call_to_action).toBe('SHOP_NOW');
  });
});
