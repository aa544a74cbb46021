/** Where Node's built-in fetch (Undici) registers its global dispatcher. */
const DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/**
 * Makes the real `@google/genai` SDK usable inside a Jest test file.
 *
 * Jest runs each test file in its own `vm` context. Node's built-in fetch registers its Undici
 * dispatcher on the main realm's `globalThis` under `Symbol.for('undici.globalDispatcher.1')`,
 * but `@google/genai` 2.32.0 (Node build) looks for it on the *current* `globalThis` for every
 * request and throws "Undici globalDispatcher is not available." inside the Jest context. This
 * copies the main realm's dispatcher into the test context. Test-only and idempotent;
 * production code runs in the main realm and never needs it.
 */
export function shareUndiciDispatcher(): void {
  const here = globalThis as Record<symbol, unknown>;
  if (here[DISPATCHER]) return;
  // `fetch` is the main realm's function, so its constructor evaluates in the main realm.
  const mainRealm = (fetch.constructor as FunctionConstructor)(
    'new Headers(); return globalThis;',
  )() as Record<symbol, unknown>;
  here[DISPATCHER] = mainRealm[DISPATCHER];
}
