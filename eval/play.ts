import { randomUUID } from 'node:crypto';
import { parseLine } from '../adapters/console/commands';
import { loadConfig } from '../src/app/config';
import { engineSettingsFrom } from '../src/app/engine-settings';
import { StaticAccessResolver } from '../src/engine/access';
import type { ChatUser } from '../src/engine/chat-event';
import { ConversationEngine } from '../src/engine/engine';
import type { Reply } from '../src/engine/reply';
import type { EngineSettings } from '../src/engine/settings';
import type { ThreadState } from '../src/engine/thread-state';
import { silentLogger } from '../src/logging/logger';
import type { TurnModel } from '../src/model/proposal';
import { Keys } from '../src/store/keys';
import { InMemoryStateStore } from '../src/store/memory-state-store';
import { TikTokClient } from '../src/tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
} from '../src/tiktok/emulator';
import { compareDraft, type Dialogue, type FieldResult, misassigned } from './corpus';

/** The policy the corpus is written for: the shipped defaults (daily budget 20..1000, default 50 USD). */
export const EVAL_SETTINGS: EngineSettings = {
  ...engineSettingsFrom(loadConfig({}), 'console'),
  draft_ttl_ms: 60 * 60 * 1000,
  identity: { display_name: 'Eval Brand' },
};

/** How one dialogue went. */
export interface DialogueResult {
  id: string;
  style: string;
  passed: boolean;
  /** User messages until the draft was first complete (ready for approval); `null`: never. */
  messagesToReady: number | null;
  /** Fields of the final draft that differ from what the dialogue expects. */
  fields: FieldResult[];
  /** Turns that changed the draft but did not start with a "Got it: …" line. */
  silentChanges: number;
  /**
   * Text values (campaign name, ad text, landing page) the draft held at any point that the
   * user never typed: a changed word or a merged field, even when a later line fixed it.
   */
  untypedValues: string[];
  /**
   * Values the card held at any turn that the script never meant (`field=value`, see
   * {@link misassigned}): each one was placed without a question.
   */
  misassigned: string[];
  /** The conversation, for reading a failure: user lines and the bot's text. */
  transcript: string[];
}

/** The figures `npm run eval` prints. */
export interface EvalReport {
  model: string;
  dialogues: number;
  passed: number;
  /** Fields holding a value other than the expected one (a typed value changed or misplaced). */
  valueMismatches: number;
  /** Fields left empty. */
  missingValues: number;
  /** Median and 90th percentile of user messages to a ready draft (never ready = Infinity). */
  medianToReady: number;
  p90ToReady: number;
  /** One-message requests that name media: how many, and how many were ready after that message. */
  oneMessageRequests: number;
  oneMessageReady: number;
  silentChanges: number;
  /** Sum of {@link DialogueResult.untypedValues} over the corpus. */
  untypedValues: number;
  /** Sum of {@link DialogueResult.misassigned} over the corpus (target 0). */
  silentMisassignments: number;
  results: DialogueResult[];
}

/**
 * A dialogue whose single message is a whole request naming its media (the all-in-one request a
 * marketer types).
 */
export function isOneMessageRequest(dialogue: Dialogue): boolean {
  return (
    dialogue.user.length === 1 &&
    /\b(?:img|vid|image|video)_[a-z0-9_-]+/i.test(dialogue.user[0] ?? '')
  );
}

/** Percentile `p` (0..100) of `values` (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}

/**
 * Plays every dialogue through the real engine (ConversationEngine with an in-memory store)
 * against a TikTok emulator on a local port, with `model` proposing the turns: the first line
 * as a `start` event (the slash command), the others as messages. Returns the figures.
 */
export async function playCorpus(model: TurnModel, dialogues: Dialogue[]): Promise<EvalReport> {
  const emulator = createTikTokEmulator();
  const baseUrl = await emulator.listen(0);
  const store = new InMemoryStateStore();
  const keys = new Keys(`eval:${randomUUID()}:`);
  const engine = new ConversationEngine({
    store,
    keys,
    model,
    ads: new TikTokClient({ baseUrl, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }),
    access: new StaticAccessResolver({
      access_token: EMULATOR_ACCESS_TOKEN,
      advertiser_id: EMULATOR_ADVERTISER_ID,
    }),
    settings: EVAL_SETTINGS,
    logger: silentLogger(),
  });
  const results: DialogueResult[] = [];
  try {
    for (const dialogue of dialogues) results.push(await playOne(engine, store, keys, dialogue));
  } finally {
    await store.close();
    await emulator.close();
  }
  const toReady = results.map((r) => r.messagesToReady ?? Number.POSITIVE_INFINITY);
  const oneMessage = dialogues.filter(isOneMessageRequest).map((d) => d.id);
  return {
    model: model.name,
    dialogues: results.length,
    passed: results.filter((r) => r.passed).length,
    valueMismatches: results.flatMap((r) => r.fields).filter((f) => f.kind === 'mismatch').length,
    missingValues: results.flatMap((r) => r.fields).filter((f) => f.kind === 'missing').length,
    medianToReady: percentile(toReady, 50),
    p90ToReady: percentile(toReady, 90),
    oneMessageRequests: oneMessage.length,
    oneMessageReady: results.filter((r) => oneMessage.includes(r.id) && r.messagesToReady === 1)
      .length,
    silentChanges: results.reduce((n, r) => n + r.silentChanges, 0),
    untypedValues: results.reduce((n, r) => n + r.untypedValues.length, 0),
    silentMisassignments: results.reduce((n, r) => n + r.misassigned.length, 0),
    results,
  };
}

async function playOne(
  engine: ConversationEngine,
  store: InMemoryStateStore,
  keys: Keys,
  dialogue: Dialogue,
): Promise<DialogueResult> {
  const thread_id = `console:local:eval-${dialogue.id}-${randomUUID()}` as const;
  const user: ChatUser = { id: 'U_EVAL', name: 'marketer' };
  const transcript: string[] = [];
  let messagesToReady: number | null = null;
  let silentChanges = 0;
  let revision = 0;
  let state: ThreadState | null = null;
  const untypedValues: string[] = [];
  const wrong: string[] = [];
  for (const [i, text] of dialogue.user.entries()) {
    const base = {
      event_id: randomUUID(),
      thread_id,
      platform: 'console' as const,
      workspace_id: 'local',
      channel_id: 'local',
      user,
    };
    // A line such as "/reset" is the terminal's command: the action, as `npm start` sends it.
    const line = parseLine(text);
    const replies: Reply[] = await engine.handle(
      line.kind === 'action'
        ? { ...base, type: 'action', action_id: line.action_id }
        : i === 0
          ? { ...base, type: 'start', text }
          : { ...base, type: 'message', text },
    );
    transcript.push(`> ${text}`, ...replies.flatMap(replyLines));
    state = await store.get<ThreadState>(keys.thread(thread_id));
    if (state && state.revision > revision) {
      const first = replies[0]?.blocks[0];
      if (!(first?.type === 'text' && first.text.startsWith('Got it: '))) silentChanges++;
      revision = state.revision;
    }
    if (messagesToReady === null && state?.status === 'awaiting_approval') messagesToReady = i + 1;
    for (const value of untyped(state, dialogue.user.slice(0, i + 1).join('\n')))
      if (!untypedValues.includes(value)) untypedValues.push(value);
    for (const value of misassigned(state?.draft ?? {}, dialogue))
      if (!wrong.includes(value)) wrong.push(value);
  }
  const fields = compareDraft(state?.draft ?? {}, dialogue.expect);
  return {
    id: dialogue.id,
    style: dialogue.style,
    passed: fields.length === 0 && state?.status === 'awaiting_approval',
    messagesToReady,
    fields,
    silentChanges,
    untypedValues,
    misassigned: wrong,
    transcript,
  };
}

/** The draft's text values that do not appear, as they are, in what the user typed so far. */
function untyped(state: ThreadState | null, typed: string): string[] {
  const draft = state?.draft;
  if (!draft) return [];
  const url = draft.landing_page_url?.replace(/^https:\/\/(?!.*https:\/\/)/, '');
  const values = [
    ['campaign_name', draft.campaign_name],
    ['ad_text', draft.ad_text],
    [
      'landing_page_url',
      draft.landing_page_url && !typed.includes(draft.landing_page_url) ? url : undefined,
    ],
  ] as const;
  return values
    .filter(([, v]) => v !== undefined && !typed.includes(v))
    .map(([field, v]) => `${field}=${JSON.stringify(v)}`);
}

function replyLines(reply: Reply): string[] {
  return reply.blocks.map((block) => {
    switch (block.type) {
      case 'text':
      case 'question':
        return `  ${block.text}`;
      case 'violations':
        return `  ✗ ${block.violations.map((v) => v.message).join(' / ')}`;
      default:
        return `  [${block.type}]`;
    }
  });
}
