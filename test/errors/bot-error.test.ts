import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/app/config';
import { TokenDecryptError } from '../../src/auth/token-cipher';
import { TurnLostError } from '../../src/engine/engine';
import { AmbiguousCampaignError } from '../../src/engine/submission/campaign-lookup';
import { ALL_ERROR_CODES, BotError, ERROR_CODES, hasCode } from '../../src/errors/bot-error';
import { StartError } from '../../src/lifecycle/start-error';
import { ModelError } from '../../src/model/proposal';
import { LockTimeoutError, StoreUnavailableError } from '../../src/store/state-store';
import { EmulatorError } from '../../src/tiktok/emulator/envelope';

describe('BotError', () => {
  it('carries its code, message and cause, and is an Error', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new BotError('redirect_loop', 'Too many redirects', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BotError');
    expect(error.code).toBe('redirect_loop');
    expect(error.message).toBe('Too many redirects');
    expect(error.cause).toBe(cause);
    expect(error.stack).toContain('Too many redirects');
  });

  it('has no cause unless one is given', () => {
    expect('cause' in new BotError('draft_incomplete', 'x')).toBe(false);
  });

  it('documents every code in one sentence or more', () => {
    expect(ALL_ERROR_CODES.length).toBeGreaterThan(20);
    for (const code of ALL_ERROR_CODES) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(ERROR_CODES[code].length).toBeGreaterThan(20);
    }
  });

  it('hasCode matches the code (or any of several), never a look-alike shape', () => {
    const error = new BotError('lock_timeout', 'held');
    expect(hasCode(error, 'lock_timeout')).toBe(true);
    expect(hasCode(error, 'turn_lost', 'lock_timeout')).toBe(true);
    expect(hasCode(error, 'turn_lost')).toBe(false);
    expect(hasCode({ code: 'lock_timeout', message: 'held' }, 'lock_timeout')).toBe(false);
    expect(hasCode(new Error('lock_timeout'), 'lock_timeout')).toBe(false);
  });
});

describe('the kinds beneath BotError', () => {
  const cause = new Error('underneath');
  const kinds: [BotError, string, string][] = [
    [new ConfigError('Invalid settings'), 'ConfigError', 'config_invalid'],
    [new StartError('port 3000 in use'), 'StartError', 'start_failed'],
    [new TokenDecryptError('no key 3'), 'TokenDecryptError', 'token_decrypt_failed'],
    [new TurnLostError('slack:T1:C1:1.2'), 'TurnLostError', 'turn_lost'],
    [
      new AmbiguousCampaignError('Spring', ['1', '2']),
      'AmbiguousCampaignError',
      'campaign_ambiguous',
    ],
    [new ModelError('refused', 'blocked'), 'ModelError', 'model_refused'],
    [new ModelError('unavailable', 'down', { cause }), 'ModelError', 'model_unavailable'],
    [new LockTimeoutError('lock:t', 5000), 'LockTimeoutError', 'lock_timeout'],
    [new StoreUnavailableError('get', { cause }), 'StoreUnavailableError', 'store_unavailable'],
    [new EmulatorError(40002, 'bad param'), 'EmulatorError', 'emulator_rejected'],
  ];

  it.each(kinds)('%s is a BotError named %s with code %s', (error, name, code) => {
    expect(error).toBeInstanceOf(BotError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(Object.keys(ERROR_CODES)).toContain(code);
  });

  it('keeps the fields each kind is read by', () => {
    const lost = new TurnLostError('slack:T1:C1:1.2');
    expect(lost.thread_id).toBe('slack:T1:C1:1.2');
    expect(lost.message).toContain('slack:T1:C1:1.2');
    const ambiguous = new AmbiguousCampaignError('Spring', ['11', '12']);
    expect(ambiguous.campaign_ids).toEqual(['11', '12']);
    expect(ambiguous.message).toContain('"Spring"');
    const model = new ModelError('invalid_output', 'twice');
    expect(model.kind).toBe('invalid_output');
    const lock = new LockTimeoutError('lock:t', 5000);
    expect([lock.key, lock.waitedMs]).toEqual(['lock:t', 5000]);
    expect(lock.message).toBe('Lock lock:t still held after 5000 ms');
    const store = new StoreUnavailableError('acquireLock', { cause });
    expect(store.operation).toBe('acquireLock');
    expect(store.cause).toBe(cause);
    expect(new EmulatorError(40050, 'dup').tiktok_code).toBe(40050);
  });
});

describe('the error room', () => {
  it('imports nothing, so every room can use it without a cycle', () => {
    const dir = join(__dirname, '../../src/errors');
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
    expect(files).toContain('bot-error.ts');
    const imports = files.flatMap((name) =>
      [...readFileSync(join(dir, name), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]),
    );
    expect(imports).toEqual([]);
  });
});
