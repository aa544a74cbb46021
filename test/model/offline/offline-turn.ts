import type { AdDraft, DraftField } from '../../../src/ad/draft';
import { understand } from '../../../src/model/offline/understand';
import type { Proposal } from '../../../src/model/proposal';

/** One offline turn for `message`, with the open question and the draft given (no history). */
export function offlineTurn(
  message: string,
  last_question: DraftField | null = null,
  draft: AdDraft = {},
): Proposal {
  return understand({
    draft,
    status: 'collecting',
    missing: [],
    last_question,
    recent: [],
    message,
  });
}
