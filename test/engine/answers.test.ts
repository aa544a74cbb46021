import { answerFor, stillNeeded } from '../../src/engine/answers';
import { testSettings } from '../support/harness';
import { COMPLETE_DRAFT } from '../support/thread-states';

describe('stillNeeded', () => {
  it('names fields in order as people say them', () => {
    expect(stillNeeded(['ad_text', 'call_to_action', 'landing_page_url', 'budget'])).toBe(
      'Still needed: ad text, call to action, landing page, daily budget.',
    );
  });
});

describe('answerFor', () => {
  const settings = testSettings();

  it('answers "what is missing" from the rules', () => {
    expect(answerFor('missing', COMPLETE_DRAFT, settings).text).toBe(
      'Nothing: the draft is complete and waits for approval.',
    );
    expect(answerFor('missing', { campaign_name: 'Spring' }, settings).text).toMatch(
      /^Still needed: objective, ad text/,
    );
  });

  it('explains approval by the policy in the settings', () => {
    expect(answerFor('approval', {}, testSettings({ allow_self_approval: false })).text).toContain(
      'a teammate (not the requester) approves it',
    );
    expect(answerFor('approval', {}, testSettings({ approvals_required: 3 })).text).toContain(
      'it needs 3 approvals',
    );
  });

  it('states budget limits in the workspace currency, with the default when there is one', () => {
    expect(answerFor('budget', {}, settings).text).toBe(
      "Budgets are daily, in USD: at least 20 (TikTok's minimum) and at most 1000 (this workspace's cap). If you name none, I use 50 USD a day.",
    );
    const noDefault = testSettings({
      budget: { min_daily: 20, max_daily: 500, default_daily: null, currency: 'EUR' },
    });
    expect(answerFor('budget', {}, noDefault).text).not.toContain('If you name none');
  });

  it('describes media by the format the music implies, with the options offered', () => {
    expect(answerFor('media', { music: { kind: 'none' } }, settings).text).toBe(
      'Without music the ad is one video from your TikTok library.',
    );
    expect(
      answerFor('media', { music: { kind: 'existing', music_id: 'm' } }, settings, [
        '#1 a.jpg',
        '#2 b.jpg',
      ]).text,
    ).toBe(
      'With music the ad is a carousel of 1 to 35 images from your TikTok library. You can pick: #1 a.jpg; #2 b.jpg.',
    );
  });

  it('lists suggested call-to-action labels and says Conversions needs music', () => {
    expect(answerFor('call_to_action', {}, settings).text).toMatch(
      /^The button can say: .*Shop now/i,
    );
    expect(answerFor('objective', {}, settings).text).toContain('Conversions ads need music.');
    expect(answerFor('help', {}, settings).tone).toBe('info');
  });
});
