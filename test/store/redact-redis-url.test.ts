import { redactRedisUrl } from '../../src/store/redact-redis-url';

describe('redactRedisUrl', () => {
  it.each([
    ['redis://app:s3cret@cache:6379/2', 'redis://app:***@cache:6379/2'],
    ['rediss://:s3cret@cache.example.com:6380', 'rediss://:***@cache.example.com:6380'],
    ['redis://cache:6379?password=s3cret&db=1', 'redis://cache:6379?password=***&db=1'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['not a url s3cret', '<unparseable Redis URL>'],
    ['redis//:s3cret@cache:6379', 'redis//:***@cache:6379'],
    ['redis//cache:6379?password=s3cret', 'redis//cache:6379?password=***'],
  ])('%s → %s', (url, expected) => {
    const redacted = redactRedisUrl(url);
    expect(decodeURIComponent(redacted)).toBe(expected);
    expect(redacted).not.toContain('s3cret');
  });
});
