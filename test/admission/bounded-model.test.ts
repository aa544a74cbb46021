import {
  BoundedTurnModel,
  DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT,
} from '../../src/admission/bounded-model';
import {
  emptyUpdates,
  type Proposal,
  type TurnInput,
  type TurnModel,
} from '../../src/model/proposal';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function input(message: string): TurnInput {
  return { draft: {}, status: 'collecting', missing: [], last_question: null, recent: [], message };
}

/** A model whose calls wait until the test answers them, in any order. */
class HeldModel implements TurnModel {
  readonly name = 'held';
  readonly calls: Array<{ message: string; answer: () => void; fail: (e: Error) => void }> = [];
  propose(turn: TurnInput): Promise<Proposal> {
    return new Promise((resolve, reject) => {
      this.calls.push({
        message: turn.message,
        answer: () =>
          resolve({ message: `re: ${turn.message}`, intent: 'chat', updates: emptyUpdates() }),
        fail: reject,
      });
    });
  }
}

describe('BoundedTurnModel', () => {
  it('keeps the inner name and defaults to 32 calls in flight', () => {
    const bounded = new BoundedTurnModel(new HeldModel());
    expect(bounded.name).toBe('held');
    expect(bounded.limit).toBe(32);
    expect(DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT).toBe(32);
  });

  it('refuses a limit of 0', () => {
    expect(() => new BoundedTurnModel(new HeldModel(), 0)).toThrow(RangeError);
  });

  it('runs at most `limit` calls at once; the others start in arrival order as places free up', async () => {
    const inner = new HeldModel();
    const bounded = new BoundedTurnModel(inner, 2);
    const replies = ['a', 'b', 'c', 'd'].map((m) => bounded.propose(input(m)));
    await settle();
    expect(inner.calls.map((c) => c.message)).toEqual(['a', 'b']);
    expect([bounded.inFlight, bounded.waiting]).toEqual([2, 2]);

    inner.calls[1]?.answer();
    await settle();
    expect(inner.calls.map((c) => c.message)).toEqual(['a', 'b', 'c']);
    await expect(replies[1]).resolves.toMatchObject({ message: 're: b' });

    inner.calls[0]?.fail(new Error('model down'));
    await expect(replies[0]).rejects.toThrow('model down');
    await settle();
    expect(inner.calls.map((c) => c.message)).toEqual(['a', 'b', 'c', 'd']);
    inner.calls[2]?.answer();
    inner.calls[3]?.answer();
    await expect(Promise.all(replies.slice(2))).resolves.toMatchObject([
      { message: 're: c' },
      { message: 're: d' },
    ]);
    expect([bounded.inFlight, bounded.waiting, bounded.peak]).toEqual([0, 0, 2]);
  });
});
