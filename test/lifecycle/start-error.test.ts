import { BotError } from '../../src/errors/bot-error';
import { StartError } from '../../src/lifecycle/start-error';

describe('StartError', () => {
  it('is a BotError coded start_failed, with the operator message as given', () => {
    const error = new StartError('HTTP_PORT="3000": port 3000 on 127.0.0.1 is already in use');
    expect(error).toBeInstanceOf(BotError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StartError');
    expect(error.code).toBe('start_failed');
    expect(error.message).toBe('HTTP_PORT="3000": port 3000 on 127.0.0.1 is already in use');
  });

  it('keeps the cause when given', () => {
    const cause = new Error('listen EADDRINUSE');
    expect(new StartError('port taken', { cause }).cause).toBe(cause);
    expect(new StartError('no cause').cause).toBeUndefined();
  });
});
