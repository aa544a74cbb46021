/**
 * The Lua scripts behind the outbox methods of `RedisStateStore` (run through ioredis
 * `defineCommand`: `EVALSHA`, falling back to `EVAL`). Entries are list elements
 * `<id>\n<JSON>` (see `outbox-encoding.ts`).
 */

/**
 * KEYS: lock, state, outbox. ARGV: token, state JSON, state TTL ms, release ('1'/'0'), outbox
 * TTL ms, then the encoded entries. When the lock holds the token: SET state PX, RPUSH each
 * entry and PEXPIRE the outbox (only when there are entries), DEL the lock when releasing, and
 * return 1; otherwise write nothing and return 0.
 */
export const SAVE_WITH_OUTBOX_LUA = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
if #ARGV > 5 then
  for i = 6, #ARGV do redis.call('RPUSH', KEYS[3], ARGV[i]) end
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
end
if ARGV[4] == '1' then redis.call('DEL', KEYS[1]) end
return 1`;

/**
 * KEYS: outbox. ARGV: entry id. Removes the first element that starts with `<id>\n` and
 * returns 1; 0 when there is none. Outboxes hold a turn's few replies, so the scan is short.
 */
export const OUTBOX_DELIVERED_LUA = `local prefix = ARGV[1] .. '\\n'
for _, v in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  if string.sub(v, 1, #prefix) == prefix then
    redis.call('LREM', KEYS[1], 1, v)
    return 1
  end
end
return 0`;

/** The commands the outbox scripts define on a client. */
export interface OutboxCommands {
  stateStoreSaveWithOutbox(
    lockKey: string,
    key: string,
    outboxKey: string,
    token: string,
    value: string,
    ttlMs: number,
    release: '0' | '1',
    outboxTtlMs: number,
    ...entries: string[]
  ): Promise<number>;
  stateStoreOutboxDelivered(outboxKey: string, id: string): Promise<number>;
}
