// What the steps of a turn share: the turn's ports and event with where replies go (TurnIO),
// a turn's result (Outcome), and the text block helper every step uses.
import type { ChatEvent } from './chat-event';
import type { EngineDeps } from './deps';
import type { Block, Reply, SuggestedAction } from './reply';
import type { ThreadState } from './thread-state';

/** What a step of a turn can use: the engine's ports, the event, and where replies go. */
export interface TurnIO {
  deps: EngineDeps;
  event: ChatEvent;
  /** A reply to the thread. */
  say(...blocks: Block[]): Promise<void>;
  /** Any reply (e.g. a private one with `private_to`). */
  emit(reply: Reply): Promise<void>;
}

/** A text block. */
export function text(
  value: string,
  tone: 'info' | 'success' | 'warning' | 'error' = 'info',
  actions: SuggestedAction[] = [],
): Block {
  return actions.length > 0
    ? { type: 'text', text: value, tone, actions }
    : { type: 'text', text: value, tone };
}

/** A turn's result: what to save (or `null`: leave saved state as it was). */
export type Outcome = ThreadState | null;
