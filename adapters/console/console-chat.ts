import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  type ChatEngine,
  type ChatEvent,
  type ChatEventPayload,
  type ChatUser,
  threadIdOf,
} from '../../src/engine/ports';
import { type FaultKind, HELP, parseLine } from './commands';
import { type FollowedPage, followLink } from './follow-link';
import { renderReply } from './render';
import { RepeatFilter } from './repeat-filter';
import { visible } from './visible';

/** Options of the terminal chat. */
export interface ConsoleChatOptions {
  engine: ChatEngine;
  input: Readable;
  output: Writable;
  /** Sets an emulator fault for the next TikTok call; absent when TikTok is real. */
  simulate?: (fault: FaultKind) => Promise<void>;
  /**
   * Waits for work a completed link started (the resumed submit), so `/open` prints its
   * outcome before the next line is read.
   */
  afterLink?: () => Promise<void>;
  /** Follows a private link as a browser would (default: {@link followLink}). */
  openLink?: (url: string) => Promise<FollowedPage>;
  /**
   * When aborted (SIGINT/SIGTERM, or Ctrl-C at the prompt), no further line is read: the line
   * being handled finishes, `farewell` is printed, and the chat resolves.
   */
  signal?: AbortSignal;
  /** Said when the chat stops on `signal` (e.g. whether the draft was kept). */
  farewell?: string;
  /**
   * Drops the library list and preview when unchanged since last printed in their thread;
   * share it with any other sink printing this chat's replies. Default: a new one.
   */
  repeats?: RepeatFilter;
  /** Thread number of the first thread (`console:local:<n>`); restarts with Redis resume it. */
  thread?: string;
  user?: ChatUser;
}

/**
 * The terminal chat: each line is a message, lines starting with `/` are commands. Works
 * interactively (with a prompt) and with piped input; at end of input it finishes what is in
 * flight and resolves, so the process can exit 0. Lines are handled strictly in order.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { engine, input, output } = options;
  const user: ChatUser = options.user ?? { id: 'local', name: 'you' };
  let thread = options.thread ?? '1';
  let lastLink: string | undefined;
  const interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, terminal: interactive, ...(interactive ? { output } : {}) });
  // Everything printed passes through `visible`: a value can never act on the terminal.
  const write = (text: string) => output.write(`${visible(text)}\n`);
  const prompt = () => {
    if (interactive && !stopping) rl.prompt();
  };
  let stopping = false;
  let busy = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (busy) write('\nbot> Stopping: finishing the message in progress first…');
    rl.close();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  // In a terminal, Ctrl-C reaches readline as input, not as a signal.
  rl.on('SIGINT', stop);

  const repeats = options.repeats ?? new RepeatFilter();
  /** `force`: the user asked to see the preview or list (`/status`, `/page`), print it. */
  const send = async (event: ChatEventPayload, force = false) => {
    const full = {
      ...event,
      event_id: `console-${randomUUID()}`,
      thread_id: threadIdOf({ platform: 'console', workspace: 'local', channel: 'local', thread }),
      platform: 'console',
      workspace_id: 'local',
      channel_id: 'local',
      user,
    } as ChatEvent;
    await engine.handle(full, (reply) => {
      for (const block of reply.blocks) if (block.type === 'link_account') lastLink = block.url;
      write(renderReply(repeats.filter(reply, force)));
    });
  };

  write(
    'TikTok ad bot: terminal chat. Describe the ad you want, e.g. "I want to create a campaign called SoluLab for conversions". Type /help for commands.',
  );
  rl.setPrompt('you> ');
  prompt();
  for await (const line of rl) {
    if (stopping) break;
    busy = true;
    if (!interactive && line.trim() !== '') write(`you> ${line}`);
    const parsed = parseLine(line);
    try {
      switch (parsed.kind) {
        case 'empty':
          break;
        case 'quit':
          rl.close();
          return;
        case 'help':
          write(HELP);
          break;
        case 'invalid':
          write(`bot> ✗ ${parsed.error}`);
          break;
        case 'simulate':
          if (!options.simulate)
            write('bot> ✗ /simulate works only against the local TikTok emulator.');
          else {
            await options.simulate(parsed.fault);
            write(
              parsed.fault === 'off'
                ? 'bot> Emulator faults cleared.'
                : `bot> The emulator will answer the next TikTok call with a ${parsed.fault} error.`,
            );
          }
          break;
        case 'upload': {
          let data: Buffer;
          try {
            data = await readFile(parsed.path);
          } catch {
            write(`bot> ✗ Cannot read ${parsed.path}.`);
            break;
          }
          // The engine reads what the file is from its bytes (MP3, JPEG/PNG or MP4/MOV).
          await send({
            type: 'message',
            text: parsed.text,
            files: [{ name: basename(parsed.path), data }],
          });
          break;
        }
        case 'start':
          thread = `${Date.now()}`;
          await send({ type: 'start', text: parsed.text });
          break;
        case 'action':
          await send(
            { type: 'action', action_id: parsed.action_id },
            parsed.action_id === 'status',
          );
          break;
        case 'media_page':
          await send({ type: 'action', action_id: 'media_page', value: String(parsed.page) }, true);
          break;
        case 'choose_advertiser':
          await send({
            type: 'action',
            action_id: 'choose_advertiser',
            value: parsed.advertiser_id,
          });
          break;
        case 'open': {
          if (!lastLink) {
            write('bot> ✗ There is no private link to open yet (ask for one with /link).');
            break;
          }
          const page = await (options.openLink ?? followLink)(lastLink);
          write(`browser> ${page.title}: ${page.text}`);
          await options.afterLink?.();
          break;
        }
        case 'message':
          await send({ type: 'message', text: parsed.text });
          break;
      }
    } catch (error) {
      write(
        `bot> ✗ Something went wrong: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    busy = false;
    if (stopping) break;
    prompt();
  }
  options.signal?.removeEventListener('abort', stop);
  if (stopping && options.farewell) write(`bot> ${options.farewell}`);
}
