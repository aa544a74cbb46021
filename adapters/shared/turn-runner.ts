import type {
  ChatEngine,
  ChatEvent,
  HandleOptions,
  Reply,
  ReplySink,
} from '../../src/engine/ports';
import { STORE_FAILED_TEXT } from '../../src/engine/ports';
import type { Logger } from '../../src/logging/logger';

/** How a platform logs a failed turn and what it tells the thread then. */
export interface TurnFailurePolicy {
  /** Logs the failure the platform's way (its refusals are warnings, with their code only). */
  log(error: unknown, event: ChatEvent): void;
  /** The apology said in the thread for `error`. */
  apology(error: unknown): string;
}

/** Where one turn's replies go: `sink` for the engine's replies, `say` for the apology. */
export interface TurnChannel {
  sink: ReplySink;
  say: (reply: Reply) => Promise<void>;
}

/**
 * Runs turns on the engine for an adapter, and apologises once in the thread when a turn fails:
 * the failure is logged by the platform's policy, and a failed apology is logged, never thrown,
 * so a platform event handler always returns.
 */
export class TurnRunner {
  constructor(
    private readonly engine: ChatEngine,
    private readonly policy: TurnFailurePolicy,
    private readonly logger: Logger,
  ) {}

  /** Hands `event` to the engine; on failure, logs it and says the policy's apology once. */
  async run(event: ChatEvent, channel: TurnChannel, options: HandleOptions = {}): Promise<void> {
    try {
      await this.engine.handle(event, channel.sink, options);
    } catch (error) {
      this.policy.log(error, event);
      await channel
        .say(errorReply(event.thread_id, this.policy.apology(error)))
        .catch((e: unknown) =>
          this.logger.warn({ err: e }, 'could not tell the thread about a failure'),
        );
    }
  }
}

/** A reply of one error-toned line in thread `thread_id`. */
export function errorReply(thread_id: string, text: string): Reply {
  return { thread_id, blocks: [{ type: 'text', text, tone: 'error' }] };
}

/**
 * What a thread is told when the store fails before a turn could even start (the engine then
 * never saw the event): the engine's own words for a failed save.
 */
export function storeDownReply(thread_id: string): Reply {
  return errorReply(thread_id, STORE_FAILED_TEXT);
}
