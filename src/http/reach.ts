import { isFetchTimeout } from '../errors/timeout';
/**
 * One bounded request to a dependency at start (Slack, Discord, the model), so a host that
 * cannot be reached stops the start within `timeoutMs` with a message naming the service, its
 * URL and the setting to check, instead of a client library retrying for minutes.
 */

import { StartError } from '../lifecycle/start-error';

/** How to name a dependency in a {@link StartError}. */
export interface DependencyName {
  /** e.g. `Slack`, `Discord`, `The model (Gemini)`. */
  service: string;
  /** What to check, e.g. `SLACK_API_URL (default https://slack.com/api/)`. */
  check: string;
}

/** How long each dependency may take to answer at start, ms (`START_TIMEOUT_MS`). */
export const DEFAULT_START_TIMEOUT_MS = 15_000;

/** `url` with any password in it replaced by `***`. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * `fetch(url, init)` bounded by `timeoutMs`; any HTTP answer resolves (the caller reads its
 * status).
 * @throws StartError `<service> did not answer at <url>: <cause>. Check this machine's
 *   network and <check>.` on a network error or when `timeoutMs` passes.
 */
export async function reach(
  name: DependencyName,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { message?: string } };
    const cause = isFetchTimeout(error)
      ? `no answer within ${timeoutMs / 1000} s`
      : (e.cause?.message ?? e.message ?? String(error));
    // fetch quotes a URL it refuses (one with credentials, for instance) in its message.
    const shownCause = cause.replace(/\/\/([^/@\s:]*):[^/@\s]*@/g, '//$1:***@');
    throw new StartError(
      `${name.service} did not answer at ${maskedUrl(url)}: ${shownCause}. Check this machine's network and ${name.check}.`,
    );
  }
}

/**
 * `work`, or a {@link StartError} with `message` once `timeoutMs` passes (the work itself
 * is not cancelled: the caller stops what it started).
 */
export async function withinTime<T>(
  work: Promise<T>,
  timeoutMs: number,
  message: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StartError(message)), timeoutMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
