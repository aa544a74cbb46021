/**
 * The points of a submission where `npm run chaos` kills the bot (SIGKILL), named in
 * `CHAOS_CRASH_AT`:
 * - `after-create:<level>`: TikTok created the object, its id is not saved yet.
 * - `after-enable:<level>`: TikTok switched it on, that is not saved yet.
 * - `before-save:<n>` / `after-save:<n>`: around the n-th save of the thread during the
 *   approval turn (1 = the "submitting" record, the last one = the turn's own save).
 */
export const LEVELS = ['campaign', 'adgroup', 'ad'] as const;

/** Saves of the thread state in one uninterrupted submission turn: the approval with the start, 12 steps, the turn's own. */
export const SAVES_PER_SUBMISSION = 14;

/** Every crash point, in a fixed order. */
export function allCrashPoints(saves = SAVES_PER_SUBMISSION): string[] {
  const points: string[] = [];
  for (const level of LEVELS) points.push(`after-create:${level}`);
  for (const level of LEVELS) points.push(`after-enable:${level}`);
  for (let n = 1; n <= saves; n++) points.push(`before-save:${n}`, `after-save:${n}`);
  return points;
}

/** Kills this process at once, as a power cut or the OOM killer would; nothing runs after. */
export function die(): never {
  process.kill(process.pid, 'SIGKILL');
  // The signal is delivered asynchronously; make sure no further line of ours runs meanwhile.
  const block = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(block, 0, 0, 1000);
}
