import { z } from 'zod';

/**
 * An optional environment string: trimmed, and empty counts as unset (so `FOO=` in a `.env`
 * file or a compose file does not turn into an empty token). Shared by `src/app/config.ts` and the
 * adapters' settings schemas.
 */
export const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
