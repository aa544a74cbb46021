import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { GeminiTurnModel, type GeminiTurnModelOptions } from '../../src/model/gemini-model';
import { shareUndiciDispatcher } from './undici-realm';

/**
 * One scripted answer of the stand-in (shapes: docs/llm.md §1.4, §2.1):
 * - `turn`: HTTP 200 whose one candidate's text is `JSON.stringify(turn)`, finish `STOP`.
 * - `text`: HTTP 200 with this raw text (e.g. malformed JSON) and `finishReason` (default `STOP`).
 * - `finish`: HTTP 200, a candidate with no content and this finish reason (e.g. `SAFETY`).
 * - `blocked`: HTTP 200, no candidates, `promptFeedback.blockReason` (e.g. `SAFETY`).
 * - `error`: Google's error envelope `{error:{code,message,status,details}}` with HTTP `status`;
 *   `googleStatus` defaults from the code (429 → `RESOURCE_EXHAUSTED`, …).
 * - `raw`: any status and body, e.g. a proxy's HTML 502.
 * `delayMs` holds the answer back that long (to test client timeouts); `cachedTokens` is
 * reported as `usageMetadata.cachedContentTokenCount` (as if implicit caching hit).
 */
export type StandInReply = (
  | { kind: 'turn'; turn: unknown }
  | { kind: 'text'; text: string; finishReason?: string }
  | { kind: 'finish'; finishReason: string }
  | { kind: 'blocked'; blockReason: string }
  | { kind: 'error'; status: number; googleStatus?: string; message?: string; details?: unknown[] }
  | { kind: 'raw'; status: number; body: string; contentType?: string }
) & { delayMs?: number; cachedTokens?: number };

/** A text part, as Gemini's `Part` JSON carries it. */
export interface WirePart {
  text?: string;
}

/** A `Content` as the SDK sends it: role and parts. */
export interface WireContent {
  role?: string;
  parts?: WirePart[];
}

/** The generateContent request body the SDK sent (Gemini API: generateContent). */
export interface WireRequestBody {
  contents?: WireContent[];
  systemInstruction?: WireContent;
  generationConfig?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One request the stand-in received, recorded before it answered. */
export interface RecordedRequest {
  method: string;
  /** The URL path without the query, e.g. `/v1beta/models/gemini-3.1-flash-lite:generateContent`. */
  path: string;
  /** `v1` or `v1beta`; empty when the path did not match. */
  apiVersion: string;
  /** The model id from the path; empty when the path did not match. */
  model: string;
  headers: IncomingHttpHeaders;
  /** The raw body text, for size checks. */
  rawBody: string;
  body: WireRequestBody;
}

/** Google status names by HTTP code (google.rpc.Code; docs/llm.md §2.1). */
const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const ROUTE = /^\/(v1|v1beta)\/models\/([^/:]+):generateContent$/;

/** All the text parts of one content, joined with newlines. */
export function textOf(content: WireContent | undefined): string {
  return (content?.parts ?? []).map((p) => p.text ?? '').join('\n');
}

/**
 * A local stand-in for the Gemini REST API's `generateContent`, on `127.0.0.1` and a free port,
 * that the real `@google/genai` SDK talks to over HTTP (`httpOptions.baseUrl = standIn.url`;
 * starting one also applies {@link shareUndiciDispatcher}, which the SDK needs under Jest).
 * Answers `POST /(v1|v1beta)/models/<model>:generateContent` from a queue of
 * {@link StandInReply}s, in order; records every request in {@link requests}. An unknown path
 * gets a 404 `NOT_FOUND` envelope; an empty queue gets a 500 `INTERNAL` envelope saying so.
 */
export class GeminiStandIn {
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[] = [];
  private readonly queue: StandInReply[] = [];

  /** TCP connections opened to the stand-in so far (keep-alive reuse shows as fewer). */
  connections = 0;
  private readonly server: Server = createServer((req, res) => {
    void this.handle(req, res);
  }).on('connection', () => {
    this.connections += 1;
  });
  private baseUrl = '';

  private constructor() {}

  /** Starts a stand-in on 127.0.0.1 and a free port. Close it with {@link close}. */
  static async start(): Promise<GeminiStandIn> {
    shareUndiciDispatcher();
    const standIn = new GeminiStandIn();
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    const { port } = standIn.server.address() as AddressInfo;
    standIn.baseUrl = `http://127.0.0.1:${port}`;
    return standIn;
  }

  /** Base URL to pass as `httpOptions.baseUrl`, e.g. `http://127.0.0.1:41234`. */
  /**
   * The real Gemini turn model pointed at this stand-in: a test key, fast retries (2 tries,
   * 1-2 ms) and no waiting, unless `overrides` says otherwise.
   */
  turnModel(overrides: Partial<GeminiTurnModelOptions> = {}): GeminiTurnModel {
    return new GeminiTurnModel({
      apiKey: 'test-key',
      model: 'gemini-3.1-flash-lite',
      baseUrl: this.url,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      sleep: async () => {},
      ...overrides,
    });
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Adds answers to the end of the queue. */
  enqueue(...replies: StandInReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Answers not yet used. */
  get pending(): number {
    return this.queue.length;
  }

  /** Stops listening and drops open connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((err) => (err ? reject(err) : resolve())),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = ROUTE.exec(path);
    let body: WireRequestBody = {};
    try {
      body = rawBody ? (JSON.parse(rawBody) as WireRequestBody) : {};
    } catch {
      // Recorded as an empty body; the SDK always sends JSON.
    }
    this.requests.push({
      method: req.method ?? '',
      path,
      apiVersion: match?.[1] ?? '',
      model: match?.[2] ?? '',
      headers: req.headers,
      rawBody,
      body,
    });
    if (req.method !== 'POST' || !match) {
      send(res, 404, errorBody(404, undefined, `Not found: ${req.method} ${path}`));
      return;
    }
    const reply = this.queue.shift();
    if (!reply) {
      send(res, 500, errorBody(500, undefined, 'Gemini stand-in: no scripted reply left.'));
      return;
    }
    if (reply.delayMs) {
      const delayMs = reply.delayMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        res.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (res.destroyed) return;
    answer(res, reply, match[2] ?? '', rawBody.length);
  }
}

/** Writes the HTTP answer for one scripted reply. */
function answer(res: ServerResponse, reply: StandInReply, model: string, promptChars: number) {
  const usage = (outputTokens: number) => {
    const promptTokenCount = Math.ceil(promptChars / 4);
    return {
      promptTokenCount,
      candidatesTokenCount: outputTokens,
      totalTokenCount: promptTokenCount + outputTokens,
      ...(reply.cachedTokens !== undefined ? { cachedContentTokenCount: reply.cachedTokens } : {}),
    };
  };
  const meta = { modelVersion: model, responseId: `standin-${Date.now()}` };
  switch (reply.kind) {
    case 'turn':
    case 'text': {
      const text = reply.kind === 'turn' ? JSON.stringify(reply.turn) : reply.text;
      const finishReason = reply.kind === 'text' ? (reply.finishReason ?? 'STOP') : 'STOP';
      const candidate = { content: { role: 'model', parts: [{ text }] }, finishReason, index: 0 };
      send(res, 200, {
        candidates: [candidate],
        usageMetadata: usage(Math.ceil(text.length / 4)),
        ...meta,
      });
      return;
    }
    case 'finish': {
      const ratings = [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH' }];
      const candidate = { finishReason: reply.finishReason, index: 0, safetyRatings: ratings };
      send(res, 200, { candidates: [candidate], usageMetadata: usage(0), ...meta });
      return;
    }
    case 'blocked': {
      const { candidatesTokenCount: _, ...promptOnly } = usage(0);
      const promptFeedback = { blockReason: reply.blockReason, safetyRatings: [] };
      send(res, 200, { promptFeedback, usageMetadata: promptOnly, ...meta });
      return;
    }
    case 'error':
      send(
        res,
        reply.status,
        errorBody(reply.status, reply.googleStatus, reply.message, reply.details),
      );
      return;
    case 'raw':
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/html' });
      res.end(reply.body);
      return;
  }
}

/** Google's error envelope (docs/llm.md §2.1). `details` is left out when not given. */
function errorBody(code: number, status?: string, message?: string, details?: unknown[]) {
  const error: Record<string, unknown> = {
    code,
    message: message ?? `Stand-in error ${code}.`,
    status: status ?? GOOGLE_STATUS[code] ?? 'UNKNOWN',
  };
  if (details) error.details = details;
  return { error };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}
