import { loadCorpus } from '../../eval/corpus';
import { type EvalReport, isOneMessageRequest, playCorpus } from '../../eval/play';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';

/**
 * The ratchet: the offline model's figures on the evaluation corpus (eval/dialogues): 368
 * dialogues (the 30 'talk' dialogues about the conversation itself and the second held-out
 * file of 46 included), all passing, no value placed without being meant, median 4 and p90 7
 * user messages to ready (the median rose from 3 when the grown corpus added mostly
 * one-field-at-a-time dialogues). Lower them only with a reason in the commit; raise them
 * when the model gets better. `npm run eval -- --verbose` shows what failed.
 */
const RATCHET = {
  /** Dialogues allowed to fail. */
  failed: 0,
  valueMismatches: 0,
  missingValues: 0,
  medianToReady: 4,
  p90ToReady: 7,
  silentChanges: 0,
  untypedValues: 0,
  /** Values on the card the script never meant, at any turn (eval/corpus.ts `misassigned`). */
  silentMisassignments: 0,
};

describe('evaluation corpus (offline model)', () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await playCorpus(new OfflineTurnModel(), loadCorpus());
  }, 180_000);

  it('has at least 200 dialogues in every style the issue names', () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const styles = corpus.map((d) => d.style).join(' ');
    for (const style of [
      'all-in-one',
      'one field at a time',
      'typo',
      'correction',
      'question',
      'polite',
      'terse',
      'inside a longer message',
      'held-out',
      'chatty',
      'restart',
      'reaction',
      'pasted brief',
      'lowercase',
    ])
      expect(styles).toContain(style);
    expect(corpus.filter(isOneMessageRequest).length).toBeGreaterThanOrEqual(40);
  });

  it('does not drop below the figures reached', () => {
    const failed = report.results.filter((r) => !r.passed).map((r) => r.id);
    expect({ failed }).toEqual({ failed: failed.slice(0, RATCHET.failed) });
    expect(report.valueMismatches).toBeLessThanOrEqual(RATCHET.valueMismatches);
    expect(report.missingValues).toBeLessThanOrEqual(RATCHET.missingValues);
    expect(report.medianToReady).toBeLessThanOrEqual(RATCHET.medianToReady);
    expect(report.p90ToReady).toBeLessThanOrEqual(RATCHET.p90ToReady);
    expect(report.silentChanges).toBeLessThanOrEqual(RATCHET.silentChanges);
    const wrong = report.results.flatMap((r) => r.misassigned.map((v) => `${r.id}: ${v}`));
    expect(wrong.slice(RATCHET.silentMisassignments)).toEqual([]);
    const untyped = report.results.flatMap((r) => r.untypedValues.map((v) => `${r.id}: ${v}`));
    expect(untyped.length).toBeLessThanOrEqual(RATCHET.untypedValues);
  });

  it('makes every one-message request that names media ready in one turn', () => {
    expect(report.oneMessageReady).toBe(report.oneMessageRequests);
  });
});
