import { z } from 'zod';
import { optionalString } from '../../src/settings/env-fields';

describe('optionalString', () => {
  const schema = z.object({ SLACK_BOT_TOKEN: optionalString });

  it('trims the value', () => {
    expect(schema.parse({ SLACK_BOT_TOKEN: '  xoxb-1  ' })).toEqual({ SLACK_BOT_TOKEN: 'xoxb-1' });
  });

  it('counts empty or blank as unset', () => {
    expect(schema.parse({ SLACK_BOT_TOKEN: '' }).SLACK_BOT_TOKEN).toBeUndefined();
    expect(schema.parse({ SLACK_BOT_TOKEN: '   ' }).SLACK_BOT_TOKEN).toBeUndefined();
    expect(schema.parse({}).SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('refuses a value that is not a string', () => {
    expect(schema.safeParse({ SLACK_BOT_TOKEN: 42 }).success).toBe(false);
  });
});
