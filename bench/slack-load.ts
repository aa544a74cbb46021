import { Pool } from 'undici';
import {
  commandRequest,
  eventRequest,
  type RawRequest,
  slackSignature,
} from '../test/standins/slack-requests';
import { sleep } from './stats';

export const TEAM = 'T0BENCH';
export const CHANNEL = 'C0BENCH';

export type { RawRequest };

let triggers = 0;

/** A `/tiktok-ad <text>` slash command, form-encoded as Slack sends it. */
export function command(text: string, user = 'U0ANA'): RawRequest {
  triggers += 1;
  return commandRequest({
    team_id: TEAM,
    channel_id: CHANNEL,
    user_id: user,
    text,
    response_url: 'http://127.0.0.1:9/response',
    trigger_id: `${Date.now()}.${process.pid}.${triggers}.trigger`,
  });
}

let events = 0;
let tsSeq = 0;

/** A fresh human message `ts`. */
export function nextTs(): string {
  tsSeq += 1;
  return `${Math.floor(Date.now() / 1000) - 50}.${String(tsSeq).padStart(6, '0')}`;
}

/** An Events API `message` in thread `thread_ts`, as an `event_callback` envelope. */
export function threadMessage(thread_ts: string, text: string, user = 'U0ANA'): RawRequest {
  events += 1;
  const ts = nextTs();
  return eventRequest(
    TEAM,
    {
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user,
      text,
      ts,
      thread_ts,
      event_ts: ts,
    },
    `EvBENCH${process.pid}x${events}`,
  );
}

/**
 * Sends requests signed as Slack signs them (`v0=` HMAC-SHA256 of `v0:<ts>:<body>`,
 * docs.slack.dev/authentication/verifying-requests-from-slack) to `<url>/slack/events`, over
 * one keep-alive pool. Signing happens in this process, before the clock starts.
 */
export class SlackSender {
  private readonly pool: Pool;
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    this.pool = new Pool(url, { connections: 512, pipelining: 1, keepAliveTimeout: 10_000 });
  }

  /** Signs `request` now; the returned function sends it and resolves with the HTTP status. */
  prepare(request: RawRequest): () => Promise<number> {
    const headers = {
      'content-type': request.contentType,
      ...slackSignature(this.secret, request.body),
    };
    return async () => {
      const res = await this.pool.request({
        path: '/slack/events',
        method: 'POST',
        headers,
        body: request.body,
      });
      await res.body.dump();
      return res.statusCode;
    };
  }

  async send(request: RawRequest): Promise<number> {
    return this.prepare(request)();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** What an open-loop run measured: ack latency (ms, from the planned send time) per request. */
export interface OpenLoopResult {
  latencies: number[];
  failed: number;
  over1s: number;
}

/**
 * Open loop: `count` requests at `rate` per second, each sent at its planned time whether or
 * not earlier ones were answered; latency runs from the planned time to the full response, so
 * a stalled server cannot hide its queue (no coordinated omission).
 */
export async function openLoop(
  sender: SlackSender,
  rate: number,
  count: number,
  make: (i: number) => RawRequest,
): Promise<OpenLoopResult> {
  const prepared = Array.from({ length: count }, (_, i) => sender.prepare(make(i)));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now() + 20;
  let i = 0;
  while (i < count) {
    const now = performance.now();
    while (i < count && t0 + i * interval <= now) {
      const due = t0 + i * interval;
      const send = prepared[i];
      i += 1;
      if (!send) continue;
      pending.push(
        send().then(
          (status) => {
            if (status !== 200) failed += 1;
            latencies.push(performance.now() - due);
          },
          () => {
            failed += 1;
          },
        ),
      );
    }
    await sleep(1);
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { latencies, failed, over1s: latencies.filter((l) => l > 1000).length };
}
