import type { GenerateContentResponseUsageMetadata } from '@google/genai';

/**
 * Token usage of one model HTTP call, from Gemini's `usageMetadata` (docs/llm.md §1.4):
 * `promptTokens` = `promptTokenCount` (the whole prompt, cached part included),
 * `cachedTokens` = `cachedContentTokenCount` (the part served from implicit or explicit
 * caching, billed at the cached rate), `outputTokens` = `candidatesTokenCount`,
 * `thoughtTokens` = `thoughtsTokenCount` (billed as output). Missing fields count 0.
 * `latencyMs` is the wall time of the HTTP call.
 */
export interface CallUsage {
  model: string;
  promptTokens: number;
  cachedTokens: number;
  outputTokens: number;
  thoughtTokens: number;
  latencyMs: number;
}

/** Receives every answered model call (metrics, the bench). Must not throw. */
export type UsageSink = (usage: CallUsage) => void;

/** Reads {@link CallUsage} fields from a response's `usageMetadata`. */
export function usageOf(
  model: string,
  usage: GenerateContentResponseUsageMetadata | undefined,
  latencyMs: number,
): CallUsage {
  return {
    model,
    promptTokens: usage?.promptTokenCount ?? 0,
    cachedTokens: usage?.cachedContentTokenCount ?? 0,
    outputTokens: usage?.candidatesTokenCount ?? 0,
    thoughtTokens: usage?.thoughtsTokenCount ?? 0,
    latencyMs,
  };
}

/** Running totals of {@link CallUsage} (a {@link UsageSink} via `record`). */
export class UsageTotals {
  calls = 0;
  promptTokens = 0;
  cachedTokens = 0;
  outputTokens = 0;
  thoughtTokens = 0;

  readonly record: UsageSink = (usage) => {
    this.calls += 1;
    this.promptTokens += usage.promptTokens;
    this.cachedTokens += usage.cachedTokens;
    this.outputTokens += usage.outputTokens;
    this.thoughtTokens += usage.thoughtTokens;
  };
}
