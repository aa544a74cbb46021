/**
 * The engine's two ports, named once: {@link ChatEngine}, what an adapter (or admission control,
 * or metrics) calls to have an event handled; and {@link ChatAdapter}, what the composition root
 * starts, stops and delivers replies through for each chat platform.
 *
 * It also re-exports the vocabulary adapters translate to and from (events, replies and their
 * blocks, thread ids, the ad fields they render), so an adapter imports from this file alone
 * among the engine's modules; the boundary test (`test/architecture.test.ts`) holds them to it.
 */
import type { ChatEvent, ChatUser } from './chat-event';
import type { Reply, ReplySink } from './reply';
import type { Platform, ThreadId } from './thread-id';

export { ctaLabel } from '../ad/call-to-action';
export type { AdDraft, ObjectiveType } from '../ad/draft';
export { landingPageDisplay } from '../ad/landing-page';
export { OBJECTIVE_LABELS } from '../ad/objective';
export {
  type ActionId,
  type ChatEvent,
  type ChatEventPayload,
  type ChatFile,
  type ChatUser,
  isActionId,
} from './chat-event';
export { reactionMeaning } from './emoji';
export { describeItem, type LibraryItem } from './media/library';
export type { Block, Reply, ReplySink, SuggestedAction } from './reply';
export { STORAGE_DOWN_START_TEXT, STORE_FAILED_TEXT, THREAD_BUSY_TEXT } from './store-texts';
export {
  type Platform,
  parseThreadId,
  type ThreadId,
  type ThreadRef,
  threadIdOf,
} from './thread-id';

/** Options of {@link ChatEngine.handle}. */
export interface HandleOptions {
  /** The caller already claimed the event with {@link ChatEngine.claim}. */
  claimed?: boolean;
  /**
   * Return once the turn is saved, while its replies are still being delivered: the delivery
   * (a promise that never rejects) is handed to this function instead, e.g. a work tracker so
   * a shutdown waits for it. A caller that runs one turn per thread at a time is then not held
   * by slow posts. Default: return once the replies are delivered.
   */
  detachDelivery?: (delivering: Promise<void>) => void;
  /**
   * Behind admission control: the caller already holds a place (it runs inside
   * `AdmissionControl.run`), so the turn starts at once. The engine itself ignores it.
   */
  admitted?: boolean;
}

/**
 * A health answer for `/readyz`: `ok`, and when not, a short reason (`error`) safe to show an
 * operator; `note` says something worth knowing when ok.
 */
export interface Readiness {
  ok: boolean;
  error?: string;
  note?: string;
}

/**
 * What identifies a delivery for its claim: the event's id, and its sender when known (a bot's
 * own events are never claimed). A whole {@link ChatEvent} fits; a slash command whose thread
 * does not exist yet passes just these.
 */
export type Claimable = Pick<ChatEvent, 'event_id'> & { user?: Pick<ChatUser, 'is_bot'> };

/**
 * The engine's entry point. `ConversationEngine` implements it, and so do the layers in front of
 * it (admission control, metrics), so an adapter cannot tell them apart.
 *
 * The claim is the one place that decides whether a delivery was seen before: a platform's retry
 * or redelivery carries the same `event_id` and finds the claim taken.
 */
export interface ChatEngine {
  /**
   * Claims a delivery once (kept two hours, longer than any platform retries): true when this
   * call took it, false for a repeat or a bot's own event. A caller that claims first (to drop a
   * repeat before it posts or acknowledges anything) passes `{claimed: true}` to {@link handle}.
   * @throws StoreUnavailableError when the store does not answer.
   */
  claim(event: Claimable): Promise<boolean>;
  /**
   * Forgets the claim of `event_id`, so the same id counts again: for a toggle the user undid
   * (a reaction removed, then added again, which Discord delivers under the same natural id).
   * @throws StoreUnavailableError when the store does not answer.
   */
  release(event_id: string): Promise<void>;
  /**
   * Handles one event (claimed here unless `options.claimed`); replies go to `sink` as they are
   * saved, and are returned once delivered. A repeat returns `[]` and does nothing.
   * @throws LockTimeoutError when the thread stays busy longer than the lock wait.
   */
  handle(event: ChatEvent, sink?: ReplySink, options?: HandleOptions): Promise<Reply[]>;
  /**
   * Whether the engine holds a conversation in `thread_id` (its state is saved): an adapter asks
   * before it hands over a message in a thread it cannot tell is the bot's.
   * @throws StoreUnavailableError when the store does not answer.
   */
  hasConversation(thread_id: ThreadId): Promise<boolean>;
  /** Whether the engine can take turns now (its store answers). */
  readiness(): Promise<Readiness>;
}

/**
 * One chat platform's adapter, as the composition root drives it: start, stop taking events,
 * stop, say whether it is ready, and deliver replies that answer no event of its own (a thread
 * resumed after an account link, or after a restart).
 */
export interface ChatAdapter {
  /** The platform it serves (also the name of its `/readyz` check). */
  readonly name: Platform;
  /**
   * Connects (a gateway, Socket Mode) and resolves once events can arrive. HTTP adapters have
   * nothing to connect and resolve at once.
   */
  start(): Promise<void>;
  /**
   * Stops taking new events while work in flight still delivers its replies (at shutdown,
   * before the drain). Idempotent.
   */
  stopIntake(): Promise<void>;
  /** Closes every connection. */
  stop(): Promise<void>;
  /** Whether the platform accepted the bot (token valid, gateway session ready). */
  readiness(): Readiness;
  /**
   * Sends a reply to its thread from the thread id alone: the sink the engine's courier and a
   * resumed thread deliver through. Rejects only when a later try could succeed (the reply then
   * stays in the thread's outbox).
   */
  readonly sink: ReplySink;
}
