import type { ChatEngine } from '../../src/engine/ports';
import type { Logger } from '../../src/logging/logger';
import type { StateStore } from '../../src/store/state-store';
import type { TurnRunner } from '../shared/turn-runner';
import type { SlackDelivery } from './delivery';
import type { SlackKeys } from './keys';
import type { SlackOrganization } from './organization';
import type { TtlSet } from './ttl-set';
import type { SlackUserGroups } from './user-groups';

/**
 * Admission control, when the bot has it (`AdmissionControl` fits): a slash command's work (its
 * thread root and start turn) is admitted as a whole, and its ack says at once when it waits.
 */
export interface CommandAdmission {
  decide(key: string): 'now' | 'queue' | 'full';
  countRefused(): void;
  run<T>(
    key: string,
    work: () => Promise<T>,
    hooks?: { refused?: () => Promise<void> },
  ): Promise<T | undefined>;
}

/** What the Slack listeners share. */
export interface ListenerDeps {
  engine: ChatEngine;
  admission?: CommandAdmission | undefined;
  /** The adapter's own store: posted-message references (never the engine's keys). */
  store: StateStore;
  keys: SlackKeys;
  delivery: SlackDelivery;
  logger: Logger;
  /** The slash command, e.g. `/tiktok-ad`. */
  command: string;
  /** Set when `APPROVERS` names user groups: approvals learn the voter's groups from it. */
  groups?: SlackUserGroups | undefined;
  /** Tells a voter of another organization (Slack Connect) from the workspace's own people. */
  organization: SlackOrganization;
  /**
   * Takes work that goes on after the listener returned (an admitted slash command), so a
   * shutdown still waits for it (`WorkTracker.track`); it must handle the promise's rejection.
   */
  detach: (work: Promise<unknown>) => void;
}

/** What the listeners share at run time: the turn runner and threads known to be the bot's. */
export interface ListenerState {
  turns: TurnRunner;
  /**
   * Threads known to be the bot's (root reference or conversation found), remembered 10
   * minutes: a conversation's next messages skip that lookup.
   */
  knownThreads: TtlSet;
}
