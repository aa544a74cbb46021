import type { ProgressStep } from '../../../src/engine/reply';
import type { SubmissionAuditRecord, SubmitContext } from '../../../src/engine/submission/context';
import {
  CREATE_ATTEMPTS,
  type CreateSpec,
  createOnce,
  SubmissionRun,
} from '../../../src/engine/submission/run';
import type { Submission } from '../../../src/engine/thread-state';
import type { AdsApi } from '../../../src/tiktok/ads-api';
import { TikTokApiError } from '../../../src/tiktok/errors';
import { testSettings } from '../../support/harness';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';

const NOW = new Date('2026-12-07T12:00:00Z');
const tiktokError = (code: number) =>
  new TikTokApiError({ tiktok_code: code, tiktok_message: `code ${code}`, http_status: 200 });

function setup(sub: Partial<Submission> = {}) {
  const events: string[] = [];
  const audits: SubmissionAuditRecord[] = [];
  const shown: ProgressStep[][] = [];
  const sleeps: number[] = [];
  const ctx: SubmitContext = {
    ads: {} as AdsApi,
    auth: { access_token: 't', advertiser_id: 'adv1' },
    settings: testSettings(),
    persist: async () => {
      events.push('save');
    },
    progress: async (steps) => {
      shown.push(steps);
    },
    audit: async (record) => {
      audits.push(record);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
  };
  const submission: Submission = {
    key: 'k'.repeat(64),
    draft_id: 'd1',
    revision: 1,
    advertiser_id: 'adv1',
    campaign_request_id: 'rc',
    adgroup_request_id: 'rg',
    ad_name: 'Spring Shoes [kkkkkkkk]',
    started_at: NOW.toISOString(),
    ...sub,
  };
  const run = new SubmissionRun(
    stateOf({ draft: COMPLETE_DRAFT, status: 'submitting' }),
    submission,
    ctx,
  );
  let attempted = false;
  const spec = (over: Partial<CreateSpec> = {}): CreateSpec => ({
    level: 'ad',
    attempted: () => attempted,
    markAttempted: () => {
      attempted = true;
      events.push('attempted');
    },
    create: async () => {
      events.push('create');
      return { id: 'ad_new', request_id: 'tt-req' };
    },
    find: async () => {
      events.push('find');
      return undefined;
    },
    lookFirst: async () => {
      events.push('lookFirst');
      return undefined;
    },
    attempts: CREATE_ATTEMPTS,
    ...over,
  });
  return { run, spec, events, audits, shown, sleeps, setAttempted: () => (attempted = true) };
}

describe('SubmissionRun', () => {
  it('starts its steps from what the submission already made', () => {
    const { run } = setup({ campaign_id: 'c1', enabled: ['ad', 'adgroup', 'campaign'] });
    expect(run.steps).toEqual([
      { step: 'campaign', label: 'Campaign', status: 'done', id: 'c1' },
      { step: 'adgroup', label: 'Ad group', status: 'pending' },
      { step: 'ad', label: 'Ad', status: 'pending' },
      { step: 'enable', label: 'Switch all on', status: 'done' },
    ]);
  });

  it('shows a copy of the steps on each mark', async () => {
    const { run, shown } = setup();
    await run.mark('adgroup', 'running');
    await run.mark('adgroup', 'done', 'g1');
    expect(shown[0]?.[1]).toEqual({ step: 'adgroup', label: 'Ad group', status: 'running' });
    expect(shown[1]?.[1]).toEqual({ step: 'adgroup', label: 'Ad group', status: 'done', id: 'g1' });
  });
});

describe('createOnce', () => {
  it('looks first, saves the attempted flag before the create, and audits the create', async () => {
    const { run, spec, events, audits } = setup();
    expect(await createOnce(run, spec({ our_request_id: 'our-1' }))).toBe('ad_new');
    expect(events).toEqual(['lookFirst', 'attempted', 'save', 'create']);
    expect(audits).toEqual([
      expect.objectContaining({
        event: 'tiktok_create',
        level: 'ad',
        object_id: 'ad_new',
        adopted: false,
        request_id: 'our-1',
        tiktok_request_id: 'tt-req',
        thread_id: 'slack:T1:C1:1700000000.000100',
        draft_id: 'd1',
        advertiser_id: 'adv1',
        at: NOW.toISOString(),
      }),
    ]);
  });

  it('never creates blind: adopts what the first look finds', async () => {
    const { run, spec, events, audits } = setup();
    expect(await createOnce(run, spec({ lookFirst: async () => 'ad_there' }))).toBe('ad_there');
    expect(events).toEqual([]);
    expect(audits[0]).toMatchObject({ object_id: 'ad_there', adopted: true });
  });

  it('after a saved attempt, looks up by name instead of the first look', async () => {
    const { run, spec, events, setAttempted } = setup();
    setAttempted();
    expect(await createOnce(run, spec({ find: async () => 'ad_found' }))).toBe('ad_found');
    expect(events).toEqual([]);
  });

  it('an unknown outcome is looked up before any new create, and adopted when found', async () => {
    const { run, spec, events, sleeps } = setup();
    let creates = 0;
    let made = false;
    const result = await createOnce(
      run,
      spec({
        create: async () => {
          creates++;
          made = true;
          throw tiktokError(50000);
        },
        find: async () => (made ? 'ad_made' : undefined),
      }),
    );
    expect(result).toBe('ad_made');
    expect(creates).toBe(1);
    expect(sleeps).toEqual([200]);
    expect(events).toEqual(['lookFirst', 'attempted', 'save']);
  });

  it('gives up after the attempts with the last error, never more creates', async () => {
    const { run, spec, sleeps } = setup();
    let creates = 0;
    const error = await createOnce(
      run,
      spec({
        create: async () => {
          creates++;
          throw tiktokError(40050);
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TikTokApiError);
    expect((error as TikTokApiError).tiktok_code).toBe(40050);
    expect(creates).toBe(CREATE_ATTEMPTS);
    expect(sleeps).toEqual([200, 400]);
  });

  it('throws a refusal at once, without looking it up', async () => {
    const { run, spec, events } = setup();
    const error = await createOnce(
      run,
      spec({
        create: async () => {
          throw tiktokError(40002);
        },
      }),
    ).catch((e: unknown) => e);
    expect((error as TikTokApiError).tiktok_code).toBe(40002);
    expect(events).toEqual(['lookFirst', 'attempted', 'save']);
  });
});
