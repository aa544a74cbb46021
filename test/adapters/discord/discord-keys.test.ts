import { DiscordKeys } from '../../../adapters/discord/discord-keys';
import { Keys } from '../../../src/store/keys';

describe('DiscordKeys', () => {
  const keys = new DiscordKeys(new Keys('p:'));

  it("lives under the engine's prefix", () => {
    expect(keys.ownedThread('123')).toBe('p:discord:thread:123');
  });

  it("keys a reply message in the thread's hash slot", () => {
    expect(keys.replyMessage('discord:G:C:T', 'approval:1:abc:1')).toBe(
      'p:discord:reply:{discord:G:C:T}:approval:1:abc:1',
    );
  });

  it('keys an approval card by its message through the shared message reference', () => {
    expect(keys.approvalCard('999')).toBe(new Keys('p:').messageRef('discord:999'));
    expect(keys.approvalCard('999')).toContain('discord:999');
  });
});
