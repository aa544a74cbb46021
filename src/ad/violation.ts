import type { DraftField } from './draft';

/**
 * A broken ad rule, as a value the reply shows.
 * - `field`: the draft field at fault.
 * - `rule`: a stable machine name, e.g. `campaign_name.length`, `music.required_for_conversions`.
 * - `message`: one sentence for the user, saying what to do.
 */
export interface Violation {
  field: DraftField;
  rule: string;
  message: string;
}
