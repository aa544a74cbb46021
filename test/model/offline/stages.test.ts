import { splitClauses } from '../../../src/model/offline/clauses';
import {
  findAmounts,
  findMediaIds,
  findMusicIds,
  findQuotes,
  findUrls,
} from '../../../src/model/offline/entities';
import { commandOf, questionOf } from '../../../src/model/offline/intents';
import { leadOf } from '../../../src/model/offline/labels';
import { normalise, unquote } from '../../../src/model/offline/normalise';
import { fillSlots } from '../../../src/model/offline/slots';
import { understand } from '../../../src/model/offline/understand';
import {
  isMediaReference,
  readCallToAction,
  readName,
  readObjective,
} from '../../../src/model/offline/values';
import { closestWord, typoDistance } from '../../../src/text/fuzzy';

describe('offline model stage 1: normalise', () => {
  it('cleans spaces and line breaks but changes no character of a value', () => {
    expect(normalise('  Warm\u00a0boots\r\nfor you!\u200b ')).toBe('Warm boots\nfor you!');
    expect(unquote(' "Find your calm!" ')).toBe('Find your calm!');
    expect(unquote('“curly”')).toBe('curly');
    expect(unquote("it's")).toBe("it's");
  });
});

describe('offline model stage 2: entities and clauses', () => {
  it('finds amounts with their period and currency', () => {
    const values = (s: string) => findAmounts(s).map((a) => a.value);
    expect(values('budget $1,200 per day')).toEqual([
      { value: 1200, currency: true, period: 'daily' },
    ]);
    expect(values('1.2k a day')).toEqual([{ value: 1200, currency: false, period: 'daily' }]);
    expect(values('seventy five dollars a day')).toEqual([
      { value: 75, currency: true, period: 'daily' },
    ]);
    expect(values('$500 in total')).toEqual([{ value: 500, currency: true, period: 'total' }]);
    expect(values('30% off')).toEqual([]);
  });
  it('finds web addresses without trailing punctuation, and ids', () => {
    expect(
      findUrls('see https://yoga.example.com/week; or shop.example.com.').map((u) => u.value),
    ).toEqual(['https://yoga.example.com/week', 'shop.example.com']);
    // Other schemes are taken whole, so the landing page rule refuses them by name.
    expect(findUrls('ftp://example.com').map((u) => u.value)).toEqual(['ftp://example.com']);
    expect(findUrls('go to javascript:alert(1)').map((u) => u.value)).toEqual([
      'javascript:alert(1',
    ]);
    expect(findUrls('send them to bооts.example.com').map((u) => u.value)).toEqual([
      'bооts.example.com',
    ]);
    expect(findMusicIds('use music_pop_2024, or music id 7123456').map((m) => m.value)).toEqual([
      'music_pop_2024',
      '7123456',
    ]);
    expect(findMediaIds('img_summer_1 and vid_summer_2.').map((m) => m.value)).toEqual([
      'img_summer_1',
      'vid_summer_2',
    ]);
  });
  it('finds quotes, but not apostrophes', () => {
    expect(
      findQuotes(`text 'Treats your dog will love!', it's o'clock "Free"`).map((q) => q.value),
    ).toEqual(['Treats your dog will love!', 'Free']);
  });
  it('cuts clauses at separators, keeping sentence punctuation and protected spans', () => {
    const text = 'Ad text: Big sale! cta: shop now, budget $1,200; "a, b"';
    const quotes = findQuotes(text);
    expect(splitClauses(text, quotes).map((c) => c.text)).toEqual([
      'Ad text: Big sale!',
      'cta: shop now',
      'budget $1,200',
      '"a, b"',
    ]);
  });
});

describe('offline model stage 3: intents, labels and corrections', () => {
  it('reads commands, with typos', () => {
    expect(commandOf('start over')).toBe('reset');
    expect(commandOf('looks good, submit it')).toBe('request_approval');
    expect(commandOf('stauts')).toBe('show_status');
    expect(commandOf('Fall Boots')).toBeNull();
  });
  it('reads questions and their topic, not requests', () => {
    expect(questionOf('what CTAs can I use?', false)).toBe('call_to_action');
    expect(questionOf('can you make it traffic?', false)).toBeNull();
    expect(questionOf('Where will you go next?', true)).toBeNull();
    expect(questionOf('help', false)).toBe('help');
  });
  it('reads labels and corrections at the start of a clause', () => {
    expect(leadOf('ad text: Warm boots')).toMatchObject({
      kind: 'label',
      field: 'ad_text',
      delimited: true,
    });
    expect(leadOf('swap the button to sign up')).toMatchObject({
      kind: 'label',
      field: 'call_to_action',
      correction: true,
    });
    expect(leadOf('actually make it traffic')).toMatchObject({ kind: 'value', correction: true });
    expect(leadOf('objectve conversions')).toMatchObject({ kind: 'label', field: 'objective' });
    expect(leadOf('Warm boots for cold days')).toBeNull();
  });
});

describe('offline model stage 4: values and slots', () => {
  it('reads goals, calls to action and names', () => {
    expect(readObjective('for sales', false)?.value).toBe('conversions');
    expect(readObjective('a lovely sale', false)).toBeNull();
    expect(readObjective('convertions', true)?.value).toBe('conversions');
    expect(readObjective('app installs', true)?.value).toBe('app installs');
    expect(readCallToAction('use order now as the button', false)?.value).toBe('ORDER_NOW');
    expect(readCallToAction('shop nwo', true)?.value).toBe('SHOP_NOW');
    expect(readCallToAction('Frame Shop', false)).toBeNull();
    expect(readName('Fall Boots Promo for sales.').name).toBe('Fall Boots Promo');
    expect(readName('Cat Cafe for trafic').name).toBe('Cat Cafe');
  });
  it('fills several slots from one message and keeps the ad text as typed', () => {
    const { updates } = fillSlots(
      'Campaign named Tea Time for traffic with no music and a budget of $25 per day. Text: A calmer cup, every afternoon. CTA learn more.',
      { last_question: null, draft: {} },
    );
    expect(updates).toMatchObject({
      campaign_name: 'Tea Time',
      objective: 'traffic',
      music: 'none',
      budget: 25,
      ad_text: 'A calmer cup, every afternoon.',
      call_to_action: 'LEARN_MORE',
    });
  });
});

describe('typo distance', () => {
  it('counts a swap of neighbours as one edit and refuses ambiguous matches', () => {
    expect(typoDistance('nwo', 'now')).toBe(1);
    expect(typoDistance('muisc', 'music')).toBe(1);
    expect(closestWord('trafic', ['traffic', 'conversions'])).toBe('traffic');
    expect(closestWord('cat', ['car', 'cap'])).toBeNull();
  });
});

describe('whole pipeline, more plain words', () => {
  const say = (message: string, last_question: 'campaign_name' | null = null) =>
    understand({
      draft: last_question ? {} : { campaign_name: 'x' },
      status: 'collecting',
      missing: [],
      last_question,
      recent: [],
      message,
    });
  it('a request phrased as a question that names a budget sets it', () => {
    expect(say('can we do $80 a day?')).toMatchObject({
      intent: 'provide_details',
      updates: { budget: 80 },
    });
  });
  it('reads "a TikTok ad for Glow Skincare" as the name, and drops a trailing "campaign"', () => {
    expect(say('Need a TikTok ad for Glow Skincare, conversions').updates).toMatchObject({
      campaign_name: 'Glow Skincare',
      objective: 'conversions',
    });
    expect(say('Summer Glow 2027 campaign', 'campaign_name').updates.campaign_name).toBe(
      'Summer Glow 2027',
    );
  });
});

describe('lists', () => {
  it('reads one field per bullet line', () => {
    const t = understand({
      draft: {},
      status: 'collecting',
      missing: [],
      last_question: null,
      recent: [],
      message: '- campaign: Glow Up\n• goal: sales\n* ad text: Skin that glows!\n1. cta: shop now',
    });
    expect(t.updates).toMatchObject({
      campaign_name: 'Glow Up',
      objective: 'conversions',
      ad_text: 'Skin that glows!',
      call_to_action: 'SHOP_NOW',
    });
  });
});

describe('a line that points at the library', () => {
  it.each([
    'the summer video',
    'use the vertical ones',
    '#1 and #3',
    '1, 3',
    'the first two',
    'ok then, pick the landscape photos',
  ])('"%s" is about media', (line) => {
    expect(isMediaReference(line)).toBe(true);
  });
  it.each([
    'Fresh croissants every morning',
    'The best photos of your life, printed',
    'Get the first two weeks free',
    '45',
    'Shop the summer sale',
  ])('"%s" is not', (line) => {
    expect(isMediaReference(line)).toBe(false);
  });
  it('never answers the ad-text question: it goes to media for the engine to pick', () => {
    const filled = fillSlots('the summer video', {
      last_question: 'ad_text',
      draft: { campaign_name: 'Sweet Crumbs' },
    });
    expect(filled.updates.ad_text).toBeNull();
    expect(filled.updates.image_ids).toEqual(['summer']);
  });
});
