import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { CHANNEL_TYPE, guildObject, type WireObject } from './discord-payloads';
import type { DiscordState } from './discord-state';

const HEARTBEAT_INTERVAL_MS = 41250;

/**
 * The stand-in's gateway (https://discord.com/developers/docs/events/gateway): HELLO (op 10) on
 * connect, IDENTIFY (op 2) checked against the bot token (close 4004 otherwise), READY then
 * GUILD_CREATE (with channels, active threads, members), HEARTBEAT (op 1) answered by HEARTBEAT
 * ACK (op 11), RESUME (op 6) answered by INVALID SESSION (op 9, not resumable), and dispatches
 * (op 0, `s` increasing per session).
 */
export class DiscordGateway {
  private readonly sockets = new Map<WebSocket, { seq: number; ready: boolean }>();

  constructor(private readonly state: DiscordState) {}

  /** Number of identified gateway sessions now open. */
  get sessions(): number {
    return [...this.sockets.values()].filter((s) => s.ready).length;
  }

  /** The `s` of the last dispatch sent to the newest identified session, 0 before any. */
  get lastSeq(): number {
    const ready = [...this.sockets.values()].filter((s) => s.ready);
    return ready.at(-1)?.seq ?? 0;
  }

  /** Sends one dispatch (op 0) to every identified session. */
  dispatch(t: string, d: WireObject): void {
    for (const [socket, session] of this.sockets) {
      if (!session.ready || socket.readyState !== WebSocket.OPEN) continue;
      session.seq += 1;
      socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
    }
  }

  /** Ends every session at once, as a dropped connection would. */
  terminateAll(): void {
    for (const socket of this.sockets.keys()) socket.terminate();
    this.sockets.clear();
  }

  /** Serves one new gateway connection. */
  accept(socket: WebSocket): void {
    const session = { seq: 0, ready: false };
    this.sockets.set(socket, session);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(
      JSON.stringify({
        op: 10,
        d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS },
        s: null,
        t: null,
      }),
    );
    socket.on('message', (raw) => {
      const packet = JSON.parse(raw.toString()) as { op: number; d: WireObject | null };
      if (packet.op === 1) {
        socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (packet.op === 2) {
        if (packet.d?.token !== this.state.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        this.state.identifies.push(Number(packet.d?.intents ?? 0));
        session.ready = true;
        this.sendReady(socket, session);
      } else if (packet.op === 6) {
        // No resumable sessions here: tell the client to identify anew.
        socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      }
    });
  }

  private sendReady(socket: WebSocket, session: { seq: number }): void {
    const state = this.state;
    const send = (t: string, d: WireObject) => {
      session.seq += 1;
      socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
    };
    send('READY', {
      v: 10,
      user: { ...state.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: state.guildId, unavailable: true }],
      session_id: randomBytes(16).toString('hex'),
      resume_gateway_url: `ws://127.0.0.1:${state.port}/gateway`,
      shard: [0, 1],
      application: { id: state.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
    });
    const members = [...state.users.values()].map((u) => state.member(u));
    const channels = [...state.channels.values()].filter((c) => c.type === CHANNEL_TYPE.GUILD_TEXT);
    send(
      'GUILD_CREATE',
      guildObject(
        state.guildId,
        state.bot.id,
        channels,
        state.threads(),
        members,
        state.guildRoles,
      ),
    );
  }
}
