import type { AppliedUpdates } from '../../../src/engine/apply-updates';
import { keepChanges } from '../../../src/engine/turn/keep-changes';
import { COMPLETE_DRAFT, REQUESTER, stateOf, TEAMMATE } from '../../support/thread-states';

function applied(overrides: Partial<AppliedUpdates>): AppliedUpdates {
  return { draft: COMPLETE_DRAFT, changed: [], violations: [], notes: [], ...overrides };
}

const APPROVAL = { user: TEAMMATE, hash: 'h1', at: '2026-12-07T10:00:00.000Z' };

describe('keepChanges', () => {
  it('nothing changed: the state stays as it was', () => {
    const state = stateOf({ revision: 2 });
    expect(keepChanges(state, applied({}), REQUESTER)).toEqual({
      editedAfterReady: false,
      blocks: [],
    });
    expect(state.revision).toBe(2);
    expect(state.draft).toEqual({});
  });

  it('a change while collecting: the new draft, one more revision, approvals untouched', () => {
    const state = stateOf({ revision: 2 });
    const result = keepChanges(state, applied({ changed: ['budget'] }), TEAMMATE);
    expect(result.editedAfterReady).toBe(false);
    expect(state.draft).toEqual(COMPLETE_DRAFT);
    expect(state.revision).toBe(3);
    expect(state.status).toBe('collecting');
  });

  it('an edit of an approved card: approvals dropped, said, back to collecting', () => {
    const state = stateOf({ status: 'awaiting_approval', approvals: [APPROVAL] } as never);
    const result = keepChanges(state, applied({ changed: ['ad_text'] }), TEAMMATE);
    expect(result.editedAfterReady).toBe(true);
    expect(result.blocks).toEqual([
      {
        type: 'text',
        tone: 'warning',
        text: 'The draft changed, so earlier approvals were dropped.',
      },
    ]);
    expect(state.approvals).toEqual([]);
    expect(state.status).toBe('collecting');
  });

  it('an edit of a failed draft with no approvals: back to collecting, nothing said', () => {
    const state = stateOf({ status: 'failed' });
    const result = keepChanges(state, applied({ changed: ['budget'] }), REQUESTER);
    expect(result).toEqual({ editedAfterReady: true, blocks: [] });
    expect(state.status).toBe('collecting');
  });

  it('a chosen track closes the music list, even before anything else changes', () => {
    const state = stateOf({ music_listed: true, music_list_wanted: true });
    keepChanges(state, applied({ changed: ['music'] }), REQUESTER);
    expect(state.music_listed).toBeUndefined();
    expect(state.music_list_wanted).toBeUndefined();
  });
});
