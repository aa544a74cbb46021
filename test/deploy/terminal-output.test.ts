import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildBot } from './child-bot';

const SCRIPT = readFileSync(join(__dirname, '../../examples/conversation.txt'), 'utf8');

jest.setTimeout(40_000);

describe('npm start with piped input (the built bot as a child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'terminal-output-'));
  const logFile = join(dir, 'logs', 'bot.log');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows no JSON log line: start-up warnings as [setup] lines, logs in LOG_FILE', async () => {
    const bot = ChildBot.start({ LOG_FILE: logFile });
    bot.proc.stdin?.end(SCRIPT);
    expect((await bot.exited).code).toBe(0);
    const shown = [...bot.stdout.split('\n'), ...bot.errLines];
    expect(shown.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    expect(bot.errLines.filter((line) => line.trim() !== '')).toEqual([]);
    expect(bot.stdout).toMatch(/ad_id\s+\d+/);

    // Before the first prompt: what runs, each start-up warning, and where the logs are.
    const head = bot.stdout.slice(0, bot.stdout.indexOf('you>')).trimEnd().split('\n');
    expect(head).toEqual([
      expect.stringMatching(/^\[setup\] TikTok: emulator at \S+ \(no real ad will be created\)/),
      expect.stringMatching(/^\[setup\] No Redis URL: state is kept in memory\./),
      expect.stringMatching(/^\[setup\] TOKEN_ENCRYPTION_KEYS is not set: /),
      `[setup] Logs: ${logFile} (LOG_FILE)`,
      expect.stringMatching(/^TikTok ad bot: terminal chat\./),
    ]);
    const logged = readFileSync(logFile, 'utf8').trim().split('\n');
    const entries = logged.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 40, msg: expect.stringMatching(/^No Redis URL/) }),
      ]),
    );
  });
});
