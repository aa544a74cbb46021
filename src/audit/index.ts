export { formatTrail } from './format';
export type { AuditFields, AuditRecord, AuditValue, StoredAuditRecord } from './record';
export { scrubbed } from './record';
export { type AuditLine, AuditTrail, type AuditTrailOptions } from './trail';
