import type { StoredAuditRecord } from './record';
import { THREAD_RECORDS } from './trail';

const SHOWN_FIRST = ['actor', 'hash', 'reason'];
const HIDDEN = new Set([
  'kind',
  'thread_id',
  'at',
  'workspace_id',
  'submission_key',
  ...SHOWN_FIRST,
]);
/** Long ids shown by their first 8 characters (the full value stays in the record). */
const SHORTENED = new Set(['content_hash', 'draft_id']);

/**
 * How many records a chat shows at most (the newest): all a thread keeps. The adapters split a
 * long trail across sections and messages (Slack 3000 per section, Discord 2000 per message),
 * so every record shown is whole.
 */
export const SHOWN_RECORDS = THREAD_RECORDS;

/**
 * A thread's records as numbered lines, oldest first, for the chat (the newest
 * {@link SHOWN_RECORDS}, numbered as in the whole trail, after a line saying how many are older):
 * `1. 2026-12-01 23:40:12Z draft_ready · hash 3f9a0c1d`, then who, why and the other fields
 * (`request_id`, ids, codes) as `name value`. Hashes are shortened to 8 characters.
 */
export function formatTrail(records: StoredAuditRecord[], max = SHOWN_RECORDS): string {
  if (records.length === 0) return 'No audit records for this thread yet.';
  const skipped = Math.max(0, records.length - max);
  const head = skipped > 0 ? [`(${skipped} older records not shown)`] : [];
  const lines = records.slice(skipped).map(({ record }, n) => {
    const i = n + skipped;
    const at = (record.at ?? '').replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    const parts = [`${i + 1}. ${at} ${record.kind}`];
    if (record.actor) parts.push(`by ${record.actor}`);
    if (typeof record.hash === 'string') parts.push(`hash ${record.hash.slice(0, 8)}`);
    if (record.reason) parts.push(`reason ${String(record.reason)}`);
    for (const [key, value] of Object.entries(record)) {
      if (HIDDEN.has(key) || value === undefined || value === null) continue;
      const text = Array.isArray(value) ? value.join(',') : String(value);
      parts.push(`${key} ${SHORTENED.has(key) ? text.slice(0, 8) : text}`);
    }
    return parts.join(' · ');
  });
  return [...head, ...lines].join('\n');
}
