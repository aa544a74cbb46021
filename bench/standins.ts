import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { emptyUpdates } from '../src/model/proposal';

/**
 * Lean stand-ins for the bench (the test stand-ins keep every call in memory, which a load run must
 * not): the Slack Web API and Gemini's generateContent, over real HTTP, speaking the same wire
 * shapes (https://docs.slack.dev/apis/web-api/; https://ai.google.dev/api/generate-content). They
 * keep counters only, and tell an optional listener about each post so the bench can see a turn's
 * answer arrive.
 */

/** One message posted through the Slack stand-in. */
export interface Posted {
  channel: string;
  ts: string;
  /** Absent for a channel-level post (a thread root). */
  thread_ts?: string;
  /** The message's `text` fallback and its blocks (JSON), cut to 600 characters. */
  text: string;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function paramsOf(req: IncomingMessage, raw: string): Record<string, string> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, string>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The Slack Web API stand-in: `auth.test`, `chat.postMessage`, `chat.update`,
 * `conversations.info` (the bot is a member everywhere), `conversations.open`, `response_url`.
 */
export class BenchSlackApi {
  readonly counts = new Map<string, number>();
  onPost: ((posted: Posted) => void) | undefined;
  private seq = 0;
  private readonly base = Math.floor(Date.now() / 1000);
  private readonly server = createServer((req, res) => {
    void this.handle(req).then((answer) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });

  /** Resolves to the Web API base URL with its trailing `/`. */
  async listen(): Promise<string> {
    return `${await listen(this.server)}/api/`;
  }

  close(): void {
    this.server.closeAllConnections();
    this.server.close();
  }

  private async handle(req: IncomingMessage): Promise<Record<string, unknown>> {
    const raw = await bodyOf(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const method = path.startsWith('/api/') ? path.slice(5) : 'response_url';
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    const params = paramsOf(req, raw);
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH', user: 'bot' };
      case 'chat.postMessage': {
        this.seq += 1;
        const ts = `${this.base}.${String(this.seq).padStart(6, '0')}`;
        const channel = params.channel ?? '';
        const text = `${params.text ?? ''} ${typeof params.blocks === 'string' ? params.blocks : JSON.stringify(params.blocks ?? '')}`;
        const posted: Posted = { channel, ts, text: text.slice(0, 600) };
        if (params.thread_ts) posted.thread_ts = params.thread_ts;
        this.onPost?.(posted);
        return { ok: true, channel, ts, message: { ts, text: params.text } };
      }
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'conversations.info':
        return { ok: true, channel: { id: params.channel, is_member: true } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${params.users ?? 'X'}` } };
      default:
        return { ok: true };
    }
  }
}

/**
 * The Gemini stand-in: every `generateContent` answers after `delayMs` with a valid turn
 * (`intent: chat`, nothing to update) and `usageMetadata` counted as characters / 4. Counts
 * requests, TCP connections, and requests in flight (now and at most).
 */
export class BenchGemini {
  delayMs = 0;
  requests = 0;
  connections = 0;
  inFlight = 0;
  peakInFlight = 0;
  private readonly server = createServer((req, res) => {
    void this.handle(req, res);
  }).on('connection', () => {
    this.connections += 1;
  });

  listen(): Promise<string> {
    return listen(this.server);
  }

  close(): void {
    this.server.closeAllConnections();
    this.server.close();
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
    this.requests += 1;
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      const raw = await bodyOf(req);
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const turn = {
        message: 'Noted. Tell me more about the ad.',
        intent: 'chat',
        updates: emptyUpdates(),
      };
      const text = JSON.stringify(turn);
      const promptTokenCount = Math.ceil(raw.length / 4);
      const candidatesTokenCount = Math.ceil(text.length / 4);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          candidates: [
            { content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 },
          ],
          usageMetadata: {
            promptTokenCount,
            candidatesTokenCount,
            totalTokenCount: promptTokenCount + candidatesTokenCount,
          },
          modelVersion: 'bench',
        }),
      );
    } finally {
      this.inFlight -= 1;
    }
  }
}
