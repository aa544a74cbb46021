import type { SubmissionAuditRecord } from '../engine/submission/context';
import type { AuditRecord } from './record';

/**
 * A submission's audit record (`src/engine/submission/context.ts`: `event` names the kind) as
 * a trail record: `kind` = `event`, `actor` = `system`, every other field kept as is (ids,
 * request ids, codes; never a token).
 */
export function fromSubmission(record: SubmissionAuditRecord): AuditRecord {
  const { event, ...fields } = record;
  return { ...fields, kind: event, actor: 'system' };
}
