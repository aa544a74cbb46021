import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SLACK_BOT_SCOPES,
  SLACK_EVENTS_PATH,
  SLACK_OAUTH_REDIRECT_PATH,
} from '../../adapters/slack';

const manifest = readFileSync(join(__dirname, '../../manifest.yml'), 'utf8');

/** The `- item` lines under `key:` (a tiny reader for this manifest's flat lists). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const indent = (lines[start + 1] ?? '').search(/\S/);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.search(/\S/) !== indent || !line.trim().startsWith('- ')) break;
    out.push(line.trim().slice(2));
  }
  return out;
}

describe('manifest.yml', () => {
  it('asks for exactly the bot scopes the adapter uses (and OAuth installs request)', () => {
    expect(listUnder('bot').sort()).toEqual([...SLACK_BOT_SCOPES].sort());
  });

  it('subscribes to the events the issue lists, with interactivity and the slash command', () => {
    expect(listUnder('bot_events').sort()).toEqual(
      [
        'app_mention',
        'message.channels',
        'message.groups',
        'reaction_added',
        'reaction_removed',
      ].sort(),
    );
    expect(manifest).toMatch(/- command: \/tiktok-ad\n/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });

  it('points every URL at the one endpoint (or the OAuth redirect) on the placeholder host', () => {
    const body = manifest.replace(/^\s*#.*$/gm, '');
    const urls = [...body.matchAll(/https:\/\/[^\s"]+/g)].map((m) => m[0]);
    const paths = new Set(
      urls.filter((u) => u.startsWith('https://bot.example.com')).map((u) => new URL(u).pathname),
    );
    expect(paths).toEqual(new Set([SLACK_EVENTS_PATH, SLACK_OAUTH_REDIRECT_PATH]));
  });
});
