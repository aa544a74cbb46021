import { fillSlots, type SlotContext } from '../../../src/model/offline/slots';
import { emptyUpdates } from '../../../src/model/proposal';

const NOTHING_ASKED: SlotContext = { last_question: null, draft: {} };

describe('fillSlots', () => {
  it('fills every labelled or shaped value of a message', () => {
    expect(
      fillSlots(
        'name: Spring Sale, budget $50/day, cta shop now, no music, boots.example.com',
        NOTHING_ASKED,
      ),
    ).toEqual({
      updates: {
        ...emptyUpdates(),
        campaign_name: 'Spring Sale',
        call_to_action: 'SHOP_NOW',
        music: 'none',
        landing_page_url: 'boots.example.com',
        budget: 50,
      },
      notes: [],
    });
  });

  it('reads a name inside a sentence exactly as typed', () => {
    expect(fillSlots('Call it Summer Sale ZEBRA-42', NOTHING_ASKED).updates).toEqual({
      ...emptyUpdates(),
      campaign_name: 'Summer Sale ZEBRA-42',
    });
  });

  it('reads a goal alone as the objective', () => {
    expect(fillSlots('traffic please', NOTHING_ASKED).updates.objective).toBe('traffic');
  });

  it('keeps an ad text whole, then reads the CTA after it', () => {
    expect(fillSlots('ad text: Fresh boots for fall! Shop now.', NOTHING_ASKED).updates).toEqual({
      ...emptyUpdates(),
      ad_text: 'Fresh boots for fall!',
      call_to_action: 'SHOP_NOW',
    });
  });

  it('takes a bare answer as the field that was asked', () => {
    expect(
      fillSlots('Autumn Boots', { last_question: 'campaign_name', draft: {} }).updates
        .campaign_name,
    ).toBe('Autumn Boots');
    expect(fillSlots('75', { last_question: 'budget', draft: {} }).updates.budget).toBe(75);
  });

  it('reads a library reference as media whatever is asked, never as ad text', () => {
    const filled = fillSlots('the summer video', { last_question: 'ad_text', draft: {} });
    expect(filled.updates.ad_text).toBeNull();
    expect(filled.updates).not.toEqual(emptyUpdates());
  });

  it('reads a message wholly in quotes as its inside', () => {
    expect(
      fillSlots('"Fresh, warm, yours."', { last_question: 'ad_text', draft: {} }).updates.ad_text,
    ).toBe('Fresh, warm, yours.');
  });
});
