import type { Message, MessageReaction, User } from 'discord.js';
import {
  chatUserOf,
  interactionEventId,
  messageEventId,
  messageEventOf,
  reactionEventOf,
} from '../../../adapters/discord/events';

const THREAD = 'discord:G1:C1:T1';
const user = (over: { globalName?: string | null; bot?: boolean } = {}) =>
  ({ id: 'U1', username: 'rita_k', globalName: 'Rita', bot: false, ...over }) as unknown as User;

describe('Discord events to engine events', () => {
  it('names a user as the guild shows them: nickname, else display name, else username', () => {
    expect(chatUserOf(user(), { displayName: 'Rita (Marketing)' } as never)).toEqual({
      id: 'U1',
      name: 'Rita (Marketing)',
      is_bot: false,
    });
    expect(chatUserOf(user())).toEqual({ id: 'U1', name: 'Rita', is_bot: false });
    expect(chatUserOf(user({ globalName: null }))).toEqual({
      id: 'U1',
      name: 'rita_k',
      is_bot: false,
    });
    expect(chatUserOf(user({ bot: true })).is_bot).toBe(true);
  });

  it('keys interactions and messages by their Discord ids, the same on every redelivery', () => {
    expect(interactionEventId('111')).toBe('discord:interaction:111');
    expect(messageEventId('222')).toBe('discord:message:222');
  });

  it('a message in a bot thread becomes a message event of that thread, files only when attached', () => {
    const message = {
      id: '222',
      content: 'budget 80',
      author: user(),
      member: null,
    } as unknown as Message;
    const event = messageEventOf(message, THREAD);
    expect(event).toEqual({
      event_id: 'discord:message:222',
      thread_id: THREAD,
      platform: 'discord',
      workspace_id: 'G1',
      channel_id: 'C1',
      user: { id: 'U1', name: 'Rita', is_bot: false },
      type: 'message',
      text: 'budget 80',
      thread_started: true,
    });
    const files = [{ name: 'a.png', data: Buffer.from('x') }];
    expect(messageEventOf(message, THREAD, files)).toMatchObject({ files });
  });

  it("a reaction carries the emoji character (or a custom emoji's name) and the card", () => {
    const reaction = { emoji: { name: '✅', id: null } } as unknown as MessageReaction;
    expect(
      reactionEventOf(reaction, user(), true, THREAD, 'discord:reaction:x', 'approval:1:abc:1'),
    ).toMatchObject({
      type: 'reaction',
      emoji: '✅',
      added: true,
      event_id: 'discord:reaction:x',
      card_key: 'approval:1:abc:1',
    });
    const custom = { emoji: { name: null, id: '999' } } as unknown as MessageReaction;
    expect(reactionEventOf(custom, user(), false, THREAD, 'e')).toMatchObject({
      emoji: '999',
      added: false,
    });
  });
});
