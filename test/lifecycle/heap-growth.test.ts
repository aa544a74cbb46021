import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { DEFAULT_HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/lifecycle/heap-growth';

const HEAP_GROWTH = join(__dirname, '../../dist/src/lifecycle/heap-growth.js');

/**
 * Peak heap (MiB) of a fresh Node process that calls `limitHeapGrowth(percent)`, holds ~40 MiB of
 * live data and keeps making objects that live ~0.2 s for 5 s (long enough to be promoted, then
 * garbage), like turns waiting for a model.
 */
function peakHeapMiB(percent: number): number {
  const script = `
    require(${JSON.stringify(HEAP_GROWTH)}).limitHeapGrowth(${percent});
    const live = Array.from({ length: 400 }, () => Array.from({ length: 10000 }, (_, i) => ({ i })));
    const ring = [];
    let peak = 0;
    const started = Date.now();
    const timer = setInterval(() => {
      ring.push(Array.from({ length: 4000 }, (_, i) => ({ i, s: 'x'.repeat(20) })));
      if (ring.length > 40) ring.shift();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (Date.now() - started > 5000) {
        clearInterval(timer);
        // Naming \`live\` here keeps it reachable (live data) to the end.
        process.stdout.write(String(live.length > 0 ? peak / 1048576 : 0));
      }
    }, 5);`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('HEAP_GROWING_PERCENT: how far the heap grows past live data before a full collection', () => {
  it('with the default (50%), the same churn peaks far lower than with V8’s own factor (0)', () => {
    const own = peakHeapMiB(0);
    const capped = peakHeapMiB(DEFAULT_HEAP_GROWING_PERCENT);
    expect(capped).toBeLessThan(own * 0.75);
  }, 30_000);

  it('is 50 by default, 0 leaves V8 alone, and anything else is refused by name', () => {
    const base = {};
    expect(loadConfig(base).HEAP_GROWING_PERCENT).toBe(50);
    expect(loadConfig({ ...base, HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
    expect(() => loadConfig({ ...base, HEAP_GROWING_PERCENT: '-5' })).toThrow(
      /HEAP_GROWING_PERCENT/,
    );
    expect(() => limitHeapGrowth(2.5)).toThrow(RangeError);
  });
});
