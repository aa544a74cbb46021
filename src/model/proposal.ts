import { z } from 'zod';
import type { AdDraft, DraftField } from '../ad/draft';
import { BotError } from '../errors/bot-error';

/**
 * What a `question` turn asks about; the engine answers each from code (never from model
 * text), then asks its open question again.
 * - `missing`: what the bot still needs; `approval`: how approval and submission work;
 * - a field (`campaign_name`, `objective`, `ad_text`, `call_to_action`, `music`,
 *   `landing_page_url`, `budget`, `media`): its rules and choices;
 * - `help`: what the bot does and how to talk to it.
 */
export const QUESTION_TOPICS = [
  'missing',
  'approval',
  'campaign_name',
  'objective',
  'ad_text',
  'call_to_action',
  'music',
  'landing_page_url',
  'budget',
  'media',
  'help',
] as const;

/** One of {@link QUESTION_TOPICS}. */
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

/**
 * What the model may propose in one turn. The model proposes; code decides: every value below
 * is re-checked by the ad rules, and `intent` only ever selects from this closed list. Nothing
 * in here can submit an ad, name an account, or carry a credential.
 *
 * Shape follows the LLM-friendly pattern (docs/llm.md §1.3): every key required, `null`
 * for "no change", flat enums, no formats or regexes (code enforces those).
 */
export const ProposalSchema = z
  .object({
    message: z
      .string()
      .max(600)
      .describe('A short, friendly reply to the user. Empty when there is nothing to add.'),
    intent: z
      .enum(['provide_details', 'request_approval', 'reset', 'show_status', 'question', 'chat'])
      .describe(
        'provide_details: the user gave or changed ad details. request_approval: the user says the ad is ready to be approved/submitted. reset: start the draft over (updates may hold details said after the restart, for the new draft). show_status: the user asks where things stand. question: the user asks a question about the ad or the bot (set question_topic). chat: anything else.',
      ),
    question_topic: z
      .enum(QUESTION_TOPICS)
      .nullable()
      .optional()
      .describe(
        'With intent "question": what it is about (missing = what is still needed). null otherwise.',
      ),
    updates: z
      .object({
        campaign_name: z.string().nullable(),
        objective: z
          .string()
          .nullable()
          .describe(
            'The campaign objective in the user\'s words, e.g. "traffic" or "conversions".',
          ),
        ad_text: z.string().nullable(),
        call_to_action: z
          .string()
          .nullable()
          .describe('The call to action in the user\'s words, e.g. "Shop now".'),
        music: z
          .enum(['existing', 'custom', 'none'])
          .nullable()
          .describe(
            'existing: a TikTok music id; custom: the user uploads a track; none: no music.',
          ),
        music_id: z.string().nullable(),
        landing_page_url: z.string().nullable(),
        budget: z.number().nullable().describe('Daily budget as a number in the account currency.'),
        image_ids: z.array(z.string()).nullable(),
        video_id: z.string().nullable(),
      })
      .strict(),
  })
  .strict();

/**
 * What the model proposes for one message, validated against {@link ProposalSchema}: a
 * `Proposal`, not a turn, because the engine's turn (`ThreadTurn` in `src/engine/turn/`) is
 * what decides; a proposal is only its input.
 */
export type Proposal = z.infer<typeof ProposalSchema>;

/** The `updates` part of a proposal: `null` means "leave as it is". */
export type ProposalUpdates = Proposal['updates'];

/** Updates that change nothing. */
export function emptyUpdates(): ProposalUpdates {
  return {
    campaign_name: null,
    objective: null,
    ad_text: null,
    call_to_action: null,
    music: null,
    music_id: null,
    landing_page_url: null,
    budget: null,
    image_ids: null,
    video_id: null,
  };
}

/** One earlier line of the conversation, as the model sees it. */
export interface TranscriptLine {
  role: 'user' | 'bot';
  text: string;
}

/**
 * Everything the model is given for one turn: compact state, not the whole transcript, so the
 * prompt stays flat as a conversation grows (docs/llm.md §1.2).
 * - `draft`: the current draft (no ids of accounts, no tokens).
 * - `missing`: fields still needed, in asking order.
 * - `last_question`: the field the bot asked for last, so a bare answer can be placed.
 * - `recent`: the last few lines (at most `RECENT_LINES`), oldest first.
 * - `message`: the new user message.
 */
export interface TurnInput {
  draft: AdDraft;
  status: string;
  missing: DraftField[];
  last_question: DraftField | null;
  recent: TranscriptLine[];
  message: string;
}

/** How many earlier lines a prompt carries. */
export const RECENT_LINES = 4;

/**
 * The model port. `gemini` (`@google/genai`) and `offline` (deterministic, no key) implement it.
 * @throws ModelError when no valid turn could be had (after the corrective retry and backoff).
 */
export interface TurnModel {
  readonly name: string;
  propose(input: TurnInput): Promise<Proposal>;
}

/** Why a model turn failed; the {@link ModelError}'s code is `model_<kind>`. */
export type ModelErrorKind = 'invalid_output' | 'unavailable' | 'refused' | 'config';

/**
 * A model failure the user should hear about; the draft is left as it was. `message` is shown
 * as it is: user-safe, it says that the draft is unchanged and what to do.
 * `kind`: `invalid_output` (malformed or schema-invalid JSON twice), `unavailable` (429/5xx
 * after backoff, network), `refused` (safety block), `config` (bad key, unknown model).
 */
export class ModelError extends BotError {
  override readonly name = 'ModelError';
  declare readonly code: `model_${ModelErrorKind}`;
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`model_${kind}`, message, options);
  }
}
