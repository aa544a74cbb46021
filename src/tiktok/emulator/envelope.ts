import { BotError } from '../../errors/bot-error';

/**
 * The emulator's wire basics: the envelope error, unique `request_id`s, TikTok's time formats
 * and numeric id generation. Source: docs/tiktok-api.md §1, §3.
 */

/**
 * A Marketing API failure the emulator answers with HTTP 200 and
 * `{code, message, request_id, data: {}}`.
 */
export class EmulatorError extends BotError {
  override readonly name = 'EmulatorError';
  declare readonly code: 'emulator_rejected';
  constructor(
    /** The envelope `code` the emulator answers with, e.g. 40002 (PARAM_ERROR). */
    readonly tiktok_code: number,
    message: string,
  ) {
    super('emulator_rejected', message);
  }
}

/** Throws a 40002 (PARAM_ERROR) naming the problem. */
export function paramError(message: string): never {
  throw new EmulatorError(40002, message);
}

let sequence = 0;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A unique 20-character envelope `request_id`: UTC `YYYYMMDDHHMMSS` + a 6-digit sequence
 * (TikTok's look: a timestamp-ish log id).
 */
export function newRequestId(now = Date.now()): string {
  const d = new Date(now);
  sequence = (sequence + 1) % 1_000_000;
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(sequence, 6)}`
  );
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as campaign/adgroup/ad objects carry `create_time`. */
export function tiktokTime(now: number): string {
  return new Date(now).toISOString().slice(0, 19).replace('T', ' ');
}

/** ISO `2020-06-10T07:39:14Z`, as file (image/video/music) objects carry times. */
export function isoTime(now: number): string {
  return `${new Date(now).toISOString().slice(0, 19)}Z`;
}

/** Makes int64-looking string ids: `prefix` digits followed by a zero-padded counter. */
export class IdMaker {
  #next = 1;
  constructor(private readonly prefix: string) {}
  /** The next id, e.g. `1800000000000000001` (19 digits). */
  next(): string {
    const n = String(this.#next++);
    return this.prefix + n.padStart(19 - this.prefix.length, '0');
  }
}
