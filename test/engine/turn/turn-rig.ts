// A turn's steps on fakes, to test one step of a turn alone: an in-memory store, a scripted
// model, no TikTok account unless given, and every reply recorded.
import type { LinkedAccount } from '../../../src/engine/access';
import type { ChatEvent } from '../../../src/engine/chat-event';
import type { EngineDeps } from '../../../src/engine/deps';
import type { Block, Reply } from '../../../src/engine/reply';
import type { EngineSettings } from '../../../src/engine/settings';
import { TurnContext, type TurnSteps } from '../../../src/engine/turn/context';
import { turnSteps } from '../../../src/engine/turn/thread-turn';
import { silentLogger } from '../../../src/logging/logger';
import { emptyUpdates, type Proposal, type TurnModel } from '../../../src/model/proposal';
import { Keys } from '../../../src/store/keys';
import { InMemoryStateStore } from '../../../src/store/memory-state-store';
import type { AdsApi } from '../../../src/tiktok/ads-api';
import { testSettings } from '../../support/harness';
import { REQUESTER, stateOf } from '../../support/thread-states';

export const NOW = new Date('2026-12-07T15:20:00Z');

/** A message event in the fixture thread (`stateOf()`'s), from the requester. */
export function messageEvent(text: string, extra: Partial<ChatEvent> = {}): ChatEvent {
  const thread = stateOf();
  return {
    type: 'message',
    text,
    event_id: 'ev-1',
    thread_id: thread.thread_id,
    platform: thread.platform,
    workspace_id: thread.workspace_id,
    channel_id: thread.channel_id,
    user: REQUESTER,
    ...extra,
  } as ChatEvent;
}

/** A proposal of `intent` with `updates` over empty ones. */
export function proposalOf(
  intent: Proposal['intent'],
  updates: Partial<Proposal['updates']> = {},
  extra: Partial<Proposal> = {},
): Proposal {
  return { message: '', intent, updates: { ...emptyUpdates(), ...updates }, ...extra };
}

/** A model that proposes `proposal`, or throws it when it is an Error; records its inputs. */
export function scriptedModel(proposal: Proposal | Error): TurnModel & { inputs: unknown[] } {
  const inputs: unknown[] = [];
  return {
    name: 'scripted',
    inputs,
    async propose(input) {
      inputs.push(input);
      if (proposal instanceof Error) throw proposal;
      return proposal;
    },
  };
}

export interface RigOptions {
  event?: ChatEvent;
  model?: TurnModel;
  settings?: Partial<EngineSettings>;
  /** The requester's linked account (default: none). */
  account?: LinkedAccount | null;
  ads?: AdsApi;
}

/** One turn's steps on fakes, with every reply it emits. */
export interface Rig {
  steps: TurnSteps;
  ctx: TurnContext;
  replies: Reply[];
  /** Every block of every reply, in order. */
  blocks(): Block[];
  /** The text of every text block, one per line. */
  said(): string;
}

export function turnRig(options: RigOptions = {}): Rig {
  const replies: Reply[] = [];
  const deps: EngineDeps = {
    store: new InMemoryStateStore(),
    keys: new Keys('test:turn-rig:'),
    model: options.model ?? scriptedModel(proposalOf('chat')),
    ads: options.ads ?? ({} as AdsApi),
    access: { resolve: async () => options.account ?? null },
    settings: testSettings(options.settings),
    logger: silentLogger(),
  };
  const ctx = new TurnContext(
    deps,
    options.event ?? messageEvent('hi'),
    async (reply) => {
      replies.push(reply);
    },
    () => NOW,
    async () => {},
  );
  const steps = turnSteps(ctx);
  const blocks = () => replies.flatMap((reply) => reply.blocks);
  const said = () =>
    blocks()
      .map((block) => ('text' in block ? block.text : `[${block.type}]`))
      .join('\n');
  return { steps, ctx, replies, blocks, said };
}
