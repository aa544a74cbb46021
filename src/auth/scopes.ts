/**
 * TikTok Marketing API permission scopes this bot needs, by numeric id. Scopes are
 * hierarchical: a granted parent grants its children (`2` ⊃ `20` ⊃ `201`), and the ids encode it
 * as decimal prefixes. Source: docs/tiktok-api.md §2.5 (TikTok "Permission scopes"; the
 * ids are UNCONFIRMED there).
 */
export const REQUIRED_SCOPES: Readonly<Record<number, string>> = {
  201: 'create campaigns',
  211: 'create ad groups',
  221: 'create ads',
  600: 'read images',
  601: 'upload images',
  610: 'read videos',
  611: 'upload videos',
  630: 'read music',
  631: 'upload music',
};

/** Whether `scope` is granted by `granted`, directly or through a parent scope. */
export function hasScope(granted: readonly number[], scope: number): boolean {
  const text = String(scope);
  return granted.some((g) => text.startsWith(String(g)));
}

/** The required scopes `granted` lacks, as `{id, name}` (empty when all are there). */
export function missingScopes(granted: readonly number[]): { id: number; name: string }[] {
  return Object.entries(REQUIRED_SCOPES)
    .map(([id, name]) => ({ id: Number(id), name }))
    .filter(({ id }) => !hasScope(granted, id));
}
