import { parseThreadId } from '../engine/thread-id';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import { type AuditRecord, type StoredAuditRecord, scrubbed } from './record';

/** A line sink for audit records (the `AUDIT_LOG` file, see `src/auth/audit.ts`). */
export interface AuditLine {
  record(event: { kind: string } & Record<string, unknown>): void;
}

/** Options of {@link AuditTrail}. */
export interface AuditTrailOptions {
  store: StateStore;
  keys: Keys;
  /** Also writes each record as a JSON line here (`AUDIT_LOG`), when given. */
  log?: AuditLine;
  now?: () => Date;
  /** Entries kept per workspace stream (Redis `XADD MAXLEN ~`); default 100 000. */
  maxLen?: number;
}

/**
 * Entries kept per thread (its index stream, `XADD MAXLEN ~`), and how many one read returns:
 * a thread has a few dozen records (drafts, votes, the submission's steps), so this bound only
 * stops a runaway thread from growing without end.
 */
export const THREAD_RECORDS = 10_000;

/**
 * The append-only audit trail: one Redis Stream per workspace (`Keys.auditStream`), so a
 * workspace's records keep their order and survive restarts, plus the `AUDIT_LOG` file when
 * set. Each record is also written, in the same Redis step, to its thread's own stream
 * (`Keys.auditThread`), the index {@link forThread} reads: a thread's trail costs one read of
 * its own records, whatever the number of other records in the workspace (tested with 100 000).
 * Records are scrubbed of secret-looking fields before they are written ({@link scrubbed}).
 * Nothing here updates or deletes a record.
 */
export class AuditTrail {
  private readonly now: () => Date;

  constructor(private readonly options: AuditTrailOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Appends one record (stream first, then the file line).
   * @throws the store's error when Redis fails (the caller decides what that means).
   */
  readonly append = async (record: AuditRecord): Promise<void> => {
    const clean = scrubbed({ ...record, at: record.at ?? this.now().toISOString() });
    const { store, keys, log } = this.options;
    await store.appendToStreams(
      [
        {
          key: keys.auditStream(workspaceOf(record.thread_id)),
          maxLen: this.options.maxLen ?? 100_000,
        },
        { key: keys.auditThread(record.thread_id), maxLen: THREAD_RECORDS },
      ],
      clean,
    );
    log?.record({ ...clean, kind: clean.kind });
  };

  /**
   * The records of one thread, oldest first (at most {@link THREAD_RECORDS}), read from the
   * thread's own index stream. Ids are the index stream's entry ids (increasing).
   */
  async forThread(thread_id: string): Promise<StoredAuditRecord[]> {
    const { store, keys } = this.options;
    const entries = await store.readStream<AuditRecord>(
      keys.auditThread(thread_id),
      THREAD_RECORDS,
    );
    return entries
      .filter((e) => e.value.thread_id === thread_id)
      .map((e) => ({ id: e.id, record: e.value }));
  }
}

/** `platform:workspace` of a thread id (the stream a thread's records go to). */
function workspaceOf(thread_id: string): string {
  const ref = parseThreadId(thread_id);
  return `${ref.platform}:${ref.workspace}`;
}
