import type { Proposal } from '../../../src/model/proposal';
import { offlineTurn } from './offline-turn';

/** The updates a turn proposes, without the unchanged (`null`) fields. */
function set(turn: Proposal): Record<string, unknown> {
  return Object.fromEntries(Object.entries(turn.updates).filter(([, v]) => v !== null));
}

describe('offline model: goals in plain words, anywhere', () => {
  it.each([
    ['We want to get more people to actually order from our website', 'conversions'],
    ['we just want more sales from our online shop', 'conversions'],
    ['Campaign Hotel Bella, we want more bookings', 'conversions'],
    ['Jazz Night campaign — goal is selling tickets', 'conversions'],
    ['meal kits campaign called Green Plate, we want subscriptions', 'conversions'],
    ['I need leads for my roofing business. campaign Top Roof Leads', 'conversions'],
    ['newsletter signups campaign called Morning Brew Digest', 'conversions'],
    ['we want purchases from the online store', 'conversions'],
    ['we want people to visit the site', 'traffic'],
    ['get people reading our blog, campaign Wander Notes', 'traffic'],
    ['campaign Vintage Finds. i want folks browsing the catalog', 'traffic'],
    ["it's for our Spring Denim launch. we need clicks to the site", 'traffic'],
  ])('%s → %s', (message, objective) => {
    expect(offlineTurn(message).updates.objective).toBe(objective);
  });

  it.each([
    ['campaign Brand Buzz, goal brand awareness', 'brand awareness'],
    ['campaign Big Reach, maximise reach please', 'reach'],
    ['we want more video views for our Puppy Picks campaign', 'video views'],
    ['campaign FitTrack App, we want app installs', 'app installs'],
    ['campaign Cat Cafe, we want followers', 'followers'],
  ])('%s proposes the unsupported goal %s, for the rules to refuse by name', (message, goal) => {
    expect(offlineTurn(message).updates.objective).toBe(goal);
  });
});

describe('offline model: names without a label stop where the name stops', () => {
  it.each([
    [
      "hi! we're a tiny bakery and honestly we just want more people to order from our website. I'd call it Rosie's Crumbs Autumn",
      "Rosie's Crumbs Autumn",
    ],
    [
      "campaign name Rosie's Crumbs and we just launched a new line of vegan cookies, we want sales",
      "Rosie's Crumbs",
    ],
    ["it's for our Glow Serum launch, we want sales", 'Glow Serum'],
    ['we want more video views for our Puppy Picks campaign', 'Puppy Picks'],
    ["I'd call it Harbor Lights", 'Harbor Lights'],
    [
      "Hiya, so we run a little flower shop called Petal Post and we'd love to get more orders through our site",
      'Petal Post',
    ],
    ["Let's do Ocean Spa for conversions with music_456", 'Ocean Spa'],
    ['campaign name: Sun & Sea — Summer 2025, goal traffic', 'Sun & Sea — Summer 2025'],
    ['campaign Denim Days — Autumn Edit for traffic', 'Denim Days — Autumn Edit'],
  ])('%s → %s', (message, name) => {
    expect(offlineTurn(message).updates.campaign_name).toBe(name);
  });

  it('still splits at a dash that leads on to another field', () => {
    expect(set(offlineTurn('Skate Shop — more purchases is the goal'))).toMatchObject({
      campaign_name: 'Skate Shop',
      objective: 'conversions',
    });
  });

  it('reads "I want to create a campaign called Delta" as the name Delta when the name is asked (after /reset)', () => {
    expect(
      offlineTurn('I want to create a campaign called Delta', 'campaign_name').updates
        .campaign_name,
    ).toBe('Delta');
  });
});

describe('offline model: talk about the conversation is never a value', () => {
  const ready = {
    campaign_name: 'Winter Jackets 2025 Promo',
    objective_type: 'WEB_CONVERSIONS' as const,
    ad_text: 'Stay wram with our socks',
  };

  it('"Sorry! Let me split it up. Please call the campaign …" renames, with no ad text', () => {
    const turn = offlineTurn(
      'Sorry! Let me split it up. Please call the campaign Sunrise Cafe Downtown',
      'ad_text',
      { campaign_name: 'Sunrise Cafe', objective_type: 'TRAFFIC' },
    );
    expect(set(turn)).toEqual({ campaign_name: 'Sunrise Cafe Downtown' });
  });

  it.each([
    'hmm this is a mess. start over',
    'scrap that',
    'never mind, new one',
    'start over',
    "ok let's start over",
  ])('"%s" restarts and names nothing', (message) => {
    const turn = offlineTurn(message, 'call_to_action', ready);
    expect(turn.intent).toBe('reset');
    expect(set(turn)).toEqual({});
  });

  it('a restart followed by content fills the new draft with it', () => {
    const turn = offlineTurn(
      "scrap that, let's do a new one called Taco Tuesday",
      'objective_type',
      {
        campaign_name: 'Old Idea',
      },
    );
    expect(turn.intent).toBe('reset');
    expect(set(turn)).toEqual({ campaign_name: 'Taco Tuesday' });
  });

  it('"scratch that, the text should be …" corrects the text, it does not restart', () => {
    const turn = offlineTurn(
      'scratch that, the text should be Pampered pups, always.',
      'call_to_action',
      ready,
    );
    expect(turn.intent).toBe('provide_details');
    expect(set(turn)).toEqual({ ad_text: 'Pampered pups, always.' });
  });

  it('"oops, typo: …" replaces the value it retypes, not the open question', () => {
    expect(
      set(offlineTurn('oops, typo: Stay warm with our socks', 'call_to_action', ready)),
    ).toEqual({
      ad_text: 'Stay warm with our socks',
    });
  });

  it('"I mean …" retypes the name it extends', () => {
    expect(
      set(offlineTurn('I mean Pet Walkers London', 'ad_text', { campaign_name: 'Pet Walkers' })),
    ).toEqual({ campaign_name: 'Pet Walkers London' });
  });

  it('"no wait, the name is just Winter Jackets 2025" drops its own "just"', () => {
    expect(
      set(offlineTurn('no wait, the name is just Winter Jackets 2025', 'ad_text', ready)),
    ).toEqual({ campaign_name: 'Winter Jackets 2025' });
  });

  it('"sorry, I meant conversions" and "no, get quote" change the field they name', () => {
    expect(
      set(offlineTurn('sorry, I meant conversions', 'ad_text', { campaign_name: 'Yoga' })),
    ).toEqual({
      objective: 'conversions',
    });
    expect(set(offlineTurn('no, get quote', 'music', ready)).call_to_action).toBe('GET_QUOTE');
  });

  it('"looks great, …" keeps the content for the open question', () => {
    expect(
      set(
        offlineTurn('looks great, Plants that are hard to kill', 'ad_text', { campaign_name: 'P' }),
      ),
    ).toEqual({ ad_text: 'Plants that are hard to kill' });
  });

  it.each(['ok', 'great', 'looks good!'])('"%s" alone fills nothing', (message) => {
    const turn = offlineTurn(message, 'objective_type', { campaign_name: 'Snack Box' });
    expect(set(turn)).toEqual({});
  });

  it('"Looks great, approve" asks how approval works (the bot approves nothing)', () => {
    const turn = offlineTurn('Looks great, approve', null, ready);
    expect(turn.intent).toBe('question');
    expect(turn.question_topic).toBe('approval');
  });

  it('"can I change the button later?" is a question, not an ad text', () => {
    const turn = offlineTurn('can I change the button later?', 'ad_text', { campaign_name: 'G' });
    expect(turn.intent).toBe('question');
    expect(set(turn)).toEqual({});
  });
});

describe('offline model: fields keep their borders', () => {
  it('"Winter Jackets 2025, conversions, text: …" as the answer to the name question', () => {
    expect(
      set(
        offlineTurn(
          'Winter Jackets 2025, conversions, text: Stay warm all winter',
          'campaign_name',
        ),
      ),
    ).toEqual({
      campaign_name: 'Winter Jackets 2025',
      objective: 'conversions',
      ad_text: 'Stay warm all winter',
    });
  });

  it('"Boots Q4 | sales | Warm boots…" puts each piece in its field', () => {
    expect(set(offlineTurn('Boots Q4 | sales | Warm boots for cold mornings | shop now'))).toEqual({
      campaign_name: 'Boots Q4',
      objective: 'conversions',
      ad_text: 'Warm boots for cold mornings',
      call_to_action: 'SHOP_NOW',
    });
  });

  it('a pasted brief with dashes after the labels', () => {
    expect(
      set(
        offlineTurn(
          'Campaign - Lamp Lab\nWe want purchases from the online store\nText - Light that fits your mood\nCTA - Shop now',
        ),
      ),
    ).toEqual({
      campaign_name: 'Lamp Lab',
      objective: 'conversions',
      ad_text: 'Light that fits your mood',
      call_to_action: 'SHOP_NOW',
    });
  });

  it('an ad text holding call-to-action words is the whole bare answer', () => {
    expect(
      set(
        offlineTurn('Shop now and get free delivery on your first order', 'ad_text', {
          campaign_name: 'F',
        }),
      ),
    ).toEqual({ ad_text: 'Shop now and get free delivery on your first order' });
  });

  it('"shop now | music_456 | …" while the ad text is asked is no ad text', () => {
    const turn = offlineTurn('shop now | music_456 | boots.example.com', 'ad_text', {
      campaign_name: 'Boots Q4',
    });
    expect(turn.updates.ad_text).toBeNull();
    expect(turn.updates.call_to_action).toBe('SHOP_NOW');
  });

  it('"the square logo one" points at the library and sets no budget', () => {
    const turn = offlineTurn('the square logo one', 'media', { campaign_name: 'Logo Tees' });
    expect(turn.updates.budget).toBeNull();
  });

  it('"Buy 2 get 1 free on all candles" as the ad text sets no budget', () => {
    expect(
      set(offlineTurn('Buy 2 get 1 free on all candles', 'ad_text', { campaign_name: 'C' })),
    ).toEqual({
      ad_text: 'Buy 2 get 1 free on all candles',
    });
  });

  it('"actually use img_summer_1 instead of img_summer_2" replaces in place', () => {
    const turn = offlineTurn('actually use img_summer_1 instead of img_summer_2', null, {
      image_ids: ['img_summer_2', 'img_summer_3'],
    });
    expect(turn.updates.image_ids).toEqual(['img_summer_1', 'img_summer_3']);
  });

  it.each([
    ['use the image ad-site-i18n-sg/202203285d0de5c8', ['ad-site-i18n-sg/202203285d0de5c8']],
    ['ad-site-i18n-sg/202203285d0de5c8', ['ad-site-i18n-sg/202203285d0de5c8']],
    ['video v10033g50000c4s4dpbc77u7ttle1f60', ['v10033g50000c4s4dpbc77u7ttle1f60']],
  ])('%s selects exactly that item', (message, ids) => {
    expect(offlineTurn(message, 'media', { campaign_name: 'X' }).updates.image_ids).toEqual(ids);
  });
});

describe('offline model: a value ends where the next field is named, even without a comma', () => {
  const draft = { campaign_name: 'Denim Days', objective_type: 'TRAFFIC' as const };
  it.each([
    ['landing page denim.example.com budget $60/day', 'denim.example.com', 60],
    ['budget $60/day landing page denim.example.com', 'denim.example.com', 60],
    [
      'budget 45 dollars a day landing page https://denim.example.com/sale',
      'https://denim.example.com/sale',
      45,
    ],
    ['landing page denim.example.com, budget $60/day', 'denim.example.com', 60],
  ])('%s', (message, landing_page_url, budget) => {
    expect(set(offlineTurn(message, 'ad_text', draft))).toMatchObject({
      landing_page_url,
      budget,
    });
  });
});

describe('offline model: a greeting is never a name', () => {
  it.each([
    ['hi there! we sell handmade candles and want more people to buy from our website'],
    ['hey team, we want more sales from the shop'],
    ['hello! we want more orders from our website'],
    ['hiya everyone, we want more purchases'],
  ])('%s → Conversions, no campaign name', (message) => {
    const turn = offlineTurn(message);
    expect(turn.updates.campaign_name).toBeNull();
    expect(turn.updates.objective).toBe('conversions');
  });

  it('a greeting before a labelled name leaves nothing unplaced', () => {
    const turn = offlineTurn('hey there, campaign called Glow Up for sales');
    expect(set(turn)).toEqual({ campaign_name: 'Glow Up', objective: 'conversions' });
    expect(turn.message).not.toContain('there');
  });
});

describe('offline model: found while playing the terminal', () => {
  it.each([
    ["we'd love to get more people ordering beans from our online shop", 'conversions'],
    ['we want customers buying our candles online', 'conversions'],
    ['we want folks visiting the blog', 'traffic'],
  ])('%s → %s', (message, objective) => {
    expect(offlineTurn(message).updates.objective).toBe(objective);
  });

  it('"The text should be something like: X" is the ad text X', () => {
    const turn = offlineTurn(
      'Oh nice. The text should be something like: Freshly roasted, delivered to your door',
      'objective_type',
    );
    expect(turn.updates.ad_text).toBe('Freshly roasted, delivered to your door');
  });

  it.each(['show me the pictures', 'show me teh images', 'list my videos'])(
    '"%s" asks for the media library',
    (message) => {
      const turn = offlineTurn(message, 'media');
      expect(turn.intent).toBe('question');
      expect(turn.question_topic).toBe('media');
    },
  );

  it('"show me teh music" asks for the music list', () => {
    expect(offlineTurn('show me teh music', 'music').question_topic).toBe('music');
  });
});
