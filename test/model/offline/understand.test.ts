import type { DraftField } from '../../../src/ad/draft';
import { understand } from '../../../src/model/offline/understand';
import type { TurnInput } from '../../../src/model/proposal';

function turn(message: string, last_question: DraftField | null = null) {
  const input: TurnInput = {
    draft: {},
    status: 'collecting',
    missing: [],
    last_question,
    recent: [],
    message,
  };
  return understand(input);
}

describe('offline model', () => {
  it('reads a campaign name and objective from one sentence', () => {
    const t = turn('I want to create a campaign called SoluLab for conversions');
    expect(t.intent).toBe('provide_details');
    expect(t.updates).toMatchObject({
      campaign_name: 'SoluLab',
      objective: 'conversions',
      music: null,
      music_id: null,
    });
  });
  it('reads music choices', () => {
    expect(turn('Use music_123').updates.music_id).toBe('music_123');
    expect(turn('No music needed').updates.music).toBe('none');
    expect(turn('I want to upload my own track').updates.music).toBe('custom');
    expect(turn('456', 'music').updates.music_id).toBe('456');
  });
  it('reads a call to action in plain words', () => {
    expect(turn('Learn More', 'call_to_action').updates.call_to_action).toBe('LEARN_MORE');
    expect(turn('Shop now').updates.call_to_action).toBe('SHOP_NOW');
  });
  it('takes a bare reply as the answer to the question just asked', () => {
    expect(turn('Grow with SoluLab: shop now', 'ad_text').updates).toMatchObject({
      ad_text: 'Grow with SoluLab: shop now',
      call_to_action: null,
    });
    expect(turn('Conversions', 'objective_type').updates.objective).toBe('conversions');
    expect(turn('80', 'budget').updates.budget).toBe(80);
    expect(turn('img_a, img_b', 'media').updates.image_ids).toEqual(['img_a', 'img_b']);
    expect(turn('Spring Launch', 'campaign_name').updates.campaign_name).toBe('Spring Launch');
  });
  it('reads explicit edits', () => {
    expect(turn('change the ad text to Fresh deals every day').updates.ad_text).toBe(
      'Fresh deals every day',
    );
    expect(turn('set budget to 120').updates.budget).toBe(120);
    expect(turn('landing page: https://solulab.com/x').updates.landing_page_url).toBe(
      'https://solulab.com/x',
    );
  });
  it('recognizes intents, and never turns chat text into an approval', () => {
    expect(turn('start over').intent).toBe('reset');
    expect(turn('status').intent).toBe('show_status');
    expect(turn('looks good, submit it').intent).toBe('request_approval');
    const unknown = turn('what a lovely day');
    expect(unknown.intent).toBe('chat');
    expect(unknown.message).toMatch(/didn't catch/);
  });
});
