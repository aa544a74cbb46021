import type { AdDraft, DraftField } from '../../../src/ad/draft';
import { understand } from '../../../src/model/offline';
import type { Turn } from '../../../src/model/turn';

/** One offline turn for `message`, with the open question and the draft given (no history). */
export function offlineTurn(
  message: string,
  last_question: DraftField | null = null,
  draft: AdDraft = {},
): Turn {
  return understand({
    draft,
    status: 'collecting',
    missing: [],
    last_question,
    recent: [],
    message,
  });
}
