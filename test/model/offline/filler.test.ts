import { Filler, type SlotContext } from '../../../src/model/offline/filler';
import { emptyUpdates } from '../../../src/model/proposal';

const NOTHING_ASKED: SlotContext = { last_question: null, draft: {} };

/** Reads `text` the way `fillSlots` does for a message with no open question. */
function read(text: string, ctx: SlotContext = NOTHING_ASKED): Filler {
  const filler = new Filler(text, ctx);
  filler.read(filler.clauses());
  filler.finish();
  return filler;
}

describe('Filler', () => {
  it('reads labelled values, clause by clause', () => {
    const filler = read(
      'name: Boot Week; objective traffic; url boots.example.com; music music_pop_2024',
    );
    expect(filler.updates).toEqual({
      ...emptyUpdates(),
      campaign_name: 'Boot Week',
      objective: 'traffic',
      landing_page_url: 'boots.example.com',
      music: 'existing',
      music_id: 'music_pop_2024',
    });
    expect(filler.notes).toEqual([]);
  });

  it('keeps an unknown CTA as typed, for the rules to refuse', () => {
    expect(read('cta: Buy it!').updates.call_to_action).toBe('Buy it');
  });

  it('refuses a total budget with a note, and says when a labelled budget is unreadable', () => {
    const total = read('budget 900 in total');
    expect(total.updates.budget).toBeNull();
    expect(total.notes).toEqual([
      'I run daily budgets, not totals, so I did not set 900 as the budget. How much per day?',
    ]);
    const unreadable = read('budget: lots');
    expect(unreadable.updates.budget).toBeNull();
    expect(unreadable.notes).toEqual([
      'I couldn\'t read a budget from "lots"; give a daily amount such as 50.',
    ]);
  });

  it('in a list of fields, names the campaign with the first short free clause and places the one left over as ad text', () => {
    const filler = read('Boots Q4 | sales | Warm boots for cold mornings | shop now');
    expect(filler.updates).toMatchObject({
      campaign_name: 'Boots Q4',
      objective: 'conversions',
      ad_text: 'Warm boots for cold mornings',
      call_to_action: 'SHOP_NOW',
    });
  });

  it('asks about clauses it could not place instead of guessing', () => {
    const filler = read('name Boot Week | sales | Warm boots | Cozy socks');
    expect(filler.updates.ad_text).toBeNull();
    expect(filler.notes).toEqual([
      'I did not place “Warm boots”. Is it the ad text? Say "ad text: …" to use it.',
      'I did not place “Cozy socks”. Is it the ad text? Say "ad text: …" to use it.',
    ]);
  });

  it('an unlabelled quote is the ad text once the name is known', () => {
    const filler = read('Pet Spa, conversions, "Pamper your pup"');
    expect(filler.updates).toMatchObject({
      campaign_name: 'Pet Spa',
      objective: 'conversions',
      ad_text: 'Pamper your pup',
    });
  });

  it('answer sets the asked field from a bare answer', () => {
    const filler = new Filler('shop now', { last_question: 'call_to_action', draft: {} });
    filler.answer('call_to_action', 'shop now');
    expect(filler.updates.call_to_action).toBe('SHOP_NOW');
    expect(filler.context.last_question).toBe('call_to_action');
  });

  it('standalone: a clause of a field of its own, with at most `leftover` other words', () => {
    const filler = new Filler('', NOTHING_ASKED);
    expect(filler.standalone('Shop now.')).toBe(true);
    expect(filler.standalone('music_123')).toBe(true);
    expect(filler.standalone('$30 a day')).toBe(true);
    expect(filler.standalone('no music')).toBe(true);
    expect(filler.standalone('fresh boots for cold mornings')).toBe(false);
  });
});
