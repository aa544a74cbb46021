/**
 * The chat of `npm run chaos -- --kill-after-approval`: a small HTTP server in the harness
 * process (so what was posted survives the bot's SIGKILL) that keeps every reply per thread
 * the way Slack shows them: a reply with a `key` posted once and then edited in place
 * (`versions`), any other one posted as a new message. `CHAOS_CHAT_NONCE` picks how a resend
 * is kept from showing twice: unset, a repeated nonce (the reply's `delivery_id`) is dropped,
 * as Discord does; `off`, as the Slack adapter does: each message keeps its `delivery_id` (as
 * message metadata) and a resend with `delivery_retry` first asks the chat whether it is
 * there (`GET /posted`); `none`, nothing (every resend shows: the baseline). The bots' sink
 * posts here (`chatSink`), one reply per request, and counts it delivered when the answer comes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderReply } from '../../adapters/console/render';
import type { Reply, ReplySink } from '../../src/engine/reply';

/** One message as the thread shows it: its text, and every version when it was edited. */
export interface ChatMessage {
  key?: string;
  /** The outbox entry id it was posted for (the Slack adapter keeps it as metadata). */
  delivery_id?: string;
  versions: string[];
}

/** How a resend is kept from showing twice (see the file's comment). */
export type ChatGuard = 'nonce' | 'lookup' | 'none';

/** The {@link ChatGuard} that `CHAOS_CHAT_NONCE` asks for. */
export function chatGuardOf(value: string | undefined): ChatGuard {
  if (value === 'off') return 'lookup';
  if (value === 'none') return 'none';
  return 'nonce';
}

/** The chat stand-in: `url` for the bots, `threads` for the harness's checks. */
export interface Chat {
  url: string;
  threads: Map<string, ChatMessage[]>;
  close(): Promise<void>;
}

/**
 * Starts the chat stand-in on a free local port. With `nonce`, a post carrying a nonce already
 * seen is answered but not shown again, as Discord does with `enforce_nonce`; without, every
 * post shows (as Slack, which has no such key).
 */
export async function startChat(options: { nonce: boolean }): Promise<Chat> {
  const threads = new Map<string, ChatMessage[]>();
  const nonces = options.nonce ? new Set<string>() : undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://chat');
    if (req.method === 'GET' && url.pathname === '/posted') {
      // As `conversations.replies` with `include_all_metadata`: is this delivery in the thread?
      const id = url.searchParams.get('delivery_id');
      const thread = threads.get(url.searchParams.get('thread_id') ?? '') ?? [];
      const found = id !== null && thread.some((m) => m.delivery_id === id);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ found }));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const posted = JSON.parse(body) as {
        thread_id: string;
        key?: string;
        text: string;
        nonce?: string;
        delivery_id?: string;
      };
      // As Discord's `enforce_nonce`: a post repeating a nonce shows nothing new.
      if (posted.nonce !== undefined && nonces) {
        if (nonces.has(posted.nonce)) {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
          return;
        }
        nonces.add(posted.nonce);
      }
      const thread = threads.get(posted.thread_id) ?? [];
      threads.set(posted.thread_id, thread);
      const edited = posted.key !== undefined && thread.find((m) => m.key === posted.key);
      if (edited) edited.versions.push(posted.text);
      else
        thread.push({
          ...(posted.key !== undefined ? { key: posted.key } : {}),
          ...(posted.delivery_id !== undefined ? { delivery_id: posted.delivery_id } : {}),
          versions: [posted.text],
        });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    threads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A bot's `ReplySink` posting to the chat stand-in at `url`: resolves once the chat answered
 * (the reply is shown), rejects otherwise (the reply stays in the outbox). With `guard`
 * `lookup`, a reply with `delivery_retry` already in the chat is not posted again (a keyed
 * one is: the chat edits it in place, as the Slack adapter does with the `ts` it finds).
 */
export function chatSink(url: string, guard: ChatGuard = 'nonce'): ReplySink {
  return async (reply: Reply) => {
    const { delivery_id } = reply;
    if (guard === 'lookup' && reply.delivery_retry && delivery_id && reply.key === undefined) {
      const query = new URLSearchParams({ thread_id: reply.thread_id, delivery_id });
      const looked = await fetch(`${url}/posted?${query}`);
      if (!looked.ok) throw new Error(`chat answered HTTP ${looked.status}`);
      if (((await looked.json()) as { found: boolean }).found) return;
    }
    const res = await fetch(`${url}/post`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        thread_id: reply.thread_id,
        ...(reply.key !== undefined ? { key: reply.key } : {}),
        ...(delivery_id !== undefined && guard === 'nonce' ? { nonce: delivery_id } : {}),
        ...(delivery_id !== undefined && guard === 'lookup' ? { delivery_id } : {}),
        text: renderReply(reply),
      }),
    });
    await res.text();
    if (!res.ok) throw new Error(`chat answered HTTP ${res.status}`);
  };
}
