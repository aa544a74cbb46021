import {
  actionEvent,
  messageEvent,
  reactionEvent,
  slackThreadId,
  startEvent,
  startEventId,
  threadRootOf,
} from '../../../adapters/slack/events';

describe('Slack payloads to engine events', () => {
  it('names threads by team, channel and thread_ts', () => {
    expect(slackThreadId('T1', 'C1', '1700000000.000100')).toBe('slack:T1:C1:1700000000.000100');
  });

  it('a slash command starts a draft with the words as typed, keyed by trigger_id', () => {
    const event = startEvent(
      {
        team_id: 'T1',
        channel_id: 'C1',
        user_id: 'U1',
        user_name: 'rita',
        text: 'Spring &amp; <https://a.com|a.com>',
        trigger_id: 'tr.1',
      },
      '1700000000.000100',
    );
    expect(event).toEqual({
      type: 'start',
      event_id: startEventId('tr.1'),
      thread_id: 'slack:T1:C1:1700000000.000100',
      platform: 'slack',
      workspace_id: 'T1',
      channel_id: 'C1',
      user: { id: 'U1', name: 'rita' },
      text: 'Spring & https://a.com',
    });
    expect(startEventId('tr.1')).toBe('slack:command:tr.1');
  });

  it('threadRootOf takes only human replies in a thread', () => {
    const reply = { channel: 'C1', user: 'U1', ts: '2.0', thread_ts: '1.0' };
    expect(threadRootOf(reply, 'UBOT')).toBe('1.0');
    expect(threadRootOf({ ...reply, subtype: 'file_share' }, 'UBOT')).toBe('1.0');
    expect(threadRootOf({ ...reply, subtype: 'message_changed' }, 'UBOT')).toBeNull();
    expect(threadRootOf({ ...reply, bot_id: 'B1' }, 'UBOT')).toBeNull();
    expect(threadRootOf({ ...reply, user: 'UBOT' }, 'UBOT')).toBeNull();
    expect(threadRootOf({ ...reply, thread_ts: '2.0' }, 'UBOT')).toBeNull();
    expect(threadRootOf({ channel: 'C1', user: 'U1', ts: '2.0' }, 'UBOT')).toBeNull();
  });

  it('a reply becomes a message in a thread the bot started, without the bot mention', () => {
    const event = messageEvent(
      'T1',
      { channel: 'C1', user: 'U1', ts: '2.0', text: '<@UBOT> budget 80' },
      '1.0',
      'UBOT',
    );
    expect(event).toMatchObject({
      type: 'message',
      event_id: 'slack:message:T1:C1:2.0',
      thread_id: 'slack:T1:C1:1.0',
      text: 'budget 80',
      thread_started: true,
    });
    expect(event).not.toHaveProperty('files');
  });

  it('a reaction keeps the emoji name without its skin tone, and the card it was on', () => {
    const event = reactionEvent(
      'Ev1',
      'T1',
      {
        user: 'U2',
        reaction: '+1::skin-tone-2',
        item: { type: 'message', channel: 'C1', ts: '3.0' },
      },
      'slack:T1:C1:1.0',
      true,
      'UBOT',
      'approval:1:abc:1',
    );
    expect(event).toMatchObject({
      type: 'reaction',
      event_id: 'slack:Ev1',
      emoji: '+1',
      added: true,
      card_key: 'approval:1:abc:1',
      user: { id: 'U2' },
    });
  });

  it('a click maps to its engine action with the menu picks as the value; other buttons are not actions', () => {
    const body = { team: { id: 'T1' }, user: { id: 'U2', username: 'tom' } };
    const pick = actionEvent(
      body,
      {
        action_id: 'tab:choose_media',
        action_ts: '9.9',
        selected_options: [{ value: 'img_1' }, { value: 'img_3' }],
      },
      'slack:T1:C1:1.0',
      'T1',
      'C1',
    );
    expect(pick).toMatchObject({
      type: 'action',
      action_id: 'choose_media',
      value: 'img_1,img_3',
      event_id: 'slack:action:T1:C1:9.9:U2',
      user: { id: 'U2', name: 'tom' },
    });
    const one = actionEvent(
      body,
      {
        action_id: 'tab:choose_advertiser:1',
        action_ts: '9.8',
        selected_option: { value: '7001' },
      },
      'slack:T1:C1:1.0',
      'T1',
      'C1',
      'k',
    );
    expect(one).toMatchObject({ action_id: 'choose_advertiser', value: '7001', card_key: 'k' });
    expect(
      actionEvent(
        body,
        { action_id: 'tab:open_link', action_ts: '1' },
        'slack:T1:C1:1.0',
        'T1',
        'C1',
      ),
    ).toBeNull();
  });
});
