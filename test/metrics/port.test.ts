import { type Metrics, NO_METRICS } from '../../src/metrics/port';

describe('NO_METRICS', () => {
  it('has every method of the port, each accepting a call and recording nothing', () => {
    const methods: Array<keyof Metrics> = [
      'turn',
      'modelCall',
      'modelTokens',
      'tiktokCall',
      'submission',
      'approval',
      'lockWait',
      'redisError',
      'eventDeduplicated',
    ];
    expect(Object.keys(NO_METRICS).sort()).toEqual([...methods].sort());
    NO_METRICS.turn('slack', 'ok', 0.2);
    NO_METRICS.modelCall('gemini', 'ok', 1);
    NO_METRICS.modelTokens('gemini', 'prompt', 10);
    NO_METRICS.tiktokCall('campaign/create/', 0, 0.1);
    NO_METRICS.submission('submitted');
    NO_METRICS.approval('refused');
    NO_METRICS.lockWait(0.01);
    NO_METRICS.redisError('get');
    NO_METRICS.eventDeduplicated('engine');
    for (const method of methods) expect(NO_METRICS[method]).toHaveLength(0);
  });
});
