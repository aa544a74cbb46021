import * as audit from '../../src/audit';
import { formatTrail } from '../../src/audit/format';
import { scrubbed } from '../../src/audit/record';
import { AuditTrail } from '../../src/audit/trail';

describe('src/audit entry point', () => {
  it('exports the trail, its formatter and the scrubber, and nothing else at run time', () => {
    expect(Object.keys(audit).sort()).toEqual(['AuditTrail', 'formatTrail', 'scrubbed']);
    expect(audit.AuditTrail).toBe(AuditTrail);
    expect(audit.formatTrail).toBe(formatTrail);
    expect(audit.scrubbed).toBe(scrubbed);
  });
});
