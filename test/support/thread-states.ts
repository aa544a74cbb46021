import type { AdDraft } from '../../src/ad/draft';
import type { ChatUser } from '../../src/engine/chat-event';
import type { ThreadState } from '../../src/engine/thread-state';

/** The requester of every fixture thread. */
export const REQUESTER: ChatUser = { id: 'U_REQ', name: 'Rita' };
/** A teammate who did not touch the draft. */
export const TEAMMATE: ChatUser = { id: 'U_MATE', name: 'Tom' };

/** A complete Traffic draft with no music: one video with its cover image, everything TikTok needs. */
export const COMPLETE_DRAFT: AdDraft = {
  campaign_name: 'Spring Shoes',
  objective_type: 'TRAFFIC',
  ad_text: 'Fresh kicks for spring',
  call_to_action: 'SHOP_NOW',
  music: { kind: 'none' },
  landing_page_url: 'https://shoes.example.com/spring',
  budget: 50,
  video_id: 'v10',
  image_ids: ['cover1'],
};

/** A thread state on Slack (collecting, empty draft unless overridden). */
export function stateOf(overrides: Partial<ThreadState> = {}): ThreadState {
  return {
    schema: 1,
    thread_id: 'slack:T1:C1:1700000000.000100',
    draft_id: 'draft-1',
    platform: 'slack',
    workspace_id: 'T1',
    channel_id: 'C1',
    requester: REQUESTER,
    status: 'collecting',
    draft: {},
    revision: 0,
    approvals: [],
    last_question: null,
    recent: [],
    created_at: '2026-12-07T10:00:00.000Z',
    updated_at: '2026-12-07T10:00:00.000Z',
    ...overrides,
  };
}
