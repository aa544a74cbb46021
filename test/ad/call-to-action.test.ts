import {
  CALL_TO_ACTIONS,
  callToActionChoices,
  ctaLabel,
  parseCallToAction,
  SUGGESTED_CALL_TO_ACTIONS,
} from '../../src/ad/call-to-action';

// TikTok's `CallToAction` enum (30 values): creatives[].call_to_action in "Create ads".
describe('CALL_TO_ACTIONS', () => {
  it('holds the 30 values of TikTok enum, each once, in upper snake case', () => {
    expect(CALL_TO_ACTIONS).toHaveLength(30);
    expect(new Set(CALL_TO_ACTIONS).size).toBe(30);
    for (const value of CALL_TO_ACTIONS) expect(value).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  it('suggests only values of the enum that suit a website ad', () => {
    expect(SUGGESTED_CALL_TO_ACTIONS).toEqual([
      'LEARN_MORE',
      'SHOP_NOW',
      'SIGN_UP',
      'ORDER_NOW',
      'BOOK_NOW',
      'CONTACT_US',
    ]);
    for (const value of SUGGESTED_CALL_TO_ACTIONS) {
      expect(parseCallToAction(value)).toBe(value);
    }
  });
});

describe('ctaLabel', () => {
  it.each([
    ['SHOP_NOW', 'Shop now'],
    ['LEARN_MORE', 'Learn more'],
    ['SUBSCRIBE', 'Subscribe'],
    ['VIEW_VIDEO_WITH_THIS_EFFECT', 'View video with this effect'],
  ])('%s reads as "%s"', (value, label) => {
    expect(ctaLabel(value)).toBe(label);
  });
});

describe('parseCallToAction', () => {
  it.each([
    // the enum value, and the ways people write it
    ['SHOP_NOW', 'SHOP_NOW'],
    ['Shop now', 'SHOP_NOW'],
    ['shop-now', 'SHOP_NOW'],
    ['  "Shop now!"  ', 'SHOP_NOW'],
    ['“Learn more.”', 'LEARN_MORE'],
    // synonyms
    ['buy now', 'SHOP_NOW'],
    ['buy', 'SHOP_NOW'],
    ['register', 'SIGN_UP'],
    ['signup', 'SIGN_UP'],
    ['pre-order', 'PREORDER_NOW'],
    ['get a quote', 'GET_QUOTE'],
    ['buy tickets', 'GET_TICKETS_NOW'],
    ['subscribe now', 'SUBSCRIBE'],
    // unambiguous typos of a label
    ['shop nwo', 'SHOP_NOW'],
    ['sign upp', 'SIGN_UP'],
  ])('reads %j as %s', (words, value) => {
    expect(parseCallToAction(words)).toBe(value);
  });

  it.each([
    // real enum values that do not fit a website Traffic or Conversions ad
    'VIEW_PROFILE',
    'Watch live',
    'JOIN_THIS_HASHTAG',
    'shoot with this effect',
    'VIEW_VIDEO_WITH_THIS_EFFECT',
    // nothing like a call to action
    'banana',
    '',
    // too short to take a typo (no edits under 4 letters)
    'bu',
  ])('refuses %j', (words) => {
    expect(parseCallToAction(words)).toBeNull();
  });

  it('does not guess when a typo is as close to two labels', () => {
    expect(parseCallToAction('lead more')).toBeNull();
  });
});

describe('callToActionChoices', () => {
  it('offers the two labels an ambiguous typo is close to', () => {
    const choices = callToActionChoices('lead more');
    expect(choices).not.toBeNull();
    expect([...(choices ?? [])].sort()).toEqual(['LEARN_MORE', 'READ_MORE']);
  });

  it.each(['Learn more', 'buy now', 'shop nwo', 'banana'])(
    'offers nothing for %j (exact, synonym, plain typo or nothing close)',
    (words) => {
      expect(callToActionChoices(words)).toBeNull();
    },
  );
});
