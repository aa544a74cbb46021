import { NOT_APPROVAL_TEXT, reactionMeaning } from '../../src/engine/emoji';

describe('reactionMeaning', () => {
  it.each([
    ['white_check_mark', 'approve'],
    [':white_check_mark:', 'approve'],
    ['✅', 'approve'],
    ['x', 'reject'],
    ['❌', 'reject'],
    ['negative_squared_cross_mark', 'reject'],
    ['heavy_check_mark', 'not_approval'],
    ['✔️', 'not_approval'],
    ['ballot_box_with_check', 'not_approval'],
    ['☑️', 'not_approval'],
    ['tada', null],
    ['', null],
  ])('%s means %s', (emoji, meaning) => {
    expect(reactionMeaning(emoji)).toBe(meaning);
  });

  it('ignores a Slack skin-tone suffix', () => {
    expect(reactionMeaning('white_check_mark::skin-tone-3')).toBe('approve');
    expect(reactionMeaning('heavy_check_mark::skin-tone-5')).toBe('not_approval');
  });

  it('tells a look-alike reactor which emoji approves', () => {
    expect(NOT_APPROVAL_TEXT).toContain('Only ✅');
    expect(NOT_APPROVAL_TEXT).toContain('✔️ do not count');
  });
});
