import { setFlagsFromString } from 'node:v8';

/** Default `HEAP_GROWING_PERCENT`. */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/**
 * Caps how far V8 lets the JavaScript heap grow past what survived its last full collection:
 * the next full collection starts once the heap is `percent`% larger (V8's
 * `--heap-growing-percent`, here set at run time with `v8.setFlagsFromString`, which V8 reads at
 * every collection). `0` leaves V8's own growing factor.
 *
 * Why (`npm run bench`, 300 /tiktok-ad/s with a 10 s model): turns waiting for the model live
 * long enough to be promoted to the old generation and become garbage there, and V8's own
 * factor let a heap of ~45 MiB live data reach ~110 MiB before collecting, so RSS a minute after
 * the burst was 37% (−7% to +46%) over idle, depending on where that cycle was. At 50% it was
 * −3% to +2% (two runs), at 20% −4% to +10%; the peak during the burst ~161 and ~155 MiB
 * instead of 203.
 * The price is more full collections (incremental and concurrent in V8), some of them during a
 * burst: the bot's ack p99 at 300/s was 18–26 ms with the setting against 11–13 ms without
 * (figures in README "Under load"). 50 is the default as the smaller step from V8's own.
 * @throws RangeError when `percent` is not an integer from 0 to 1000.
 */
export function limitHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) {
    throw new RangeError(`heap growing percent must be an integer from 0 to 1000, got ${percent}`);
  }
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
