import { blocksOf, Harness, textOf } from '../../support/harness';
import { offlineTurn as turn } from './offline-turn';

const NAMED = { campaign_name: 'Boots' } as const;

/** Phrasings marketers use in one message, each read the way they mean it. */
describe('marketer phrasings, offline model', () => {
  it('reads the ad text from a sentence in an all-in-one message', () => {
    const t = turn(
      '…campaign named Fall Boots Promo for sales. Ad text: Warm boots for cold days. Button: Shop now. Music music_pop_2024, landing page https://boots.example.com, budget $60/day',
    );
    expect(t.updates).toMatchObject({
      campaign_name: 'Fall Boots Promo',
      objective: 'conversions',
      ad_text: 'Warm boots for cold days.',
      call_to_action: 'SHOP_NOW',
      music_id: 'music_pop_2024',
      landing_page_url: 'https://boots.example.com',
      budget: 60,
    });
  });
  it('keeps a trailing "!" in the ad text', () => {
    expect(turn('Warm boots for cold days!', 'ad_text', NAMED).updates.ad_text).toBe(
      'Warm boots for cold days!',
    );
    expect(turn('text: Find your calm this week!; cta learn more').updates.ad_text).toBe(
      'Find your calm this week!',
    );
  });
  it('drops the ";" after a URL', () => {
    expect(
      turn('https://yoga.example.com/week;', 'landing_page_url').updates.landing_page_url,
    ).toBe('https://yoga.example.com/week');
  });
  it('takes the budget from "spend $45 a day", not from "$10 off" in the ad text', () => {
    const t = turn('Ad text: Get $10 off your first order! spend $45 a day');
    expect(t.updates.budget).toBe(45);
    expect(t.updates.ad_text).toBe('Get $10 off your first order!');
  });
  it('ends the campaign name at the colon before "text"', () => {
    const t = turn('campaign called Roof Repair Leads: text Free roof inspection this week');
    expect(t.updates.campaign_name).toBe('Roof Repair Leads');
    expect(t.updates.ad_text).toBe('Free roof inspection this week');
  });
  it('splits "text: Big summer sale, cta: shop now" into two fields', () => {
    const t = turn('text: Big summer sale, cta: shop now');
    expect(t.updates.ad_text).toBe('Big summer sale');
    expect(t.updates.call_to_action).toBe('SHOP_NOW');
  });
  it('reads "Let\'s call it Sweet Crumbs" as the name Sweet Crumbs', () => {
    expect(turn("Let's call it Sweet Crumbs", 'campaign_name').updates.campaign_name).toBe(
      'Sweet Crumbs',
    );
    expect(turn("Let's call it Sweet Crumbs").updates.campaign_name).toBe('Sweet Crumbs');
  });
  it('reads "budget $1,200 per day" as 1200', () => {
    expect(turn('budget $1,200 per day').updates.budget).toBe(1200);
  });
  it('asked for the ad text, "ok then, budget $900 a day" sets the budget only', () => {
    const t = turn('ok then, budget $900 a day', 'ad_text', NAMED);
    expect(t.updates.budget).toBe(900);
    expect(t.updates.ad_text).toBeNull();
  });
  it('asked for the call to action, "actually make it traffic" sets the objective', () => {
    const t = turn('actually make it traffic', 'call_to_action', NAMED);
    expect(t.updates.objective).toBe('traffic');
    expect(t.updates.call_to_action).toBeNull();
  });
  it.each([
    ['I want sales', 'conversions'],
    ['drive visitors to my site', 'traffic'],
    ['more purchases', 'conversions'],
    ['sign-ups', 'conversions'],
    ['traffic to my site', 'traffic'],
    ['clicks', 'traffic'],
    ['convertions', 'conversions'],
    ['trafic', 'traffic'],
  ])('reads the goal "%s" as %s', (message, objective) => {
    expect(turn(message, 'objective_type', NAMED).updates.objective).toBe(objective);
  });
  it.each([
    ['seventy five dollars a day', 75],
    ['$50', 50],
    ['50 USD', 50],
    ['fifty dollars', 50],
    ['1,200', 1200],
    ['1.2k', 1200],
    ['50 bucks', 50],
    ['80 per day', 80],
    ['daily 35', 35],
    ['40 a day', 40],
  ])('reads the budget "%s" as %d', (message, budget) => {
    expect(turn(message, 'budget', NAMED).updates.budget).toBe(budget);
  });
  it('does not take "$500 in total" as a daily budget, and says so', () => {
    const t = turn('$500 in total', 'budget', NAMED);
    expect(t.updates.budget).toBeNull();
    expect(t.message).toMatch(/daily budgets/);
  });
  it('understands "we don\'t need any music for this one"', () => {
    expect(turn("we don't need any music for this one", 'music', NAMED).updates.music).toBe('none');
  });
  it.each([
    ['what call to actions can I use?', 'call_to_action'],
    ['what CTAs can I use?', 'call_to_action'],
    ['what do you still need?', 'missing'],
    ["what's the minimum budget?", 'budget'],
    ['why does Conversions need music?', 'music'],
  ])('"%s" is a question about %s, not an answer', (message, topic) => {
    const t = turn(message, 'call_to_action', NAMED);
    expect(t.intent).toBe('question');
    expect(t.question_topic).toBe(topic);
    expect(t.updates.call_to_action).toBeNull();
  });
  it.each([
    ['no wait, budget 80', { budget: 80 }],
    ['rename it to Spring Sale 2027', { campaign_name: 'Spring Sale 2027' }],
    ['swap the button to sign up', { call_to_action: 'SIGN_UP' }],
    [
      'change the ad text to Cool treats, all summer long!',
      { ad_text: 'Cool treats, all summer long!' },
    ],
  ])('reads the correction "%s"', (message, expected) => {
    expect(turn(message, 'media', NAMED).updates).toMatchObject(expected);
  });
  it.each([
    ["saying 'Free roof inspection this week'", 'Free roof inspection this week'],
    ['the caption should read Cookies worth waking up for.', 'Cookies worth waking up for.'],
    ['ad text: Sleep better tonight', 'Sleep better tonight'],
  ])('reads the ad text labelled as in "%s"', (message, text) => {
    expect(turn(message, 'call_to_action', NAMED).updates.ad_text).toBe(text);
  });
});

describe('marketer phrasings, through the engine', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it('makes the all-in-one request ready in one turn, starting with a "Got it" line', async () => {
    const t = h.thread();
    const replies = await t.say(
      'Create a campaign named Fall Boots Promo for sales. Ad text: Warm boots for cold days. Button: Shop now. Music music_pop_2024, landing page https://boots.example.com/fall, budget $60/day, images img_summer_1, img_summer_2',
    );
    const first = blocksOf(replies)[0];
    expect(first).toMatchObject({ type: 'text' });
    expect(first?.type === 'text' && first.text).toBe(
      'Got it: campaign name Fall Boots Promo · objective Conversions · ad text “Warm boots for cold days.” · call to action Shop now · music music_pop_2024 · landing page https://boots.example.com/fall · budget 60 USD a day · images img_summer_1, img_summer_2',
    );
    expect((await t.state())?.status).toBe('awaiting_approval');
  });

  it('answers "what call to actions can I use?" and asks the open question again', async () => {
    const t = h.thread();
    await t.script(['campaign Hat Shop for conversions, text: Hats for every head']);
    const replies = await t.say('what call to actions can I use?');
    expect(textOf(replies)).toMatch(/Learn more, Shop now, Sign up/);
    expect(textOf(replies)).not.toMatch(/is not a TikTok call to action/);
    expect(blocksOf(replies).at(-1)).toMatchObject({ type: 'question', field: 'call_to_action' });
    expect((await t.state())?.draft.call_to_action).toBeUndefined();
  });

  it('answers "what do you still need?" with the missing fields', async () => {
    const t = h.thread();
    await t.say('campaign Sock Club for conversions');
    const replies = await t.say('what do you still need?');
    expect(textOf(replies)).toContain(
      'Still needed: ad text, call to action, music, landing page, media.',
    );
    expect(blocksOf(replies).at(-1)).toMatchObject({ type: 'question', field: 'ad_text' });
  });

  it('refuses an over-cap budget naming the value and the limit, and keeps the old one', async () => {
    const t = h.thread();
    await t.say('campaign Car Dealer for conversions, budget 70 a day');
    const replies = await t.say('budget $1,200 per day');
    expect(textOf(replies)).toContain('1200 USD a day is over the cap of 1000 USD a day');
    expect((await t.state())?.draft.budget).toBe(70);
  });

  it('says why it did not take an unreadable budget', async () => {
    const t = h.thread();
    await t.say('campaign Car Dealer for conversions');
    const replies = await t.say('budget: a lot');
    expect(textOf(replies)).toContain('I couldn\'t read a budget from \\"a lot\\"');
    expect((await t.state())?.draft.budget).toBeUndefined();
  });

  it('refuses "app installs" with the objectives it can create', async () => {
    const t = h.thread();
    await t.say('campaign Puzzle Game');
    const replies = await t.say('app installs');
    expect(textOf(replies)).toContain('I can create Traffic or Conversions campaigns');
  });

  it('confirms a typo match in the "Got it" line instead of asking "Did you mean"', async () => {
    const t = h.thread();
    await t.say('campaign Hiking Guide');
    const replies = await t.say('trafic');
    expect(textOf(replies)).toContain('Got it: objective Traffic');
    expect(textOf(replies)).not.toMatch(/did you mean/i);
  });
});
