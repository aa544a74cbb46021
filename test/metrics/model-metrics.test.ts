import { instrumentModel } from '../../src/metrics/instrument';
import { createPrometheusMetrics } from '../../src/metrics/prometheus';
import { GeminiTurnModel } from '../../src/model/gemini-model';
import { emptyUpdates, type Proposal } from '../../src/model/proposal';
import { GeminiStandIn } from '../standins/gemini-standin';

const TURN: Proposal = {
  message: 'Summer Sale it is.',
  intent: 'provide_details',
  updates: { ...emptyUpdates(), campaign_name: 'Summer Sale' },
};

const INPUT = {
  draft: {},
  status: 'collecting',
  missing: ['campaign_name' as const],
  last_question: null,
  recent: [],
  message: 'Call it Summer Sale',
};

describe('model metrics through the real Gemini SDK and the stand-in', () => {
  let standIn: GeminiStandIn;
  beforeEach(async () => {
    standIn = await GeminiStandIn.start();
  });
  afterEach(() => standIn.close());

  it('counts calls by model and outcome, and the tokens Gemini reported', async () => {
    const prometheus = createPrometheusMetrics();
    const gemini = new GeminiTurnModel({
      apiKey: 'k',
      model: 'gemini-3.1-flash-lite',
      baseUrl: standIn.url,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      metrics: prometheus.metrics,
    });
    const model = instrumentModel(gemini, prometheus.metrics, 'gemini-3.1-flash-lite');
    standIn.enqueue({ kind: 'turn', turn: TURN }, { kind: 'error', status: 400 });
    await model.propose(INPUT);
    await expect(model.propose(INPUT)).rejects.toThrow();
    const body = await prometheus.registry.metrics();
    const value = (prefix: string) => {
      const line = body.split('\n').find((l) => l.startsWith(prefix));
      return Number(line?.slice(line.lastIndexOf(' ') + 1));
    };
    const m = 'model="gemini-3.1-flash-lite"';
    expect(value(`tiktok_ad_bot_model_calls_total{${m},outcome="ok"}`)).toBe(1);
    expect(value(`tiktok_ad_bot_model_calls_total{${m},outcome="config"}`)).toBe(1);
    expect(value(`tiktok_ad_bot_model_call_duration_seconds_count{${m}}`)).toBe(2);
    expect(value(`tiktok_ad_bot_model_tokens_total{${m},kind="prompt"}`)).toBeGreaterThan(0);
    expect(value(`tiktok_ad_bot_model_tokens_total{${m},kind="output"}`)).toBeGreaterThan(0);
  });
});
