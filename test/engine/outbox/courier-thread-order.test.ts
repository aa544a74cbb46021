import type { Reply } from '../../../src/engine/reply';
import { courierRig, note, THREAD, textOf } from './courier-rig';

// A thread's saved replies reach the chat in the order they were saved: a reply the platform
// refused (it stays in the outbox for a later try) holds back that thread's later replies, and
// no other thread's.
const OTHER = 'slack:T1:C1:1700000000.000200';

/** A sink that refuses every reply whose text is in `refused`, and records what it took. */
function chat() {
  const refused = new Set<string>();
  const shown: string[] = [];
  const got: Reply[] = [];
  const sink = async (reply: Reply) => {
    got.push(reply);
    if (refused.has(textOf(reply))) throw new Error('rate limited');
    shown.push(textOf(reply));
  };
  return { refused, shown, got, sink };
}

describe('ReplyCourier: a thread’s replies keep their order after a refused delivery', () => {
  it('a later reply waits for the refused one and follows it once the platform takes it', async () => {
    const t = courierRig();
    const c = chat();
    const courier = t.courierOf('host:1');
    c.refused.add('Approved. Submitting…');
    await courier.send(THREAD, await t.save(courier, [note('Approved. Submitting…')]), c.sink);
    expect(c.shown).toEqual([]);

    c.refused.clear();
    await courier.send(THREAD, await t.save(courier, [note('Created on TikTok')]), c.sink);

    expect(c.shown).toEqual(['Approved. Submitting…', 'Created on TikTok']);
    expect(await t.pending()).toEqual([]);
  });

  it('a head the platform keeps refusing holds its own thread only; a sweep sends all in order', async () => {
    const t = courierRig();
    const c = chat();
    const courier = t.courierOf('host:1');
    c.refused.add('first');
    await courier.send(THREAD, await t.save(courier, [note('first')]), c.sink);
    await courier.send(THREAD, await t.save(courier, [note('second')]), c.sink);
    await courier.send(OTHER, await t.save(courier, [note('elsewhere', OTHER)], OTHER), c.sink);
    expect(c.shown).toEqual(['elsewhere']);
    expect((await t.pending()).map((e) => textOf((e.value as { reply: Reply }).reply))).toEqual([
      'first',
      'second',
    ]);

    c.refused.clear();
    t.tick(1_000);
    expect(await courier.sweep(THREAD, c.sink)).toBe(2);
    expect(c.shown).toEqual(['elsewhere', 'first', 'second']);
    // Unblocked: the next reply goes straight out.
    await courier.send(THREAD, await t.save(courier, [note('third')]), c.sink);
    expect(c.shown.at(-1)).toBe('third');
  });

  it('marks a reply that may have reached the chat before (delivery_retry), and only those', async () => {
    const t = courierRig();
    const c = chat();
    const courier = t.courierOf('host:1');
    c.refused.add('first');
    const [first] = await t.save(courier, [note('first')]);
    await courier.send(THREAD, first ? [first] : [], c.sink);
    c.refused.clear();
    await courier.send(THREAD, await t.save(courier, [note('second')]), c.sink);

    const attempts = c.got.map((r) => [textOf(r), r.delivery_id, r.delivery_retry === true]);
    expect(attempts).toEqual([
      ['first', first?.id, false],
      ['first', first?.id, true],
      ['second', expect.any(String), false],
    ]);
  });
});
