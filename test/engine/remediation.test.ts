import { blocksOf, CAROUSEL_SCRIPT, Harness, textOf } from '../support/harness';

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
