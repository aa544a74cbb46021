import { createConnection, type Socket } from 'node:net';
import Redis from 'ioredis';

/**
 * Counts the Redis commands of ONE client connection, at the server: `MONITOR` on a separate
 * connection, keeping only lines whose source is that client's `addr` (found by its
 * `CLIENT SETNAME` name in `CLIENT LIST`) plus the `lua` lines that follow one of its
 * `EVAL`/`EVALSHA` lines (Redis runs a script to the end before the next command, so its inner
 * commands come right after it). Other clients of the shared server are never counted.
 *
 * `roundTrips` = top-level commands from that client (the bot sends one command per round trip:
 * no pipelining, no MULTI); `commands` also counts the commands run inside Lua.
 */
export class ClientCommandCounter {
  roundTrips = 0;
  commands = 0;
  readonly byCommand = new Map<string, number>();
  private socket: Socket | undefined;
  private inScript = false;

  private constructor(
    private readonly url: string,
    readonly addr: string,
  ) {}

  /** Finds the client named `name` (waiting up to 5 s for it to connect). */
  static async forClient(url: string, name: string): Promise<ClientCommandCounter> {
    const admin = new Redis(url);
    try {
      for (let i = 0; i < 100; i++) {
        const list = (await admin.client('LIST')) as string;
        const line = list.split('\n').find((l) => l.includes(` name=${name} `));
        const addr = /addr=(\S+)/.exec(line ?? '')?.[1];
        if (addr) return new ClientCommandCounter(url, addr);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no Redis client named ${name}`);
    } finally {
      admin.disconnect();
    }
  }

  /** Starts counting (from zero), on a raw `MONITOR` socket (its feed is one line per command). */
  async start(): Promise<void> {
    this.roundTrips = 0;
    this.commands = 0;
    this.byCommand.clear();
    const { hostname, port } = new URL(this.url.split('?')[0] ?? this.url);
    const socket = createConnection({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    socket.on('error', () => {});
    let buffered = '';
    let ready = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let end = buffered.indexOf('\r\n');
      while (end >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        end = buffered.indexOf('\r\n');
        if (!ready) {
          ready = line === '+OK';
          continue;
        }
        this.onLine(line);
      }
    });
    socket.write('MONITOR\r\n');
    this.socket = socket;
    const deadline = Date.now() + 2000;
    while (!ready && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Stops counting; the figures stay. */
  async stop(): Promise<void> {
    // Let the last lines of the feed arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    this.socket?.destroy();
    this.socket = undefined;
  }

  /** One feed line: `+<time> [<db> <addr>|lua] "<COMMAND>" "<arg>" …`. */
  private onLine(line: string): void {
    const match = /^\+\S+ \[\d+ ([^\]]+)\] "([^"]*)"/.exec(line);
    if (!match) return;
    const source = match[1] ?? '';
    const command = (match[2] ?? '').toUpperCase();
    if (source === 'lua') {
      if (this.inScript) {
        this.commands += 1;
        this.bump(`lua:${command}`);
      }
      return;
    }
    const ours = source === this.addr;
    this.inScript = ours && (command === 'EVALSHA' || command === 'EVAL');
    if (!ours) return;
    this.roundTrips += 1;
    this.commands += 1;
    this.bump(command);
  }

  private bump(command: string): void {
    this.byCommand.set(command, (this.byCommand.get(command) ?? 0) + 1);
  }
}

/** Deletes every key under `prefix` (SCAN + UNLINK; never FLUSHDB on the shared server). */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const admin = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await admin.unlink(...keys);
  } while (cursor !== '0');
  admin.disconnect();
}

/**
 * `MEMORY USAGE` of every key under `prefix`, summed per kind (the part of the key after the
 * prefix up to the next `:`): what idle threads cost in Redis.
 */
export async function bytesByKind(
  url: string,
  prefix: string,
): Promise<Map<string, { keys: number; bytes: number }>> {
  const admin = new Redis(url);
  const kinds = new Map<string, { keys: number; bytes: number }>();
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    const pipeline = admin.pipeline();
    for (const key of keys) pipeline.memory('USAGE', key);
    const sizes = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      const kind = key.slice(prefix.length).split(':')[0] ?? '?';
      const entry = kinds.get(kind) ?? { keys: 0, bytes: 0 };
      entry.keys += 1;
      entry.bytes += Number(sizes[i]?.[1] ?? 0);
      kinds.set(kind, entry);
    });
  } while (cursor !== '0');
  admin.disconnect();
  return kinds;
}
