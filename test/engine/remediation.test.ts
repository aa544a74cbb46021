import { TurnLostError } from '../../src/engine/engine';
import { ERROR_ADVICE, errorClassOf, remediationFor, sayError } from '../../src/engine/remediation';
import {
  STILL_SUBMITTING_TEXT,
  STORAGE_DOWN_START_TEXT,
  STORE_FAILED_TEXT,
} from '../../src/engine/store-texts';
import { AmbiguousCampaignError } from '../../src/engine/submission/campaign-lookup';
import { ALL_ERROR_CODES, BotError, type ErrorCode } from '../../src/errors/bot-error';
import { ModelError } from '../../src/model/proposal';
import { LockTimeoutError, StoreUnavailableError } from '../../src/store/state-store';
import { TikTokApiError } from '../../src/tiktok/errors';
import { blocksOf, CAROUSEL_SCRIPT, Harness, textOf } from '../support/harness';

const tiktok = (tiktok_code: number, tiktok_message = 'Something', request_id?: string) =>
  new TikTokApiError({
    tiktok_code,
    tiktok_message,
    http_status: 200,
    ...(request_id ? { request_id } : {}),
  });

/** An error of each code, of the kind that carries it. */
function sampleOf(code: ErrorCode): BotError {
  const tiktokCodes: Partial<Record<ErrorCode, number>> = {
    tiktok_auth: 40105,
    tiktok_permission: 40001,
    tiktok_rate_limited: 40100,
    tiktok_transient: 50000,
    tiktok_invalid_request: 40002,
  };
  const tiktok_code = tiktokCodes[code];
  if (tiktok_code !== undefined) {
    const error = tiktok(tiktok_code);
    expect(error.code).toBe(code);
    return error;
  }
  if (code === 'campaign_ambiguous') return new AmbiguousCampaignError('Spring', ['11', '12']);
  return new BotError(code, `the ${code} message`);
}

describe('the table from error code to what is said', () => {
  it('has an entry for every code, each saying a non-empty block', () => {
    expect(Object.keys(ERROR_ADVICE).sort()).toEqual([...ALL_ERROR_CODES].sort());
    for (const code of ALL_ERROR_CODES) {
      const block = sayError(sampleOf(code), {});
      const words = block.type === 'text' ? block.text : JSON.stringify(block);
      expect(words.length).toBeGreaterThan(10);
      expect(['user', 'operator']).toContain(ERROR_ADVICE[code].audience);
    }
  });

  it("maps the TikTok client's own codes to the engine's classes", () => {
    expect(
      (
        [
          'tiktok_auth',
          'tiktok_permission',
          'tiktok_rate_limited',
          'tiktok_transient',
          'tiktok_invalid_request',
        ] as const
      ).map(errorClassOf),
    ).toEqual(['auth', 'permission', 'rate_limit', 'transient', 'validation']);
  });

  it('says the TikTok failures with their code, request id, buttons and tries', () => {
    expect(remediationFor(tiktok(40105, 'Access token is invalid', 'req-1'))).toEqual({
      type: 'remediation',
      error_class: 'auth',
      code: 40105,
      request_id: 'req-1',
      title: 'Your TikTok authorization has expired or was revoked',
      detail:
        "TikTok no longer accepts the linked account's token (code 40105). Link your TikTok account again, then retry; the draft is kept.",
      actions: [
        { action_id: 'link_account', label: 'Link account' },
        { action_id: 'retry', label: 'Retry' },
      ],
    });
    expect(remediationFor(tiktok(41000))).toMatchObject({
      title: 'TikTok blocked this request by region',
      actions: [{ action_id: 'retry' }, { action_id: 'edit' }],
    });
    expect(remediationFor(tiktok(40001, 'no scope'))).toMatchObject({
      title: 'The linked TikTok account lacks a permission',
      detail: expect.stringContaining('TikTok said: "no scope" (code 40001)'),
    });
    expect(remediationFor(tiktok(40002, 'budget too low'))).toMatchObject({
      error_class: 'validation',
      detail: 'TikTok said: "budget too low" (code 40002). Change the draft and approve again.',
      actions: [{ action_id: 'edit' }],
    });
    expect(remediationFor(tiktok(40100), 3)).toMatchObject({
      error_class: 'rate_limit',
      detail: expect.stringContaining('(code 40100). I tried 3 times. Wait a minute'),
    });
    expect(remediationFor(tiktok(50000), 1)).toMatchObject({
      error_class: 'transient',
      detail: expect.stringContaining("TikTok's servers failed (code 50000). Retry in a moment"),
    });
  });

  it('says a store failure by where it met the user', () => {
    const down = new StoreUnavailableError('get', { cause: new Error('ECONNREFUSED') });
    expect(sayError(down)).toEqual({ type: 'text', tone: 'error', text: STORE_FAILED_TEXT });
    expect(sayError(down, { starting: true })).toEqual({
      type: 'text',
      tone: 'error',
      text: STORAGE_DOWN_START_TEXT,
    });
    expect(sayError(down, { starting: true, submitting: true })).toEqual({
      type: 'text',
      tone: 'warning',
      text: STILL_SUBMITTING_TEXT,
    });
  });

  it('says a model failure in its own words, and names every ambiguous campaign', () => {
    const refused = new ModelError('refused', 'I cannot help with that; the draft is unchanged.');
    expect(sayError(refused)).toEqual({
      type: 'text',
      tone: 'error',
      text: 'I cannot help with that; the draft is unchanged.',
    });
    expect(sayError(new AmbiguousCampaignError('Spring', ['11', '12', '13']))).toMatchObject({
      type: 'remediation',
      error_class: 'validation',
      title: '3 campaigns named "Spring" match, so I stopped',
      detail: expect.stringContaining('(ids 11, 12, 13)'),
    });
    expect(ERROR_ADVICE[new TurnLostError('t').code].audience).toBe('operator');
    expect(sayError(new LockTimeoutError('lock:t', 5000))).toEqual({
      type: 'text',
      tone: 'error',
      text: 'I am still busy with an earlier message in this thread. Please send that again in a moment.',
    });
  });
});

describe('submit failures come back as remediation, with the draft kept', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function readyThread(options: Parameters<typeof Harness.start>[0] = {}) {
    h = await Harness.start(options);
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT);
    expect((await t.state())?.status).toBe('awaiting_approval');
    return t;
  }

  it.each([
    ['geo', 41000, 'permission', /region/, ['retry', 'edit']],
    ['auth', 40105, 'auth', /expired or was revoked/, ['link_account', 'retry']],
  ] as const)('%s fault → code %d, class %s', async (fault, code, error_class, title, actions) => {
    const t = await readyThread();
    const draftBefore = (await t.state())?.draft;
    h.emulator.faults.set(fault);
    const replies = await t.act('approve');
    const remediation = blocksOf(replies).find((b) => b.type === 'remediation');
    expect(remediation).toMatchObject({
      type: 'remediation',
      error_class,
      code,
      title: expect.stringMatching(title),
    });
    if (remediation?.type === 'remediation')
      expect(remediation.actions.map((a) => a.action_id)).toEqual(actions);
    const saved = await t.state();
    expect(saved?.status).toBe('failed');
    expect(saved?.draft).toEqual(draftBefore);
    expect(saved?.last_failure).toMatchObject({ code, error_class });
    expect(h.emulator.counts().campaigns).toBe(0);
  });

  it('a lasting server error is retried a bounded number of times, then explained', async () => {
    const t = await readyThread({ retryAttempts: 3 });
    h.emulator.faults.set({ kind: 'server', times: 10, endpoint: 'campaign/create/' });
    const before = h.client.calls;
    const replies = await t.act('approve');
    // identity/get/ once; adgroup/get/ for an ad group of this submission (none yet, so no
    // campaign of ours); campaign/create/ exactly `attempts` times (same request_id); then the
    // look-up in case a create went through without a reply: adgroup/get/ and campaign/get/.
    expect(h.client.calls - before).toBe(1 + 1 + 3 + 2);
    expect(h.emulator.counts().calls['campaign/create/']).toBe(3);
    expect(blocksOf(replies).find((b) => b.type === 'remediation')).toMatchObject({
      error_class: 'transient',
      code: 50000,
      actions: [{ action_id: 'retry' }],
    });
    expect(textOf(replies)).toMatch(/will not create anything twice/);
  });

  it('a lasting rate limit is retried a bounded number of times, then explained', async () => {
    const t = await readyThread({ retryAttempts: 2 });
    h.emulator.faults.set({ kind: 'ratelimit', times: 10 });
    const replies = await t.act('approve');
    expect(blocksOf(replies).find((b) => b.type === 'remediation')).toMatchObject({
      error_class: 'rate_limit',
      code: 40100,
    });
  });

  it('a short server error is retried away and the ad is created once', async () => {
    const t = await readyThread({ retryAttempts: 3 });
    h.emulator.faults.set({ kind: 'server', times: 2 });
    const replies = await t.act('approve');
    expect(blocksOf(replies).some((b) => b.type === 'result')).toBe(true);
    expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
  });

  it('TikTok validation errors say what TikTok said and offer an edit', async () => {
    const t = await readyThread({
      settings: { identity: { identity_id: '7299999999999999999', display_name: 'x' } },
    });
    const replies = await t.act('approve');
    const remediation = blocksOf(replies).find((b) => b.type === 'remediation');
    expect(remediation).toMatchObject({
      error_class: 'validation',
      actions: [{ action_id: 'edit' }],
    });
    if (remediation?.type === 'remediation') expect(remediation.detail).toMatch(/TikTok said/);
  });

  it('after the geo block is lifted, retry creates the ad without duplicates', async () => {
    const t = await readyThread();
    h.emulator.faults.set('geo');
    await t.act('approve');
    const replies = await t.act('retry');
    expect(blocksOf(replies).some((b) => b.type === 'result')).toBe(true);
    expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
  });
});
