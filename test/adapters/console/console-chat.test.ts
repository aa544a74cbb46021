import { PassThrough, Readable } from 'node:stream';
import { runConsoleChat } from '../../../adapters/console/console-chat';
import type { ChatEngine, ChatEvent, ReplySink } from '../../../src/engine/ports';

/** An engine that records events and answers each with one line naming it. */
function recordingEngine() {
  const events: ChatEvent[] = [];
  const engine = {
    handle: async (event: ChatEvent, sink?: ReplySink) => {
      events.push(event);
      const what =
        event.type === 'message'
          ? event.text
          : event.type === 'action'
            ? event.action_id
            : event.type;
      await sink?.({ thread_id: event.thread_id, blocks: [{ type: 'text', text: `got ${what}` }] });
    },
  } as unknown as ChatEngine;
  return { engine, events };
}

async function chat(lines: string[], extra: Partial<Parameters<typeof runConsoleChat>[0]> = {}) {
  const { engine, events } = recordingEngine();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += String(chunk);
  });
  await runConsoleChat({
    engine,
    input: Readable.from(lines.map((l) => `${l}\n`)),
    output,
    ...extra,
  });
  return { events, printed };
}

describe('runConsoleChat (piped input)', () => {
  it('echoes each line, sends messages and actions as the local user in one thread', async () => {
    const { events, printed } = await chat(['Summer sale for traffic', '/status', '']);
    expect(events.map((e) => e.type)).toEqual(['message', 'action']);
    expect(events[0]).toMatchObject({
      thread_id: 'console:local:1',
      platform: 'console',
      user: { id: 'local', name: 'you' },
    });
    expect(events[0]?.event_id).toMatch(/^console-/);
    expect(printed).toContain('you> Summer sale for traffic');
    expect(printed).toContain('got Summer sale for traffic');
    expect(printed).toContain('got status');
  });

  it('starts a new thread on /tiktok-ad and stops reading at /quit', async () => {
    const { events } = await chat(['/tiktok-ad Spring', 'after start', '/quit', 'never read']);
    expect(events.map((e) => e.type)).toEqual(['start', 'message']);
    expect(events[0]?.thread_id).not.toBe('console:local:1');
    expect(events[1]?.thread_id).toBe(events[0]?.thread_id);
  });

  it('answers local commands itself, with the rule they need', async () => {
    const { events, printed } = await chat([
      '/simulate server',
      '/open',
      '/upload /no/such/file.mp3',
      '/bogus',
      '/help',
    ]);
    expect(events).toEqual([]);
    expect(printed).toContain('bot> ✗ /simulate works only against the local TikTok emulator.');
    expect(printed).toContain(
      'bot> ✗ There is no private link to open yet (ask for one with /link).',
    );
    expect(printed).toContain('bot> ✗ Cannot read /no/such/file.mp3.');
    expect(printed).toContain('bot> ✗ Unknown command /bogus. Type /help for the list.');
    expect(printed).toContain('/approve            approve the draft');
  });

  it('arms emulator faults when it can, and shows what a value would do to the terminal', async () => {
    const armed: string[] = [];
    const { printed } = await chat(['/simulate ratelimit', 'red \x1b[31m text'], {
      simulate: async (f) => void armed.push(f),
    });
    expect(armed).toEqual(['ratelimit']);
    expect(printed).toContain(
      'bot> The emulator will answer the next TikTok call with a ratelimit error.',
    );
    expect(printed).toContain('got red \\x1b[31m text');
    expect(printed).not.toContain('\x1b[31m');
  });

  it('prints a failure instead of stopping, and the farewell when aborted', async () => {
    const stop = new AbortController();
    const engine = {
      handle: async () => {
        stop.abort();
        throw new Error('store down');
      },
    } as unknown as ChatEngine;
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c) => {
      printed += String(c);
    });
    await runConsoleChat({
      engine,
      input: Readable.from(['hello\n', 'more\n']),
      output,
      signal: stop.signal,
      farewell: 'Draft kept.',
    });
    expect(printed).toContain('bot> ✗ Something went wrong: store down');
    expect(printed).not.toContain('you> more');
    expect(printed.trim().endsWith('bot> Draft kept.')).toBe(true);
  });
});
