/**
 * A Redis URL safe to log or put in an error message: the password in the userinfo part and a
 * `password` query parameter (both read by ioredis) become `***`; user, host, port and db stay.
 * Text that does not parse as a URL keeps its shape, so a typo can be seen, with anything that
 * may be a password (between `:` and `@`, or after `password=`) replaced by `***`; text with no
 * `:` at all (perhaps a bare password) is replaced entirely.
 *
 * e.g. `redis://app:s3cret@cache:6379/2` → `redis://app:***@cache:6379/2`.
 */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    if (!url.includes(':')) return '<unparseable Redis URL>';
    return url.replace(/:[^:@/]*@/, ':***@').replace(/(password=)[^&]*/i, '$1***');
  }
  if (parsed.password !== '') parsed.password = '***';
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
  return parsed.toString();
}
