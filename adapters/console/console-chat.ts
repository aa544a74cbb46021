import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  type ChatEngine,
  type ChatEvent,
  type ChatEventPayload,
  type ChatUser,
  threadIdOf,
} from '../../src/engine/ports';
import { type ConsoleInput, type FaultKind, HELP, parseLine } from './commands';
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
export function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  return new ConsoleChat(options).run();
}

/** The reply to `/simulate <fault>` once the emulator has it armed. */
function simulatedText(fault: FaultKind): string {
  return fault === 'off'
    ? 'bot> Emulator faults cleared.'
    : `bot> The emulator will answer the next TikTok call with a ${fault} error.`;
}

/**
 * One terminal session: reads lines, turns each into an engine event or a local command, and
 * prints every reply through {@link visible}, so a value can never act on the terminal.
 */
class ConsoleChat {
  private readonly user: ChatUser;
  private thread: string;
  private lastLink: string | undefined;
  private readonly interactive: boolean;
  private readonly rl: Interface;
  private readonly repeats: RepeatFilter;
  private stopping = false;
  private busy = false;

  constructor(private readonly options: ConsoleChatOptions) {
    const { input, output } = options;
    this.user = options.user ?? { id: 'local', name: 'you' };
    this.thread = options.thread ?? '1';
    this.interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
    this.rl = createInterface({
      input,
      terminal: this.interactive,
      ...(this.interactive ? { output } : {}),
    });
    this.repeats = options.repeats ?? new RepeatFilter();
  }

  /** Reads and handles lines until end of input, `/quit` or the abort signal. */
  async run(): Promise<void> {
    const { signal } = this.options;
    if (signal?.aborted) this.stop();
    signal?.addEventListener('abort', this.stop, { once: true });
    // In a terminal, Ctrl-C reaches readline as input, not as a signal.
    this.rl.on('SIGINT', this.stop);
    this.write(
      'TikTok ad bot: terminal chat. Describe the ad you want, e.g. "I want to create a campaign called SoluLab for conversions". Type /help for commands.',
    );
    this.rl.setPrompt('you> ');
    this.prompt();
    for await (const line of this.rl) {
      if (this.stopping) break;
      this.busy = true;
      if (!this.interactive && line.trim() !== '') this.write(`you> ${line}`);
      if ((await this.handleLine(line)) === 'quit') {
        this.rl.close();
        return;
      }
      this.busy = false;
      if (this.stopping) break;
      this.prompt();
    }
    signal?.removeEventListener('abort', this.stop);
    if (this.stopping && this.options.farewell) this.write(`bot> ${this.options.farewell}`);
  }

  private readonly stop = (): void => {
    if (this.stopping) return;
    this.stopping = true;
    if (this.busy) this.write('\nbot> Stopping: finishing the message in progress first…');
    this.rl.close();
  };

  private write(text: string): void {
    this.options.output.write(`${visible(text)}\n`);
  }

  private prompt(): void {
    if (this.interactive && !this.stopping) this.rl.prompt();
  }

  /** One line, whatever it holds; a failure is printed, never thrown. */
  private async handleLine(line: string): Promise<'quit' | undefined> {
    const parsed = parseLine(line);
    if (parsed.kind === 'quit') return 'quit';
    try {
      await this.dispatch(parsed);
    } catch (error) {
      this.write(
        `bot> ✗ Something went wrong: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return undefined;
  }

  private async dispatch(parsed: Exclude<ConsoleInput, { kind: 'quit' }>): Promise<void> {
    switch (parsed.kind) {
      case 'empty':
        return;
      case 'help':
        return this.write(HELP);
      case 'invalid':
        return this.write(`bot> ✗ ${parsed.error}`);
      case 'simulate':
        return this.simulate(parsed.fault);
      case 'upload':
        return this.upload(parsed.path, parsed.text);
      case 'start':
        this.thread = `${Date.now()}`;
        return this.send({ type: 'start', text: parsed.text });
      case 'action':
        return this.send(
          { type: 'action', action_id: parsed.action_id },
          parsed.action_id === 'status',
        );
      case 'media_page':
        return this.send(
          { type: 'action', action_id: 'media_page', value: String(parsed.page) },
          true,
        );
      case 'choose_advertiser':
        return this.send({
          type: 'action',
          action_id: 'choose_advertiser',
          value: parsed.advertiser_id,
        });
      case 'open':
        return this.open();
      case 'message':
        return this.send({ type: 'message', text: parsed.text });
    }
  }

  /** `force`: the user asked to see the preview or list (`/status`, `/page`), print it. */
  private async send(event: ChatEventPayload, force = false): Promise<void> {
    const thread_id = threadIdOf({
      platform: 'console',
      workspace: 'local',
      channel: 'local',
      thread: this.thread,
    });
    const full = {
      ...event,
      event_id: `console-${randomUUID()}`,
      thread_id,
      platform: 'console',
      workspace_id: 'local',
      channel_id: 'local',
      user: this.user,
    } as ChatEvent;
    await this.options.engine.handle(full, (reply) => {
      for (const block of reply.blocks)
        if (block.type === 'link_account') this.lastLink = block.url;
      this.write(renderReply(this.repeats.filter(reply, force)));
    });
  }

  private async simulate(fault: FaultKind): Promise<void> {
    if (!this.options.simulate)
      return this.write('bot> ✗ /simulate works only against the local TikTok emulator.');
    await this.options.simulate(fault);
    this.write(simulatedText(fault));
  }

  /** The engine reads what the file is from its bytes (MP3, JPEG/PNG or MP4/MOV). */
  private async upload(path: string, text: string): Promise<void> {
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      return this.write(`bot> ✗ Cannot read ${path}.`);
    }
    await this.send({ type: 'message', text, files: [{ name: basename(path), data }] });
  }

  private async open(): Promise<void> {
    if (!this.lastLink)
      return this.write('bot> ✗ There is no private link to open yet (ask for one with /link).');
    const page = await (this.options.openLink ?? followLink)(this.lastLink);
    this.write(`browser> ${page.title}: ${page.text}`);
    await this.options.afterLink?.();
  }
}
