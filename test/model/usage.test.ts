import { type CallUsage, UsageTotals, usageOf } from '../../src/model/usage';

describe('usageOf', () => {
  it("maps Gemini's usageMetadata counts onto the call's usage", () => {
    expect(
      usageOf(
        'gemini-3.1-flash-lite',
        {
          promptTokenCount: 1200,
          cachedContentTokenCount: 1024,
          candidatesTokenCount: 85,
          thoughtsTokenCount: 40,
          totalTokenCount: 1325,
        },
        312,
      ),
    ).toEqual({
      model: 'gemini-3.1-flash-lite',
      promptTokens: 1200,
      cachedTokens: 1024,
      outputTokens: 85,
      thoughtTokens: 40,
      latencyMs: 312,
    });
  });

  it('counts missing fields, or missing metadata, as 0', () => {
    expect(usageOf('m', { promptTokenCount: 7 }, 5)).toEqual({
      model: 'm',
      promptTokens: 7,
      cachedTokens: 0,
      outputTokens: 0,
      thoughtTokens: 0,
      latencyMs: 5,
    });
    expect(usageOf('m', undefined, 9)).toEqual({
      model: 'm',
      promptTokens: 0,
      cachedTokens: 0,
      outputTokens: 0,
      thoughtTokens: 0,
      latencyMs: 9,
    });
  });
});

describe('UsageTotals', () => {
  it('sums every recorded call, also when record is passed on detached', () => {
    const totals = new UsageTotals();
    const call = (n: number): CallUsage => ({
      model: 'm',
      promptTokens: 100 * n,
      cachedTokens: 10 * n,
      outputTokens: n,
      thoughtTokens: 2 * n,
      latencyMs: 50,
    });
    const sink = totals.record;
    sink(call(1));
    sink(call(3));
    expect({ ...totals, record: undefined }).toEqual({
      calls: 2,
      promptTokens: 400,
      cachedTokens: 40,
      outputTokens: 4,
      thoughtTokens: 8,
      record: undefined,
    });
  });

  it('starts at zero', () => {
    const totals = new UsageTotals();
    expect([totals.calls, totals.promptTokens, totals.cachedTokens]).toEqual([0, 0, 0]);
    expect([totals.outputTokens, totals.thoughtTokens]).toEqual([0, 0]);
  });
});
