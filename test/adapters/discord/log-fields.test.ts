import { DiscordAPIError } from 'discord.js';
import { loggableError } from '../../../adapters/discord/log-fields';

describe('loggableError', () => {
  it('keeps only name, code, status and method of a Discord API error: never the URL or body', () => {
    const error = new DiscordAPIError(
      { code: 10008, message: 'Unknown Message' },
      10008,
      404,
      'PATCH',
      'https://discord.com/api/v10/webhooks/1/SECRET_INTERACTION_TOKEN/messages/2',
      { body: { content: 'private words' } },
    );
    const logged = loggableError(error);
    expect(logged).toEqual({
      type: error.name,
      message: 'Unknown Message',
      code: 10008,
      status: 404,
      method: 'PATCH',
    });
    expect(JSON.stringify(logged)).not.toContain('SECRET_INTERACTION_TOKEN');
    expect(JSON.stringify(logged)).not.toContain('private words');
  });

  it('passes other errors through', () => {
    const plain = new Error('boom');
    expect(loggableError(plain)).toBe(plain);
  });
});
