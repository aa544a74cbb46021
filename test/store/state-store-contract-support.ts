import { setTimeout as sleep } from 'node:timers/promises';
import type { StateStore } from '../../src/store/state-store';

/** A store under test and how to remove what the test wrote. */
export interface StoreUnderTest {
  store: StateStore;
  /** Deletes every key under the prefix given to the factory and closes connections. */
  cleanup: () => Promise<void>;
}

/**
 * What each part of the contract reads: the store made for the current test (replaced before
 * each test) and a fresh key under the suite's random prefix.
 */
export interface ContractContext {
  store: StateStore;
  key: (label: string) => string;
}

/**
 * The TTL of values a test expects to find and then to see expire. The steps before expiry
 * (a read, a second claim, an extend) must fit in it even on a busy machine, so it is not a few
 * ms; waiting past it ({@link afterShortTtl}) is a lower bound, which load only lengthens.
 */
export const SHORT_TTL_MS = 500;
export const afterShortTtl = () => sleep(SHORT_TTL_MS + 200);
