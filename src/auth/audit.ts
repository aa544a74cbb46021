import type { Logger } from '../logging/logger';

/**
 * One account-linking audit record: who, what, and the outcome, never a token, auth code,
 * state or cookie (docs/reliability.md §10). `user` is `platform:workspace:user`;
 * `state_ref` is the first 12 hex characters of the state's SHA-256, to match records of one
 * attempt without keeping the state.
 */
export type AuditEvent =
  | { kind: 'link_started'; user: string; thread_id: string; state_ref: string }
  | {
      kind: 'link_completed';
      user: string;
      thread_id: string;
      state_ref: string;
      advertiser_ids: string[];
      scope: number[];
      key_version: number;
    }
  | { kind: 'link_failed'; reason: string; user?: string; state_ref?: string; ref: string }
  | { kind: 'link_invalidated'; user: string; code: number }
  | { kind: 'unlinked'; user: string; revoke: 'revoked' | 'already_invalid' | 'revoke_failed' };

/** Where audit records go. One record per call, append-only. */
export interface AuditLog {
  record(event: AuditEvent): void;
}

/**
 * Audit records as JSON lines (account linking here, and the approval and submission trail of
 * `src/audit/`, which writes the same lines to `AUDIT_LOG` besides its Redis Stream) through pino (`{"audit":{...},"msg":"audit link_completed"}`), at
 * `info` whatever the main log level, to the given logger (e.g. a file destination from
 * `AUDIT_LOG`) so a log pipeline can ship them to durable storage.
 */
export class PinoAuditLog implements AuditLog {
  constructor(private readonly logger: Logger) {}

  record(event: AuditEvent | ({ kind: string } & Record<string, unknown>)): void {
    this.logger.info({ audit: { ...event, at: new Date().toISOString() } }, `audit ${event.kind}`);
  }
}
