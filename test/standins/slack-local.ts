/**
 * `npm run slack:local`: chat with the bot through the Slack stand-in from a terminal, with no
 * Slack workspace. It starts the TikTok emulator, the Slack Web API stand-in, and the real Slack
 * adapter (Bolt, HTTP mode) on a local port; each typed line becomes a signed Slack request
 * (slash command, thread message, reaction, button click) and everything the bot posts to the
 * stand-in is printed. State is in memory unless REDIS_URL is set; engine settings come from the
 * usual environment variables (README "Settings").
 *
 * Lines:  /tiktok-ad <words>   start a draft (a new thread)
 *         <text>               a message in the current thread
 *         /react [emoji] [-]   react on the approval card (default white_check_mark; `-` removes)
 *         /click <action> [value]  click a button on the last message that has it (approve, retry, …)
 *         /as <USER_ID>        speak as someone else (default U0YOU; try U0TEAMMATE to approve)
 *         /quit
 */
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import express from 'express';
import { createSlackAdapter } from '../../adapters/slack';
import { loadConfig } from '../../src/app/config';
import { engineSettingsFrom } from '../../src/app/engine-settings';
import { StaticAccessResolver } from '../../src/engine/access';
import { ConversationEngine } from '../../src/engine/engine';
import { createLogger } from '../../src/logging/logger';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import { createStateStore } from '../../src/store/create-state-store';
import { Keys } from '../../src/store/keys';
import { TikTokClient } from '../../src/tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
} from '../../src/tiktok/emulator';
import {
  blockActionsRequest,
  commandRequest,
  eventRequest,
  type RawRequest,
  sendSigned,
} from './slack-requests';
import { type SlackCall, SlackStandIn } from './slack-standin';

const SECRET = 'local-signing-secret';
const TEAM = 'T0LOCAL';
const CHANNEL = 'C0LOCAL';

/** The readable text of Block Kit blocks, one line per block. */
function textOfBlocks(blocks: unknown): string {
  const lines: string[] = [];
  for (const b of (blocks as Array<Record<string, unknown>>) ?? []) {
    const parts: string[] = [];
    const take = (o: unknown) => {
      const t = (o as { text?: unknown } | undefined)?.text;
      if (typeof t === 'string') parts.push(t);
    };
    take(b.text);
    for (const f of (b.fields as Array<{ text?: string }>) ?? [])
      parts.push((f.text ?? '').replace(/\n/, ': '));
    for (const e of (b.elements as Array<Record<string, unknown>>) ?? []) {
      if (e.type === 'button') {
        const label = (e.text as { text?: string } | undefined)?.text ?? '';
        const id = String(e.action_id ?? '').replace(/^tab:/, '');
        parts.push(
          e.url
            ? `[${label}: ${e.url}]`
            : `[${label} → /click ${id}${e.value ? ` ${e.value}` : ''}]`,
        );
      } else take(e);
    }
    if (parts.length) lines.push(parts.join('  '));
  }
  return lines
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const emulator = createTikTokEmulator();
  const tiktokUrl = await emulator.listen(0);
  const standin = new SlackStandIn({ team_id: TEAM });
  const apiUrl = await standin.listen(0);
  const store = await createStateStore({ redisUrl: config.REDIS_URL, logger });
  const engine = new ConversationEngine({
    store,
    keys: new Keys(config.STATE_PREFIX),
    model: new OfflineTurnModel(),
    ads: new TikTokClient({ baseUrl: tiktokUrl, logger }),
    access: new StaticAccessResolver({
      access_token: EMULATOR_ACCESS_TOKEN,
      advertiser_id: EMULATOR_ADVERTISER_ID,
    }),
    settings: engineSettingsFrom(config, 'slack'),
    logger,
  });
  const adapter = await createSlackAdapter({
    engine,
    store,
    keys: new Keys(config.STATE_PREFIX),
    logger,
    auth: { kind: 'token', botToken: 'xoxb-test' },
    signingSecret: SECRET,
    apiUrl,
  });
  const web = express();
  if (adapter.router) web.use(adapter.router);
  const server = web.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  let lastCall = Date.now();
  standin.onCall((call: SlackCall) => {
    lastCall = Date.now();
    if (call.status !== 200) {
      console.log(`  (Slack answered ${call.method} with HTTP ${call.status})`);
      return;
    }
    const p = call.params;
    const where = String(p.channel ?? '').startsWith('D')
      ? `DM to ${String(p.channel).slice(1)}`
      : p.thread_ts
        ? 'thread'
        : 'channel';
    if (call.method === 'chat.postMessage')
      console.log(`bot (${where})>\n${textOfBlocks(p.blocks)}`);
    if (call.method === 'chat.update')
      console.log(`bot (updated ${p.ts})>\n${textOfBlocks(p.blocks)}`);
  });

  let user = 'U0YOU';
  let thread: string | undefined;
  const send = async (request: RawRequest) => {
    const res = await sendSigned(url, SECRET, request);
    if (res.status !== 200) console.log(`  (bot answered HTTP ${res.status})`);
    // Bolt acks first and works after; wait until the bot has been quiet for a moment.
    lastCall = Date.now();
    while (Date.now() - lastCall < 600) await new Promise((r) => setTimeout(r, 100));
  };
  const lastWith = (needle: string) =>
    [...standin.messages].reverse().find((m) => JSON.stringify(m.blocks).includes(needle));

  console.log(
    `Slack stand-in at ${apiUrl}, bot at ${url}. Type /tiktok-ad <words> to start, /as U0TEAMMATE then /react to approve, /quit to leave.`,
  );
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  rl.setPrompt(`${user}> `);
  rl.prompt();
  let tsSeq = 0;
  for await (const raw of rl) {
    const line = raw.trim();
    const [word = '', ...rest] = line.split(/\s+/);
    try {
      if (line === '/quit') break;
      if (word === '/tiktok-ad') {
        const before = standin.messages.length;
        await send(
          commandRequest({
            team_id: TEAM,
            channel_id: CHANNEL,
            user_id: user,
            text: rest.join(' '),
            response_url: standin.responseUrl(),
          }),
        );
        thread = standin.messages.slice(before).find((m) => !m.thread_ts)?.ts ?? thread;
      } else if (word === '/as' && rest[0]) {
        user = rest[0];
      } else if (word === '/react') {
        const card = lastWith('"action_id":"tab:approve"');
        if (!card) console.log('  (no approval card yet)');
        else {
          const reaction = rest[0] && rest[0] !== '-' ? rest[0] : 'white_check_mark';
          const added = !rest.includes('-');
          await send(
            eventRequest(TEAM, {
              type: added ? 'reaction_added' : 'reaction_removed',
              user,
              reaction,
              item: { type: 'message', channel: card.channel, ts: card.ts },
              event_ts: `${Date.now() / 1000}`,
            }),
          );
        }
      } else if (word === '/click' && rest[0]) {
        const action_id = `tab:${rest[0]}`;
        const message = lastWith(`"action_id":"${action_id}`);
        if (!message) console.log(`  (no message with a ${rest[0]} button)`);
        else {
          const element = (
            message.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>
          )
            .flatMap((b) => b.elements ?? [])
            .find(
              (e) =>
                e.action_id?.startsWith(action_id) &&
                (rest[1] === undefined || e.value === rest[1]),
            );
          await send(
            blockActionsRequest({
              team_id: TEAM,
              user_id: user,
              channel: message.channel,
              message_ts: message.ts,
              ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
              action_id: element?.action_id ?? action_id,
              ...(element?.value ? { value: element.value } : {}),
              response_url: standin.responseUrl(),
            }),
          );
        }
      } else if (line !== '') {
        if (!thread) console.log('  (start a thread first: /tiktok-ad <words>)');
        else {
          tsSeq += 1;
          const ts = `${Math.floor(Date.now() / 1000)}.${String(900000 + tsSeq)}`;
          await send(
            eventRequest(TEAM, {
              type: 'message',
              channel: CHANNEL,
              channel_type: 'channel',
              user,
              text: line,
              ts,
              thread_ts: thread,
              event_ts: ts,
            }),
          );
        }
      }
    } catch (error) {
      console.log(`  (error: ${error instanceof Error ? error.message : String(error)})`);
    }
    rl.setPrompt(`${user}> `);
    rl.prompt();
  }
  rl.close();
  server.closeAllConnections();
  server.close();
  await standin.close();
  await emulator.close();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
