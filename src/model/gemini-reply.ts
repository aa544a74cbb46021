import type { GenerateContentResponse } from '@google/genai';
import { z } from 'zod';
import { ModelError, type Proposal, ProposalSchema } from './proposal';

/**
 * One generateContent reply, read as a turn:
 * - `ok: true` with the validated `turn`;
 * - `ok: false` with `kind` (what failed; safe to log) and `problem`, a plain description of what was wrong, written to be sent back
 *   to the model in the corrective retry (the JSON parse error, or zod's prettified error), and
 *   `truncated` when the model hit its output token limit.
 */
export type ReadTurn =
  | { ok: true; turn: Proposal }
  | { ok: false; kind: 'empty' | 'json' | 'schema'; problem: string; truncated: boolean };

/**
 * Finish reasons that mean the model would not answer (docs/llm.md §1.4). A prompt block
 * (`promptFeedback.blockReason`, no candidates) means the same.
 */
const REFUSAL_FINISH_REASONS = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
]);

/** Shown to the user when Gemini's safety filters stop a turn. */
const REFUSED_MESSAGE =
  "The AI assistant's safety filter stopped that message, so nothing was changed. Please rephrase it.";

/**
 * Reads a `GenerateContentResponse` (Gemini API: generateContent; docs/llm.md §1.4): `text` of the
 * first candidate, `JSON.parse`, then `ProposalSchema.safeParse`.
 * @throws ModelError `refused` when the prompt was blocked or the finish reason is a safety stop.
 */
export function readTurn(response: GenerateContentResponse): ReadTurn {
  const blockReason = response.promptFeedback?.blockReason;
  const finishReason = response.candidates?.[0]?.finishReason;
  if (blockReason || (finishReason && REFUSAL_FINISH_REASONS.has(finishReason))) {
    throw new ModelError('refused', REFUSED_MESSAGE);
  }
  const truncated = finishReason === 'MAX_TOKENS';
  const text = response.text;
  if (!text?.trim()) {
    const why = truncated ? ' (it hit the output token limit before any text)' : '';
    return { ok: false, kind: 'empty', problem: `Your reply was empty${why}.`, truncated };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const cut = truncated ? ' It was cut off at the output token limit; keep "message" short.' : '';
    const reason = err instanceof Error ? err.message : String(err);
    const problem = `Your reply was not valid JSON: ${reason}.${cut}`;
    return { ok: false, kind: 'json', problem, truncated };
  }
  const parsed = ProposalSchema.safeParse(json);
  if (!parsed.success) {
    const problem = `Your reply did not match the schema:\n${z.prettifyError(parsed.error)}`;
    return { ok: false, kind: 'schema', problem, truncated };
  }
  return { ok: true, turn: parsed.data };
}

/**
 * The user part appended for the one corrective retry: what was wrong, and the ask for one
 * valid JSON turn (docs/llm.md §2.3: one corrective retry).
 */
export function correctionText(problem: string): string {
  return `${problem}\nAnswer the same user message again with only one JSON object that matches the response schema: every key present, null for any field you do not change, nothing outside the JSON.`;
}
