import { formatTrail } from '../../src/audit/format';
import { AuditTrail } from '../../src/audit/trail';
import { contentHash } from '../../src/engine/content-hash';
import type { Reply } from '../../src/engine/reply';
import type { EngineSettings } from '../../src/engine/settings';
import { EMULATOR_ACCESS_TOKEN } from '../../src/tiktok/emulator';
import { blocksOf, CAROUSEL_SCRIPT, Harness, testSettings, textOf } from '../support/harness';

const requester = { id: 'U_REQ', name: 'requester' };
const alice = { id: 'U_ALICE', name: 'alice' };
const bob = { id: 'U_BOB', name: 'bob' };
const carol = { id: 'U_CAROL', name: 'carol', groups: ['S_MARKETING_LEADS'] };

/** The key of the last approval card these replies posted or edited. */
function cardKeyOf(replies: Reply[]): string {
  const card = replies.filter((r) => r.blocks.some((b) => b.type === 'approval_request')).at(-1);
  if (!card?.key) throw new Error('no keyed approval card in the replies');
  return card.key;
}

describe('approvals bound to the content of their card', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function ready(settings: Partial<EngineSettings> = {}) {
    h = await Harness.start({
      redis: true,
      settings: { allow_self_approval: false, ...settings },
    });
    const t = h.thread('1', requester);
    const replies = await t.script(CAROUSEL_SCRIPT);
    return { t, card: cardKeyOf(replies) };
  }

  it('an approval on a superseded card is refused, that card is marked replaced, and nothing is submitted', async () => {
    const { t, card: first } = await ready();
    const edited = await t.say('set budget to 1000');
    const second = cardKeyOf(edited);
    expect(second).not.toBe(first);
    // Posting the new card edited the old one in place into a notice without buttons.
    const replaced = edited.find((r) => r.key === first);
    expect(textOf(replaced ? [replaced] : [])).toMatch(/Replaced: this approval card/);
    expect(replaced?.blocks.some((b) => b.type === 'approval_request')).toBe(false);

    const stale = await t.react('white_check_mark', alice, true, first);
    expect(textOf(stale)).toMatch(/out of date/);
    expect(stale.find((r) => r.ephemeral_to)?.ephemeral_to?.id).toBe(alice.id);
    expect(stale.some((r) => r.key === first && /Replaced/.test(JSON.stringify(r.blocks)))).toBe(
      true,
    );
    const byButton = await t.act('approve', alice, first);
    expect(textOf(byButton)).toMatch(/out of date/);
    expect((await t.state())?.approvals).toEqual([]);
    expect(h.emulator.counts().campaigns).toBe(0);

    // The current card approves, and the approval records the hash of what it showed.
    const ok = await t.react('white_check_mark', alice, true, second);
    expect(blocksOf(ok).some((b) => b.type === 'result')).toBe(true);
    const saved = await t.state();
    expect(saved?.approvals).toEqual([
      expect.objectContaining({
        user: alice.id,
        hash: contentHash(saved?.draft ?? {}, testSettings()),
        at: expect.any(String),
      }),
    ]);
    expect(h.emulator.counts().campaigns).toBe(1);
  });

  it('the card shows the short content hash and is updated in place as approvals arrive', async () => {
    const { t, card } = await ready({ approvals_required: 2 });
    const saved = await t.state();
    const short = contentHash(saved?.draft ?? {}, testSettings()).slice(0, 8);
    const one = await t.react('white_check_mark', alice, true, card);
    const update = one.find((r) => r.key === card);
    expect(update?.blocks.find((b) => b.type === 'approval_request')).toMatchObject({
      approved_by: [alice.id],
      required: 2,
      content_hash: short,
    });
    // No new card was posted: the only card reply carries the same key.
    expect(one.filter((r) => r.blocks.some((b) => b.type === 'approval_request'))).toHaveLength(1);
  });

  it('a teammate who changed a payload field cannot approve their own change; someone else can', async () => {
    const { t } = await ready();
    const edited = await t.say('set budget to 80', { user: bob });
    const card = cardKeyOf(edited);
    const refused = await t.react('white_check_mark', bob, true, card);
    expect(textOf(refused)).toMatch(/You changed budget in this version/);
    expect(refused.find((r) => r.ephemeral_to)?.ephemeral_to?.id).toBe(bob.id);
    expect(h.emulator.counts().campaigns).toBe(0);
    expect((await t.state())?.approvals).toEqual([]);
    const ok = await t.act('approve', alice, card);
    expect(blocksOf(ok).some((b) => b.type === 'result')).toBe(true);
  });

  it('APPROVERS restricts approval to listed users and members of listed groups', async () => {
    const { t, card } = await ready({
      approvers: ['U_BOB', 'S_MARKETING_LEADS'],
      approvals_required: 2,
    });
    const refused = await t.react('white_check_mark', alice, true, card);
    expect(textOf(refused)).toMatch(/Only the configured approvers/);
    expect((await t.state())?.approvals).toEqual([]);
    await t.react('white_check_mark', bob, true, card);
    const done = await t.react('white_check_mark', carol, true, card);
    expect(blocksOf(done).some((b) => b.type === 'result')).toBe(true);
  });

  it('writes the audit trail in order, without secrets, and /audit shows it', async () => {
    const { t, card } = await ready({ approvals_required: 2 });
    await t.react('white_check_mark', requester, true, card);
    await t.react('white_check_mark', alice, true, card);
    await t.react('white_check_mark', alice, false, card);
    await t.react('x', bob, true, card);
    const trail = await new AuditTrail({ store: h.store, keys: h.keys }).forThread(t.id);
    expect(trail.map((e) => e.record.kind)).toEqual([
      'draft_ready',
      'approval_refused',
      'approval',
      'withdrawal',
      'rejection',
    ]);
    expect(trail[1]?.record).toMatchObject({ actor: requester.id, reason: 'requester' });
    expect(trail[0]?.record.hash).toMatch(/^[0-9a-f]{64}$/);
    const ids = trail.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids);
    const json = JSON.stringify(trail);
    expect(json).not.toMatch(/token|secret/i);
    const shown = await t.act('audit', bob);
    expect(textOf(shown)).toMatch(/1\. .*draft_ready.*\\n2\. .*approval_refused · by U_REQ/);

    // The exported append scrubs secret-looking fields whatever a caller passes.
    const audit = new AuditTrail({ store: h.store, keys: h.keys });
    await audit.append({
      kind: 'tiktok_create',
      thread_id: t.id,
      access_token: 'act.SECRET',
      campaign_id: 'c1',
    });
    const last = (await audit.forThread(t.id)).at(-1)?.record;
    expect(last).toMatchObject({ kind: 'tiktok_create', campaign_id: 'c1' });
    expect(JSON.stringify(last)).not.toContain('SECRET');
  });
});

describe('a draft waiting for approval without a current card (saved before cards had keys)', () => {
  it('an approval attempt posts the current card instead of approving blind', async () => {
    const h = await Harness.start({ redis: true, settings: { allow_self_approval: false } });
    try {
      const t = h.thread('1', requester);
      await t.script(CAROUSEL_SCRIPT);
      const saved = await t.state();
      if (!saved) throw new Error('no state');
      const { card: _card, ...old } = saved;
      await h.store.set(h.keys.thread(t.id), old);
      const replies = await t.react('white_check_mark', alice, true, 'some-old-message');
      expect(textOf(replies)).toMatch(/Here is the current version to approve/);
      expect(h.emulator.counts().campaigns).toBe(0);
      const card = cardKeyOf(replies);
      const ok = await t.react('white_check_mark', alice, true, card);
      expect(blocksOf(ok).some((b) => b.type === 'result')).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('formatTrail', () => {
  it('shows the newest records, numbered as in the whole trail, and says how many are older', () => {
    const records = Array.from({ length: 20 }, (_, i) => ({
      id: `${i}-0`,
      record: { kind: 'approval', thread_id: 't', actor: `U${i}`, at: '2026-12-01T23:40:12.345Z' },
    }));
    const text = formatTrail(records, 5);
    expect(text.split('\n')).toHaveLength(6);
    expect(text).toMatch(
      /^\(15 older records not shown\)\n16\. 2026-12-01 23:40:12Z approval · by U15/,
    );
    expect(formatTrail([])).toBe('No audit records for this thread yet.');
  });
});

describe('the submission writes into the same trail, after the approval that started it', () => {
  it('records draft_ready, approval, then the submission steps, with no token', async () => {
    const h = await Harness.start({ redis: true, settings: { allow_self_approval: false } });
    try {
      const t = h.thread('1', requester);
      const card = cardKeyOf(await t.script(CAROUSEL_SCRIPT));
      expect(blocksOf(await t.act('approve', alice, card)).some((b) => b.type === 'result')).toBe(
        true,
      );
      const trail = await new AuditTrail({ store: h.store, keys: h.keys }).forThread(t.id);
      const kinds = trail.map((e) => e.record.kind);
      expect(kinds.slice(0, 3)).toEqual(['draft_ready', 'approval', 'submission_started']);
      expect(kinds.filter((k) => k === 'tiktok_create')).toHaveLength(3);
      expect(kinds).toContain('tiktok_enable');
      expect(kinds.at(-1)).toBe('submission_finished');
      expect(JSON.stringify(trail)).not.toContain(EMULATOR_ACCESS_TOKEN);
    } finally {
      await h.close();
    }
  });
});
