import type { StoredAuditRecord } from './record';

const SHOWN_FIRST = ['actor', 'hash', 'reason'];
const HIDDEN = new Set(['kind', 'thread_id', 'at', ...SHOWN_FIRST]);

/**
 * A thread's records as numbered lines, oldest first, for the chat:
 * `1. 2026-12-01 23:40:12Z draft_ready · hash 3f9a0c1d`, then who, why and the other fields
 * (`request_id`, ids, codes) as `name value`. Hashes are shortened to 8 characters.
 */
export function formatTrail(records: StoredAuditRecord[]): string {
  if (records.length === 0) return 'No audit records for this thread yet.';
  return records
    .map(({ record }, i) => {
      const at = (record.at ?? '').replace('T', ' ').replace(/\.\d+Z$/, 'Z');
      const parts = [`${i + 1}. ${at} ${record.kind}`];
      if (record.actor) parts.push(`by ${record.actor}`);
      if (typeof record.hash === 'string') parts.push(`hash ${record.hash.slice(0, 8)}`);
      if (record.reason) parts.push(`reason ${String(record.reason)}`);
      for (const [key, value] of Object.entries(record)) {
        if (HIDDEN.has(key) || value === undefined || value === null) continue;
        parts.push(`${key} ${Array.isArray(value) ? value.join(',') : String(value)}`);
      }
      return parts.join(' · ');
    })
    .join('\n');
}
