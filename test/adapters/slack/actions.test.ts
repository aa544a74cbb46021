import {
  ACTION_PATTERN,
  engineActionOf,
  OPEN_LINK_ACTION,
  slackActionId,
} from '../../../adapters/slack/actions';

describe('Slack action ids', () => {
  it('prefixes engine actions and numbers repeated buttons', () => {
    expect(slackActionId('approve')).toBe('tab:approve');
    expect(slackActionId('choose_advertiser', 2)).toBe('tab:choose_advertiser:2');
  });

  it('maps action ids back to engine actions', () => {
    expect(engineActionOf('tab:approve')).toBe('approve');
    expect(engineActionOf('tab:choose_advertiser:2')).toBe('choose_advertiser');
    expect(engineActionOf(OPEN_LINK_ACTION)).toBeNull();
    expect(engineActionOf('approve')).toBeNull();
    expect(engineActionOf('tab:submit')).toBeNull();
  });

  it('matches exactly the ids this adapter renders', () => {
    for (const id of ['tab:approve', 'tab:choose_media:12', OPEN_LINK_ACTION])
      expect(ACTION_PATTERN.test(id)).toBe(true);
    for (const id of ['tab:Approve', 'x:approve', 'tab:approve:x', 'tab:'])
      expect(ACTION_PATTERN.test(id)).toBe(false);
  });
});
