import type { Reply } from '../../src/engine/reply';
import { ProcessOwner } from '../../src/engine/submission/owner';
import { SubmissionResumer } from '../../src/engine/submission/resume';
import type { SubmissionAuditRecord } from '../../src/engine/submission/submit-draft';
import { silentLogger } from '../../src/logging/logger';
import { blocksOf, deleteRedisPrefix, Harness, VIDEO_SCRIPT } from '../support/harness';

// A process that dies after saving the last "switched on" but before showing it leaves the
// progress card on "… Switch all on": the resumed submission must still show the card done.
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deleteRedisPrefix(p);
});

/** The audit hook of a process that dies right after the campaign's enable was saved. */
async function dieAfterLastEnableSaved(record: SubmissionAuditRecord): Promise<void> {
  if (record.event === 'tiktok_enable' && record.level === 'campaign')
    throw new Error('simulated crash after the last enable was saved');
}

describe('resume after the last enable was saved', () => {
  it('shows the progress card with every step done, then the result', async () => {
    const first = await Harness.start({ redis: true });
    prefixes.push(first.prefix);
    const dead = new ProcessOwner({ store: first.store, keys: first.keys, host: 'crashed-host' });
    const dying = await Harness.start({
      redis: true,
      prefix: first.prefix,
      emulator: first.emulator,
      engineDeps: { owner: dead, audit: dieAfterLastEnableSaved },
    });
    const t = dying.thread();
    await t.script(VIDEO_SCRIPT);
    await expect(t.act('approve')).rejects.toThrow(/simulated crash/);
    const interrupted = await t.state();
    expect(interrupted?.status).toBe('submitting');
    expect(interrupted?.submission?.enabled).toHaveLength(3);
    await dying.close({ keepEmulator: true });

    const second = await Harness.start({
      redis: true,
      prefix: first.prefix,
      emulator: first.emulator,
    });
    const owner = new ProcessOwner({ store: second.store, keys: second.keys, ttlMs: 1000 });
    await owner.start();
    const shown: Reply[] = [];
    const resumer = new SubmissionResumer({
      store: second.store,
      keys: second.keys,
      owner,
      engine: second.engine,
      sinkFor: () => (reply) => void shown.push(reply),
      logger: silentLogger(),
    });
    expect((await resumer.scan()).resumed).toEqual([t.id]);
    const cards = shown.filter((r) => r.key?.startsWith('progress:'));
    const last = blocksOf(cards).at(-1);
    expect(last?.type).toBe('progress');
    const steps = last?.type === 'progress' ? last.steps : [];
    expect(steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'campaign:done',
      'adgroup:done',
      'ad:done',
      'enable:done',
    ]);
    expect(blocksOf(shown).find((b) => b.type === 'result')).toBeDefined();
    expect((await second.saved(t.id))?.status).toBe('submitted');
    await resumer.stop();
    await owner.stop();
    await second.close();
    await first.close();
  });
});
