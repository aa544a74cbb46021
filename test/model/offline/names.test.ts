import { randomUUID } from 'node:crypto';
import type { AdDraft, DraftField } from '../../../src/ad/draft';
import type { ChatEvent } from '../../../src/engine/chat-event';
import { Harness } from '../../support/harness';
import { offlineTurn } from './offline-turn';

/** The updates of one offline turn for `message`. */
function turn(message: string, last_question: DraftField | null = null, draft: AdDraft = {}) {
  return offlineTurn(message, last_question, draft).updates;
}

describe('campaign names said without a label, offline model', () => {
  it('"my bakery Sweet Crumbs, want more visitors" names Sweet Crumbs, objective Traffic', () => {
    expect(turn('my bakery Sweet Crumbs, want more visitors')).toMatchObject({
      campaign_name: 'Sweet Crumbs',
      objective: 'traffic',
    });
  });
  it.each([
    'hi, can you make an ad for my bakery Sweet Crumbs? we want more visitors',
    'Could you set up a TikTok ad for our bakery Sweet Crumbs. We want more visitors',
    'an ad for Sweet Crumbs please, we want more visitors',
  ])('"%s" names Sweet Crumbs, objective Traffic', (message) => {
    expect(turn(message)).toMatchObject({ campaign_name: 'Sweet Crumbs', objective: 'traffic' });
  });
  it.each([
    ['Summer Sale for traffic', 'Summer Sale', 'traffic'],
    ['summer sale for traffic', 'summer sale', 'traffic'],
    ['Hiking Trails Guide for trafic, no music, learn more', 'Hiking Trails Guide', 'traffic'],
    ['Fitness Blog: get people to my website, no music', 'Fitness Blog', 'traffic'],
    ['The campaign can be called Harbor Kayaks, for sales', 'Harbor Kayaks', 'conversions'],
    [
      "Good morning! We're launching Ocean Breeze Candles and want more sales.",
      'Ocean Breeze Candles',
      'conversions',
    ],
  ])('a first message "%s" names %s', (message, name, objective) => {
    expect(turn(message)).toMatchObject({ campaign_name: name, objective });
  });
  it('takes no name from a lone goal, a header or a request', () => {
    expect(turn('Sale for traffic')).toMatchObject({ campaign_name: null, objective: 'traffic' });
    expect(turn('conversions').campaign_name).toBeNull();
    expect(turn('I want sales').campaign_name).toBeNull();
    expect(turn('Update: budget 50')).toMatchObject({ campaign_name: null, budget: 50 });
  });
  it('does not rename a named draft from a first phrase', () => {
    expect(turn('Winter Deals for traffic', null, { campaign_name: 'Fall Boots' })).toMatchObject({
      campaign_name: null,
      objective: 'traffic',
    });
  });
  it('keeps an apostrophe inside a quoted name, and reads a typo in "campaign name"', () => {
    expect(turn('Campaign "Dad\'s Garage", goal conversions').campaign_name).toBe("Dad's Garage");
    expect(turn('Campain name Sneaker Drop, objectiv sales')).toMatchObject({
      campaign_name: 'Sneaker Drop',
      objective: 'conversions',
    });
  });
  it('names the unlabelled short phrase and makes the quote beside it the ad text', () => {
    expect(turn("Pet Spa, conversions, music_456, 'Pamper your pup this weekend'")).toMatchObject({
      campaign_name: 'Pet Spa',
      ad_text: 'Pamper your pup this weekend',
    });
  });
});

describe('campaign names said without a label, through the engine', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.close());

  /** The draft after `text` as the first event of a new thread (`start`: /tiktok-ad words). */
  async function first(type: 'start' | 'message', text: string) {
    const thread_id = `console:local:${randomUUID()}` as const;
    const event = {
      event_id: randomUUID(),
      thread_id,
      platform: 'console',
      workspace_id: 'local',
      channel_id: 'local',
      user: { id: 'U1', name: 'ana' },
      type,
      text,
    } as ChatEvent;
    await h.engine.handle(event);
    return (await h.saved(thread_id))?.draft;
  }

  it.each(['start', 'message'] as const)(
    '%s "Summer Sale for traffic": name Summer Sale, objective Traffic',
    async (type) => {
      expect(await first(type, 'Summer Sale for traffic')).toMatchObject({
        campaign_name: 'Summer Sale',
        objective_type: 'TRAFFIC',
      });
    },
  );

  it.each(['start', 'message'] as const)(
    '%s "my bakery Sweet Crumbs, want more visitors": Sweet Crumbs, Traffic',
    async (type) => {
      expect(await first(type, 'my bakery Sweet Crumbs, want more visitors')).toMatchObject({
        campaign_name: 'Sweet Crumbs',
        objective_type: 'TRAFFIC',
      });
    },
  );

  it.each(['hello', 'help', 'conversions', 'Sale', 'new ad', 'what do you need?'])(
    '/tiktok-ad %s names no campaign',
    async (words) => {
      expect((await first('start', words))?.campaign_name).toBeUndefined();
    },
  );
});
