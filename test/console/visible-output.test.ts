import { PassThrough, Readable } from 'node:stream';
import { visible } from '../../adapters/console/visible';
import { runTerminal } from '../../src/app/terminal';
import { silentLogger } from '../../src/logging/logger';

async function chat(lines: string): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  await runTerminal({
    env: { LOG_LEVEL: 'silent' },
    input: Readable.from([lines]),
    output,
    logger: silentLogger(),
  });
  return text;
}

describe('the terminal shows what it prints, and never acts on it', () => {
  it('escapes control characters, escape sequences and bidi/format characters', () => {
    expect(visible('red \x1b[31mX\x1b[0m')).toBe('red \\x1b[31mX\\x1b[0m');
    expect(visible('title \x1b]0;pwned\x07 end')).toBe('title \\x1b]0;pwned\\x07 end');
    expect(visible('a\u202Eevil')).toBe('a\\u202eevil');
    expect(visible('nul\0 cr\r bs\b zw\u200b bom\uFEFF ls\u2028 c1\u009b tag\u{E0041}')).toBe(
      'nul\\x00 cr\\x0d bs\\x08 zw\\u200b bom\\ufeff ls\\u2028 c1\\x9b tag\\u{e0041}',
    );
    // Line feeds, tabs, ordinary text and emoji (with their zero-width joiner) stay as they are.
    expect(visible('line\n\ttab · ✅ 👩‍💻 ünïcödé 日本')).toBe(
      'line\n\ttab · ✅ 👩‍💻 ünïcödé 日本',
    );
  });

  it('a conversation echoing a hostile value prints it escaped, never raw', async () => {
    const out = await chat(
      'Campaign named Boots \x1b[31mRED\x1b[0m \u202Egnp.exe for sales\n/status\n',
    );
    expect(out).toContain('\\x1b[31mRED\\x1b[0m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none is printed
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
  });
});
