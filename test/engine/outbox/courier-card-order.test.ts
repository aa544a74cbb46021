import type { Reply } from '../../../src/engine/reply';
import { courierRig, THREAD, textOf } from './courier-rig';

// A progress card (replies sharing `key`) must end on its newest state: an older keyed entry
// must never be delivered after a newer one with the same key, whichever path sends it.
const CARD = 'submission-progress';

function card(text: string): Reply {
  return { thread_id: THREAD, key: CARD, blocks: [{ type: 'text', text }] };
}

function setup() {
  const rig = courierRig();
  const shown: string[] = [];
  const sink = async (reply: Reply) => {
    if (reply.key === CARD) shown.push(textOf(reply));
  };
  return { ...rig, shown, sink };
}

describe('ReplyCourier: a progress card never goes back to an older state', () => {
  it('does not send a dead process’s card state after the new process sent a newer one', async () => {
    const t = setup();
    const dead = t.courierOf('host:1');
    const live = t.courierOf('host:2');
    // The dead process saved "Creating ads…" and was killed before delivering it.
    await t.save(dead, [card('Creating ads…')]);
    // The new process sweeps while the old owner is not yet known gone: nothing due.
    expect(await live.sweep(THREAD, t.sink)).toBe(0);
    // It resumes the submission and delivers the card's final state at once.
    t.tick(1_000);
    await live.send(THREAD, await t.save(live, [card('✓ Switch all on')]), t.sink);
    expect(t.shown).toEqual(['✓ Switch all on']);
    // Later the old owner is known gone; the next sweep must not bring the stale state back.
    t.gone.add('host:1');
    t.tick(1_000);
    await live.sweep(THREAD, t.sink);
    expect(t.shown.at(-1)).toBe('✓ Switch all on');
    expect(t.shown).not.toContain('Creating ads…');
    expect(await t.store.outboxPending(t.keys.outbox(THREAD))).toEqual([]);
  });

  it('does not resend an older card state the sink refused once a newer one went out', async () => {
    const t = setup();
    const courier = t.courierOf('host:1');
    let refuse = true;
    const flaky = async (reply: Reply) => {
      if (refuse) throw new Error('rate limited');
      await t.sink(reply);
    };
    await courier.send(THREAD, await t.save(courier, [card('Creating ads…')]), flaky);
    expect(t.shown).toEqual([]);
    refuse = false;
    t.tick(1_000);
    await courier.send(THREAD, await t.save(courier, [card('✓ Switch all on')]), flaky);
    t.tick(1_000);
    await courier.sweep(THREAD, flaky);
    expect(t.shown).toEqual(['✓ Switch all on']);
    expect(await t.store.outboxPending(t.keys.outbox(THREAD))).toEqual([]);
  });

  it('still sends every unkeyed reply and an older card state that nothing replaced', async () => {
    const t = setup();
    const dead = t.courierOf('host:1');
    const live = t.courierOf('host:2');
    const all: string[] = [];
    const sink = async (reply: Reply) => {
      all.push(textOf(reply));
    };
    await t.save(dead, [
      card('Creating ads…'),
      { thread_id: THREAD, blocks: [{ type: 'text', text: 'note' }] },
    ]);
    t.gone.add('host:1');
    expect(await live.sweep(THREAD, sink)).toBe(2);
    expect(all).toEqual(['Creating ads…', 'note']);
  });
});
