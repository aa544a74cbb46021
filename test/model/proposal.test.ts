import { BotError } from '../../src/errors/bot-error';
import {
  emptyUpdates,
  ModelError,
  ProposalSchema,
  QUESTION_TOPICS,
  RECENT_LINES,
} from '../../src/model/proposal';

const VALID = {
  message: 'Summer Sale it is.',
  intent: 'provide_details',
  question_topic: null,
  updates: { ...emptyUpdates(), campaign_name: 'Summer Sale', budget: 50, image_ids: ['img-1'] },
};

describe('emptyUpdates', () => {
  it('has every update key, each null (no change)', () => {
    expect(emptyUpdates()).toEqual({
      campaign_name: null,
      objective: null,
      ad_text: null,
      call_to_action: null,
      music: null,
      music_id: null,
      landing_page_url: null,
      budget: null,
      image_ids: null,
      video_id: null,
    });
  });

  it('gives a fresh object each time', () => {
    const a = emptyUpdates();
    a.budget = 10;
    expect(emptyUpdates().budget).toBeNull();
  });
});

describe('ProposalSchema', () => {
  it('accepts a full proposal, question_topic optional', () => {
    expect(ProposalSchema.parse(VALID)).toEqual(VALID);
    const { question_topic: _t, ...withoutTopic } = VALID;
    expect(ProposalSchema.safeParse(withoutTopic).success).toBe(true);
  });

  it('refuses an intent outside the closed list', () => {
    expect(ProposalSchema.safeParse({ ...VALID, intent: 'submit_now' }).success).toBe(false);
  });

  it('refuses extra keys at the top and in updates (nothing can name an account)', () => {
    expect(ProposalSchema.safeParse({ ...VALID, advertiser_id: '1' }).success).toBe(false);
    expect(
      ProposalSchema.safeParse({ ...VALID, updates: { ...VALID.updates, access_token: 't' } })
        .success,
    ).toBe(false);
  });

  it('refuses a missing update key (every key required, null for no change)', () => {
    const { budget: _b, ...updates } = VALID.updates;
    expect(ProposalSchema.safeParse({ ...VALID, updates }).success).toBe(false);
  });

  it('refuses a message over 600 characters and a music choice outside its enum', () => {
    expect(ProposalSchema.safeParse({ ...VALID, message: 'x'.repeat(601) }).success).toBe(false);
    expect(ProposalSchema.safeParse({ ...VALID, message: 'x'.repeat(600) }).success).toBe(true);
    expect(
      ProposalSchema.safeParse({ ...VALID, updates: { ...VALID.updates, music: 'some' } }).success,
    ).toBe(false);
  });

  it('knows the question topics the engine answers from code', () => {
    expect(QUESTION_TOPICS).toEqual([
      'missing',
      'approval',
      'campaign_name',
      'objective',
      'ad_text',
      'call_to_action',
      'music',
      'landing_page_url',
      'budget',
      'media',
      'help',
    ]);
    expect(ProposalSchema.safeParse({ ...VALID, question_topic: 'weather' }).success).toBe(false);
    expect(RECENT_LINES).toBe(4);
  });
});

describe('ModelError', () => {
  it('is a BotError coded model_<kind>, keeping kind, message and cause', () => {
    const cause = new Error('503');
    const error = new ModelError('unavailable', 'The AI assistant is not reachable right now.', {
      cause,
    });
    expect(error).toBeInstanceOf(BotError);
    expect(error.name).toBe('ModelError');
    expect(error.kind).toBe('unavailable');
    expect(error.code).toBe('model_unavailable');
    expect(error.message).toBe('The AI assistant is not reachable right now.');
    expect(error.cause).toBe(cause);
    expect(new ModelError('invalid_output', 'x').code).toBe('model_invalid_output');
  });
});
