import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';
import { GeminiTurnModel, type GeminiTurnModelOptions } from '../../src/model/gemini-model';
import { SYSTEM_PROMPT } from '../../src/model/prompt';
import {
  emptyUpdates,
  ModelError,
  type Proposal,
  RECENT_LINES,
  type TurnInput,
} from '../../src/model/proposal';
import { PROPOSAL_JSON_SCHEMA } from '../../src/model/proposal-json-schema';
import type { CallUsage } from '../../src/model/usage';
import { GeminiStandIn, type RecordedRequest, textOf } from '../standins/gemini-standin';

const API_KEY = 'test-key-do-not-log';
const USER_MESSAGE = 'Call it Summer Sale ZEBRA-42';

const TURN: Proposal = {
  message: 'Summer Sale it is. What should the ad text say?',
  intent: 'provide_details',
  updates: { ...emptyUpdates(), campaign_name: 'Summer Sale' },
};

function input(historyLines = 0, message = USER_MESSAGE): TurnInput {
  return {
    draft: { objective_type: 'TRAFFIC' },
    status: 'collecting',
    missing: ['campaign_name', 'ad_text', 'call_to_action', 'music'],
    last_question: 'campaign_name',
    recent: Array.from({ length: historyLines }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('bot' as const),
      text: `history line ${i + 1} marker-${i + 1}-end`,
    })),
    message,
  };
}

let standIn: GeminiStandIn;
let sleeps: number[];

beforeEach(async () => {
  standIn = await GeminiStandIn.start();
  sleeps = [];
});

afterEach(async () => {
  await standIn.close();
});

function model(options: Partial<GeminiTurnModelOptions> = {}): GeminiTurnModel {
  return new GeminiTurnModel({
    apiKey: API_KEY,
    model: 'gemini-3.1-flash-lite',
    baseUrl: standIn.url,
    retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
}

/** The request at `index`; fails the test when there is none. */
function request(index: number): RecordedRequest {
  const req = standIn.requests[index];
  if (!req) throw new Error(`no request #${index}; got ${standIn.requests.length}`);
  return req;
}

/** Awaits a rejection and returns it as a ModelError (fails on anything else). */
async function modelError(promise: Promise<unknown>): Promise<ModelError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelError);
  return err as ModelError;
}

describe('GeminiTurnModel against the Gemini stand-in (real @google/genai over HTTP)', () => {
  it('parses a valid turn from one generateContent call', async () => {
    standIn.enqueue({ kind: 'turn', turn: TURN });
    await expect(model().propose(input())).resolves.toEqual(TURN);
    expect(standIn.requests).toHaveLength(1);
    const req = request(0);
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1beta/models/gemini-3.1-flash-lite:generateContent');
    expect(req.headers['x-goog-api-key']).toBe(API_KEY);
  });

  it('sends responseJsonSchema and systemInstruction, with the user text only in contents', async () => {
    standIn.enqueue({ kind: 'turn', turn: TURN });
    await model({ model: 'gemini-test-model', maxOutputTokens: 321 }).propose(input());
    const req = request(0);
    expect(req.model).toBe('gemini-test-model');
    const config = req.body.generationConfig ?? {};
    expect(config.responseMimeType).toBe('application/json');
    expect(config.responseJsonSchema).toEqual(PROPOSAL_JSON_SCHEMA);
    expect(config.maxOutputTokens).toBe(321);
    expect(config).not.toHaveProperty('responseSchema');
    expect(textOf(req.body.systemInstruction)).toBe(SYSTEM_PROMPT);
    expect(JSON.stringify(req.body.systemInstruction)).not.toContain('ZEBRA-42');
    const contents = req.body.contents ?? [];
    expect(contents.map((c) => c.role)).toEqual(['user', 'user']);
    expect(textOf(contents[1])).toContain('ZEBRA-42');
    expect(textOf(contents[0])).not.toContain('ZEBRA-42');
  });

  it('carries only the last RECENT_LINES lines of a 20-line history', async () => {
    standIn.enqueue({ kind: 'turn', turn: TURN });
    await model().propose(input(20));
    const state = textOf(request(0).body.contents?.[0]);
    const json = state.replace(/^<ad_state>\n/, '').replace(/\n<\/ad_state>$/, '');
    const sent = JSON.parse(json) as { recent: { text: string }[] };
    const expected = input(20).recent.slice(-RECENT_LINES);
    expect(sent.recent).toEqual(expected);
    expect(request(0).rawBody).not.toContain('marker-1-end');
    expect(request(0).rawBody).not.toContain(`marker-${20 - RECENT_LINES}-end`);
    expect(request(0).rawBody).toContain('marker-20-end');
  });

  it('retries once with the parse error after malformed JSON, then returns the valid turn', async () => {
    standIn.enqueue({ kind: 'text', text: 'Sure! {"message": oops' }, { kind: 'turn', turn: TURN });
    await expect(model().propose(input())).resolves.toEqual(TURN);
    expect(standIn.requests).toHaveLength(2);
    const first = request(0).body.contents ?? [];
    const second = request(1).body.contents ?? [];
    expect(second).toHaveLength(first.length + 1);
    expect(second.slice(0, first.length)).toEqual(first);
    const correction = textOf(second[second.length - 1]);
    expect(second[second.length - 1]?.role).toBe('user');
    expect(correction).toContain('not valid JSON');
    expect(correction).toMatch(/only one JSON object/);
    expect(sleeps).toEqual([]);
  });

  it('fails with invalid_output after schema-invalid JSON twice, naming the bad field', async () => {
    const bad = { message: 'ok', intent: 'submit_now', updates: emptyUpdates() };
    standIn.enqueue({ kind: 'turn', turn: bad }, { kind: 'turn', turn: bad });
    const err = await modelError(model().propose(input()));
    expect(err.kind).toBe('invalid_output');
    expect(err.message).toMatch(/could not use/);
    expect(err.message).not.toContain('ZEBRA-42');
    expect(standIn.requests).toHaveLength(2);
    const correction = textOf(request(1).body.contents?.at(-1));
    expect(correction).toContain('did not match the schema');
    expect(correction).toContain('intent');
  });

  it('doubles maxOutputTokens for the corrective retry after MAX_TOKENS', async () => {
    standIn.enqueue(
      { kind: 'text', text: '{"message":"Summer Sa', finishReason: 'MAX_TOKENS' },
      { kind: 'turn', turn: TURN },
    );
    await expect(model({ maxOutputTokens: 400 }).propose(input())).resolves.toEqual(TURN);
    expect(request(0).body.generationConfig?.maxOutputTokens).toBe(400);
    expect(request(1).body.generationConfig?.maxOutputTokens).toBe(800);
    expect(textOf(request(1).body.contents?.at(-1))).toContain('output token limit');
  });

  it('backs off after a 429 and then succeeds', async () => {
    standIn.enqueue({ kind: 'error', status: 429 }, { kind: 'turn', turn: TURN });
    await expect(model().propose(input())).resolves.toEqual(TURN);
    expect(standIn.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(sleeps[0]).toBeLessThan(100);
  });

  it("waits the server's RetryInfo.retryDelay when it is under the cap", async () => {
    const details = [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.75s' }];
    standIn.enqueue({ kind: 'error', status: 429, details }, { kind: 'turn', turn: TURN });
    await expect(model().propose(input())).resolves.toEqual(TURN);
    expect(sleeps).toEqual([750]);
  });

  it('gives up at once when RetryInfo.retryDelay is over the cap', async () => {
    const details = [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }];
    standIn.enqueue({ kind: 'error', status: 429, details }, { kind: 'turn', turn: TURN });
    const err = await modelError(model().propose(input()));
    expect(err.kind).toBe('unavailable');
    expect(standIn.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry a per-day quota 429', async () => {
    const details = [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
      },
    ];
    standIn.enqueue({ kind: 'error', status: 429, details }, { kind: 'turn', turn: TURN });
    const err = await modelError(model().propose(input()));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/daily/);
    expect(standIn.requests).toHaveLength(1);
  });

  it('stops after exactly `attempts` requests when every one is a 503', async () => {
    for (let i = 0; i < 6; i++) standIn.enqueue({ kind: 'error', status: 503 });
    const err = await modelError(
      model({ retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 } }).propose(input()),
    );
    expect(err.kind).toBe('unavailable');
    expect(err.message).toContain('503 UNAVAILABLE');
    expect(standIn.requests).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    for (const [i, ms] of sleeps.entries()) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(Math.min(250, 100 * 2 ** i));
    }
  });

  it('retries a non-JSON 502 from a proxy', async () => {
    standIn.enqueue(
      { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>' },
      { kind: 'turn', turn: TURN },
    );
    await expect(model().propose(input())).resolves.toEqual(TURN);
    expect(standIn.requests).toHaveLength(2);
  });

  it('maps 400 to config after one request', async () => {
    const details = [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' },
    ];
    standIn.enqueue(
      { kind: 'error', status: 400, message: 'API key not valid.', details },
      { kind: 'turn', turn: TURN },
    );
    const err = await modelError(model().propose(input()));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('400 INVALID_ARGUMENT');
    expect(err.message).not.toContain(API_KEY);
    expect(standIn.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('maps 404 (unknown model) to config', async () => {
    standIn.enqueue({ kind: 'error', status: 404, message: 'models/x is not found' });
    const err = await modelError(model({ model: 'x' }).propose(input()));
    expect(err.kind).toBe('config');
    expect(standIn.requests).toHaveLength(1);
  });

  it('maps finishReason SAFETY to refused without retrying', async () => {
    standIn.enqueue({ kind: 'finish', finishReason: 'SAFETY' }, { kind: 'turn', turn: TURN });
    const err = await modelError(model().propose(input()));
    expect(err.kind).toBe('refused');
    expect(standIn.requests).toHaveLength(1);
  });

  it('maps a blocked prompt (promptFeedback.blockReason) to refused', async () => {
    standIn.enqueue({ kind: 'blocked', blockReason: 'PROHIBITED_CONTENT' });
    const err = await modelError(model().propose(input()));
    expect(err.kind).toBe('refused');
    expect(standIn.requests).toHaveLength(1);
  });

  it('retries after a request timeout', async () => {
    standIn.enqueue({ kind: 'turn', turn: TURN, delayMs: 2000 }, { kind: 'turn', turn: TURN });
    await expect(model({ timeoutMs: 200 }).propose(input())).resolves.toEqual(TURN);
    expect(standIn.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('treats a refused connection as unavailable after the retries', async () => {
    const closed = standIn.url;
    await standIn.close();
    standIn = await GeminiStandIn.start();
    const err = await modelError(model({ baseUrl: closed }).propose(input()));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toContain('network');
    expect(sleeps).toHaveLength(2);
  });

  it('logs usage, finish reason, requests and latency, never the key or the user text', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    standIn.enqueue({ kind: 'text', text: 'not json' }, { kind: 'turn', turn: TURN });
    await model({ logger: createLogger('debug', sink) }).propose(input(6));
    const all = lines.join('');
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain('ZEBRA-42');
    expect(all).not.toContain('marker-');
    const info = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'gemini turn');
    expect(info).toMatchObject({
      level: 30,
      outcome: 'ok',
      requests: 2,
      finishReason: 'STOP',
      model: 'gemini-3.1-flash-lite',
    });
    expect(info.promptTokens).toBeGreaterThan(0);
    expect(info.outputTokens).toBeGreaterThan(0);
    expect(typeof info.latencyMs).toBe('number');
  });

  it('reports usageMetadata (prompt, cached, output tokens) of every answered call', async () => {
    const usages: CallUsage[] = [];
    standIn.enqueue(
      { kind: 'text', text: 'not json' },
      { kind: 'turn', turn: TURN, cachedTokens: 123 },
    );
    await model({ onUsage: (u) => usages.push(u) }).propose(input());
    expect(usages).toHaveLength(2);
    const [first, second] = usages;
    expect(first?.cachedTokens).toBe(0);
    expect(second).toMatchObject({ model: 'gemini-3.1-flash-lite', cachedTokens: 123 });
    // The stand-in counts prompt tokens as body characters / 4 and output as text / 4.
    expect(second?.promptTokens).toBe(Math.ceil(request(1).rawBody.length / 4));
    expect(second?.outputTokens).toBe(Math.ceil(JSON.stringify(TURN).length / 4));
    expect(second?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends every call through one keep-alive pool: 24 calls, 12 at once, on at most 4 sockets', async () => {
    const m = model({ connections: 4 });
    for (let i = 0; i < 24; i++) standIn.enqueue({ kind: 'turn', turn: TURN, delayMs: 20 });
    for (let round = 0; round < 2; round++)
      await Promise.all(Array.from({ length: 12 }, () => m.propose(input())));
    expect(standIn.requests).toHaveLength(24);
    expect(standIn.connections).toBeLessThanOrEqual(4);
    await m.close();
  });
});
