import {
  type Content,
  type GenerateContentConfig,
  type GenerateContentResponse,
  GoogleGenAI,
  type HttpOptions,
  type ThinkingLevel,
} from '@google/genai';
import { type Logger, silentLogger } from '../logging/logger';
import type { Metrics } from '../metrics/port';
import { DEFAULT_RETRY, fullJitterDelayMs, type RetryPolicy } from './backoff';
import { classifyCallError, exhausted } from './gemini-errors';
import { correctionText, readTurn } from './gemini-reply';
import { keepAliveFetch } from './keep-alive-fetch';
import { buildContents, SYSTEM_PROMPT } from './prompt';
import { ModelError, type Proposal, type TurnInput, type TurnModel } from './proposal';
import { PROPOSAL_JSON_SCHEMA } from './proposal-json-schema';
import { type UsageSink, usageOf } from './usage';

/** Per-request timeout (ms) when none is given (docs/llm.md §1.1). */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Output token cap when none is given; a turn is a short patch (docs/llm.md §1.2). */
export const DEFAULT_MAX_OUTPUT_TOKENS = 800;

/**
 * Options of {@link GeminiTurnModel}.
 * - `apiKey`: sent by the SDK as `x-goog-api-key`; never logged.
 * - `model`: model id, e.g. `gemini-3.1-flash-lite` (config `GEMINI_MODEL` holds the default;
 *   docs/llm.md §3).
 * - `baseUrl`: API root, e.g. a local stand-in `http://127.0.0.1:PORT`; default Google's.
 * - `timeoutMs`: per request, ms (default {@link DEFAULT_TIMEOUT_MS}).
 * - `maxOutputTokens`: per request (default {@link DEFAULT_MAX_OUTPUT_TOKENS}); doubled for the
 *   corrective retry after a reply cut off at the limit.
 * - `thinkingLevel`: sent as `thinkingConfig.thinkingLevel` when set; check the model accepts it
 *   (docs/llm.md §1.2). Unset: the model's default.
 * - `retry`: backoff for transient failures (default {@link DEFAULT_RETRY}).
 * - `sleep`: how to wait `ms` between retries (tests pass a no-op).
 * - `logger`: where to log usage, finish reason, attempts and latency (default silent).
 * - `fetch`: the HTTP client for every call (default: one keep-alive pool of
 *   `connections` sockets, {@link keepAliveFetch}); `connections` default 32.
 * - `onUsage`: receives each answered call's `usageMetadata` (prompt, cached, output and
 *   thought tokens) and latency, e.g. for metrics.
 */
export interface GeminiTurnModelOptions {
  apiKey: string;
  model: string;
  baseUrl?: string;
  timeoutMs?: number;
  maxOutputTokens?: number;
  thinkingLevel?: ThinkingLevel;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  fetch?: typeof globalThis.fetch;
  connections?: number;
  onUsage?: UsageSink;
  /** Receives token counts per turn (`model_tokens_total{model,kind}`). */
  metrics?: Pick<Metrics, 'modelTokens'>;
}

/**
 * What one turn cost, for the info log: HTTP requests made, token usage summed over the
 * answered requests, the last finish reason. Never any text.
 */
interface TurnStats {
  requests: number;
  promptTokens: number;
  cachedTokens: number;
  outputTokens: number;
  thoughtTokens: number;
  finishReason: string | undefined;
}

/**
 * The `gemini` {@link TurnModel}: one JSON turn per user message through `@google/genai`
 * (Gemini API: generateContent, `apiVersion: 'v1beta'`), constrained by `responseJsonSchema`
 * and validated again with `ProposalSchema`. Retries are ours, not the SDK's (docs/llm.md §2.3):
 * transient failures back off with full jitter (or the server's `RetryInfo.retryDelay` when it
 * is under the cap); a malformed or schema-invalid reply gets one corrective retry.
 *
 * @throws ModelError `invalid_output` (bad reply twice), `refused` (safety block), `config`
 * (400/401/403/404), `unavailable` (retries used up, daily quota, other errors).
 */
export class GeminiTurnModel implements TurnModel {
  readonly name = 'gemini';
  private readonly ai: GoogleGenAI;
  private readonly model: string;
  private readonly maxOutputTokens: number;
  private readonly thinkingLevel: ThinkingLevel | undefined;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: Logger;
  private readonly onUsage: UsageSink | undefined;
  private readonly closePool: () => Promise<void>;
  private readonly metrics: Pick<Metrics, 'modelTokens'> | undefined;

  constructor(options: GeminiTurnModelOptions) {
    const pool = options.fetch
      ? undefined
      : keepAliveFetch({ connections: options.connections ?? 32 });
    this.closePool = pool ? () => pool.close() : async () => {};
    const httpOptions: HttpOptions = {
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: options.fetch ?? pool?.fetch ?? globalThis.fetch,
    };
    if (options.baseUrl !== undefined) httpOptions.baseUrl = options.baseUrl;
    this.ai = new GoogleGenAI({ apiKey: options.apiKey, apiVersion: 'v1beta', httpOptions });
    this.model = options.model;
    this.maxOutputTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    this.thinkingLevel = options.thinkingLevel;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.log = (options.logger ?? silentLogger()).child({ component: 'model', model: this.model });
    this.metrics = options.metrics;
    this.onUsage = options.onUsage;
  }

  /** Closes the keep-alive pool this model created (no-op with a given `fetch`). */
  close(): Promise<void> {
    return this.closePool();
  }

  /** Proposes one turn for `input`. See the class for errors. */
  async propose(input: TurnInput): Promise<Proposal> {
    const started = Date.now();
    const stats: TurnStats = {
      requests: 0,
      promptTokens: 0,
      cachedTokens: 0,
      outputTokens: 0,
      thoughtTokens: 0,
      finishReason: undefined,
    };
    let outcome = 'ok';
    try {
      const contents = buildContents(input);
      const first = readTurn(await this.call(contents, this.maxOutputTokens, stats));
      if (first.ok) return first.turn;
      this.log.warn({ invalid: first.kind }, 'gemini reply invalid; corrective retry');
      const corrective: Content[] = [
        ...contents,
        { role: 'user', parts: [{ text: correctionText(first.problem) }] },
      ];
      const tokens = first.truncated ? this.maxOutputTokens * 2 : this.maxOutputTokens;
      const second = readTurn(await this.call(corrective, tokens, stats));
      if (second.ok) return second.turn;
      throw new ModelError(
        'invalid_output',
        `The AI assistant gave an answer I could not use, twice (${second.kind}). Your draft is unchanged; please try again or say it differently.`,
      );
    } catch (err) {
      outcome = err instanceof ModelError ? err.kind : 'error';
      throw err;
    } finally {
      this.log.info({ outcome, ...stats, latencyMs: Date.now() - started }, 'gemini turn');
      this.metrics?.modelTokens(this.model, 'prompt', stats.promptTokens);
      this.metrics?.modelTokens(this.model, 'output', stats.outputTokens);
      this.metrics?.modelTokens(this.model, 'thought', stats.thoughtTokens);
      this.metrics?.modelTokens(this.model, 'cached', stats.cachedTokens);
    }
  }

  /** One generateContent call with our backoff on transient failures. */
  private async call(
    contents: Content[],
    maxOutputTokens: number,
    stats: TurnStats,
  ): Promise<GenerateContentResponse> {
    const config: GenerateContentConfig = {
      systemInstruction: SYSTEM_PROMPT,
      responseMimeType: 'application/json',
      responseJsonSchema: PROPOSAL_JSON_SCHEMA,
      maxOutputTokens,
    };
    if (this.thinkingLevel !== undefined) {
      config.thinkingConfig = { thinkingLevel: this.thinkingLevel };
    }
    for (let attempt = 1; ; attempt++) {
      stats.requests++;
      try {
        const sent = Date.now();
        const response = await this.ai.models.generateContent({
          model: this.model,
          contents,
          config,
        });
        countUsage(stats, response);
        this.onUsage?.(usageOf(this.model, response.usageMetadata, Date.now() - sent));
        return response;
      } catch (err) {
        const failure = classifyCallError(err);
        if (!failure.retryable) {
          this.log.warn({ attempt, failure: failure.label }, 'gemini call failed');
          throw failure.error;
        }
        const serverDelay = failure.retryDelayMs;
        if (attempt >= this.retry.attempts || (serverDelay ?? 0) > this.retry.maxDelayMs) {
          this.log.warn({ attempt, failure: failure.label, serverDelay }, 'gemini call gave up');
          throw exhausted(failure, err);
        }
        const delayMs = serverDelay ?? fullJitterDelayMs(this.retry, attempt - 1);
        this.log.warn({ attempt, failure: failure.label, delayMs }, 'gemini call failed; retrying');
        await this.sleep(delayMs);
      }
    }
  }
}

/** Adds one response's token usage and finish reason to `stats` (docs/llm.md §1.4). */
function countUsage(stats: TurnStats, response: GenerateContentResponse): void {
  const usage = response.usageMetadata;
  stats.promptTokens += usage?.promptTokenCount ?? 0;
  stats.cachedTokens += usage?.cachedContentTokenCount ?? 0;
  stats.outputTokens += usage?.candidatesTokenCount ?? 0;
  stats.thoughtTokens += usage?.thoughtsTokenCount ?? 0;
  stats.finishReason = response.candidates?.[0]?.finishReason;
}
