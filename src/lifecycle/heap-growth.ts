import { setFlagsFromString } from 'node:v8';

/** Default `HEAP_GROWING_PERCENT`. */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/**
 * Caps how far V8 lets the JavaScript heap grow past what survived its last full collection:
 * the next full collection starts once the heap is `percent`% larger (V8's
 * `--heap-growing-percent`, here set at run time with `v8.setFlagsFromString`, which V8 reads at
 * every collection). `0` leaves V8's own growing factor.
 *
 * Why (`npm run bench`, 300 /tiktok-ad/s with a 10 s model): turns waiting for the model live
 * long enough to be promoted to the old generation and become garbage there, and V8's own
 * factor let a heap of ~45 MiB live data reach ~110 MiB before collecting, so RSS a minute after
 * the burst was 37% (−7% to +46%) over idle, depending on where that cycle was. At 20% it was
 * 7% (3–10%), with a peak of 154 instead of 203 MiB. The price is more frequent full
 * collections (incremental and concurrent in V8): some CPU, figures in README "Under load".
 * @throws RangeError when `percent` is not an integer from 0 to 1000.
 */
export function limitHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) {
    throw new RangeError(`heap growing percent must be an integer from 0 to 1000, got ${percent}`);
  }
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
