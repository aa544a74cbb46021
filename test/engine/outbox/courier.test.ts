import { GIVE_UP_AFTER_MS, SWEEP_GRACE_MS } from '../../../src/engine/outbox/courier';
import type { Reply } from '../../../src/engine/reply';
import { courierRig, note, THREAD, textOf } from './courier-rig';

function recorder() {
  const got: Reply[] = [];
  const sink = async (reply: Reply) => {
    got.push(reply);
  };
  return { got, sink, texts: () => got.map(textOf) };
}

describe('ReplyCourier', () => {
  it('delivers saved replies in order with their delivery ids and marks each delivered', async () => {
    const rig = courierRig();
    const courier = rig.courierOf('p1');
    const { got, sink, texts } = recorder();
    const entries = await rig.save(courier, [note('one'), note('two')]);
    await courier.send(THREAD, entries, sink);
    expect(texts()).toEqual(['one', 'two']);
    expect(got.map((r) => r.delivery_id)).toEqual(entries.map((e) => e.id));
    expect(got.some((r) => r.delivery_retry)).toBe(false);
    expect(await rig.pending()).toEqual([]);
  });

  it('sends unsaved replies without ids or marks', async () => {
    const rig = courierRig();
    const { got, sink } = recorder();
    await rig.courierOf('p1').sendUnsaved(THREAD, [note('Nothing to approve yet.')], sink);
    expect(got).toEqual([note('Nothing to approve yet.')]);
  });

  it('keeps a refused reply (and the ones after it) for a sweep, which marks it a retry', async () => {
    const rig = courierRig();
    const courier = rig.courierOf('p1');
    const entries = await rig.save(courier, [note('first'), note('second')]);
    let refuse = true;
    const got: Reply[] = [];
    const sink = async (reply: Reply) => {
      if (refuse) throw new Error('rate limited');
      got.push(reply);
    };
    await courier.send(THREAD, entries, sink);
    expect((await rig.pending()).map((e) => e.id)).toEqual(entries.map((e) => e.id));
    refuse = false;
    expect(await courier.sweep(THREAD, sink)).toBe(2);
    expect(got.map(textOf)).toEqual(['first', 'second']);
    expect(got.every((r) => r.delivery_retry === true)).toBe(true);
    expect(await rig.pending()).toEqual([]);
  });

  it("leaves a live process's fresh entries to it, and sends them once it is gone or late", async () => {
    const rig = courierRig();
    await rig.save(rig.courierOf('p-dead'), [note('saved by p-dead')]);
    const me = rig.courierOf('p-me');
    const { sink, texts } = recorder();
    expect(await me.sweep(THREAD, sink)).toBe(0);
    rig.gone.add('p-dead');
    expect(await me.sweep(THREAD, sink)).toBe(1);
    expect(texts()).toEqual(['saved by p-dead']);

    await rig.save(rig.courierOf('p-slow'), [note('saved by p-slow')]);
    expect(await me.sweep(THREAD, sink)).toBe(0);
    rig.tick(SWEEP_GRACE_MS + 1);
    expect(await me.sweep(THREAD, sink)).toBe(1);
  });

  it('drops, unsent, a reply that could not go out for longer than the give-up time', async () => {
    const rig = courierRig();
    const courier = rig.courierOf('p1');
    await rig.save(courier, [note('too old')]);
    rig.tick(GIVE_UP_AFTER_MS + 1);
    const { sink, texts } = recorder();
    expect(await courier.sweep(THREAD, sink)).toBe(0);
    expect(texts()).toEqual([]);
    expect(await rig.pending()).toEqual([]);
  });

  it('sweepAll sends every indexed outbox with its platform sink and forgets emptied ones', async () => {
    const rig = courierRig();
    const other = 'discord:G1:C1:T1';
    await rig.save(rig.courierOf('p-dead'), [note('to slack')]);
    await rig.save(rig.courierOf('p-dead'), [note('to discord', other)], other);
    rig.gone.add('p-dead');
    const slack = recorder();
    const me = rig.courierOf('p-me');
    expect(await me.sweepAll((platform) => (platform === 'slack' ? slack.sink : undefined))).toBe(
      1,
    );
    expect(slack.texts()).toEqual(['to slack']);
    expect(await rig.store.members(rig.keys.outboxes())).toEqual([other]);
  });
});
