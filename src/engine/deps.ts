// The engine's dependencies (its ports), in a file of their own so that the engine, the turn
// and the turn's steps can all name them without importing one another.
import type { AuditTrail } from '../audit/trail';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/port';
import type { TurnModel } from '../model/proposal';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import type { AdsApi } from '../tiktok/ads-api';
import type { AccessResolver } from './access';
import type { EngineSettings } from './settings';
import type { SubmissionAuditRecord } from './submission/context';
import type { ProcessOwner } from './submission/owner';

/** Dependencies of the engine: ports only, no platform SDKs. */
export interface EngineDeps {
  store: StateStore;
  keys: Keys;
  model: TurnModel;
  ads: AdsApi;
  access: AccessResolver;
  settings: EngineSettings;
  logger: Logger;
  now?: () => Date;
  /** Counts submissions and approvals (default: nothing). */
  metrics?: Pick<Metrics, 'submission' | 'approval'>;
  /**
   * Turn lock: held `ttlMs` (renewed every `ttlMs / 3` while working), waited for up to
   * `waitMs`. Default 5 s / 60 s: a crashed process's lock frees within 5 s.
   */
  lock?: { ttlMs: number; waitMs: number };
  /** This process as owner of the submissions it runs (see `submission/owner.ts`). */
  owner?: ProcessOwner;
  /**
   * Receives submission audit records (start, creates, enables, cleanup, failure). Default:
   * they go to {@link EngineDeps.auditTrail}.
   */
  audit?: (record: SubmissionAuditRecord) => Promise<void>;
  /** The audit trail; default: one on `store` (Redis Stream per workspace), no file. */
  auditTrail?: AuditTrail;
}
