/**
 * One audit record (docs/reliability.md §10): what happened, in which thread and
 * workspace, by whom (a chat user id, or `system`), and when. Kinds written by the engine:
 * `draft_ready` (with `hash`), `approval`, `withdrawal`, `rejection`, `approval_refused` (with
 * `reason`), `spend_refused`; the submission writes `submission_started`, `tiktok_create`,
 * `tiktok_enable`, `cleanup`, `submission_failed` (with `code`) through the same `append`.
 * Values are ids, hashes, codes and amounts, never a token, secret or message text.
 */
export interface AuditRecord {
  kind: string;
  thread_id: string;
  /** `user id` of the actor, or `system`. */
  actor?: string;
  /** Content hash (full hex) of the version concerned. */
  hash?: string;
  /** Server time, ISO 8601; set by the trail when absent. */
  at?: string;
  [field: string]: AuditValue;
}

/** A record before it is tied to its thread: `kind` and the fields of {@link AuditRecord}. */
export interface AuditFields {
  kind: string;
  [field: string]: AuditValue;
}

/** The values a record may carry. */
export type AuditValue = string | number | boolean | string[] | null | undefined;

/** A stored record: the stream entry id (increasing) and the record. */
export interface StoredAuditRecord {
  id: string;
  record: AuditRecord;
}

/**
 * Field names that never go into an audit record, whatever a caller passes: credentials and
 * OAuth values (CWE-532; §7.2). Matched case-insensitively against every field name.
 */
const SECRET_FIELD = /token|secret|password|auth_?code|cookie|authorization|^state$|signature/i;

/**
 * A copy of `record` with secret-looking fields dropped, strings cut to 512 characters and
 * control characters replaced (log injection, CWE-117).
 */
export function scrubbed(record: AuditRecord): AuditRecord {
  const out: Record<string, AuditValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || SECRET_FIELD.test(key)) continue;
    out[key] = Array.isArray(value)
      ? value.map(clean)
      : typeof value === 'string'
        ? clean(value)
        : value;
  }
  return out as AuditRecord;
}

function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 512);
}
