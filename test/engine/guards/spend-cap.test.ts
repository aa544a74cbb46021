import { reserveDailyBudget } from '../../../src/engine/guards/spend-cap';
import { useRedisStore } from '../../store/redis-test-support';
import { testSettings } from '../../support/harness';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';

const { keys, admin, store } = useRedisStore('spend-cap');
const NOW = new Date('2026-12-07T15:00:00Z');
const capped = (cap: number | null) =>
  testSettings({ guards: { workspace_daily_budget_cap: cap } });
const draftWith = (budget: number, thread: string) =>
  stateOf({ thread_id: `slack:T1:C1:${thread}`, draft: { ...COMPLETE_DRAFT, budget } });

describe('reserveDailyBudget (real Redis)', () => {
  it('passes with no cap and reserves nothing', async () => {
    expect(await reserveDailyBudget(store, keys, draftWith(500, '1'), capped(null), NOW)).toEqual({
      ok: true,
    });
    expect(await admin.exists(keys.spendDay('slack:T1', '2026-12-07'))).toBe(0);
  });

  it('reserves up to the cap, counts a retry of the same draft once, and refuses the next', async () => {
    const settings = capped(100);
    const first = draftWith(60, '2');
    expect(await reserveDailyBudget(store, keys, first, settings, NOW)).toEqual({ ok: true });
    expect(await reserveDailyBudget(store, keys, first, settings, NOW)).toEqual({ ok: true });
    const second = draftWith(50, '3');
    const refused = await reserveDailyBudget(store, keys, second, settings, NOW);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.audit).toEqual({
      kind: 'spend_refused',
      actor: 'system',
      launched: 60,
      requested: 50,
      cap: 100,
      currency: 'USD',
    });
    expect(refused.block).toMatchObject({
      tone: 'error',
      actions: [{ action_id: 'retry', label: 'Try again' }],
    });
    expect(refused.block.type === 'text' && refused.block.text).toBe(
      "Not submitted: this workspace already launched 60 USD of daily budgets today (UTC), and this ad's 50 USD would make 110 USD, over the cap of 100 USD a day (WORKSPACE_DAILY_BUDGET_CAP). Lower the budget to 40 USD or less, or try again tomorrow. Nothing was sent to TikTok.",
    );
    expect(second.status).toBe('failed');
    expect(second.last_failure).toMatchObject({
      error_class: 'validation',
      message: 'workspace daily budget cap reached',
    });
  });

  it('keeps each UTC day apart', async () => {
    const tomorrow = new Date('2026-12-08T00:30:00Z');
    expect(
      await reserveDailyBudget(store, keys, draftWith(90, '4'), capped(100), tomorrow),
    ).toEqual({ ok: true });
  });

  it('never lets concurrent drafts pass the cap together', async () => {
    const settings = capped(100);
    const day = new Date('2026-12-09T12:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        reserveDailyBudget(store, keys, draftWith(30, `c${i}`), settings, day),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
  });
});
