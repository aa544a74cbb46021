import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SLACK_BOT_SCOPES,
  SLACK_EVENTS_PATH,
  SLACK_OAUTH_REDIRECT_PATH,
} from '../../adapters/slack';

const read = (name: string) => readFileSync(join(__dirname, '../..', name), 'utf8');
const HTTP = read('manifest.yml');
const SOCKET = read('manifest.socket-mode.yml');

/** The `- item` lines under `key:` (a tiny reader for these manifests' flat lists). */
function listUnder(manifest: string, key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  if (start < 0) return [];
  const indent = (lines[start + 1] ?? '').search(/\S/);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.search(/\S/) !== indent || !line.trim().startsWith('- ')) break;
    out.push(line.trim().slice(2));
  }
  return out;
}

/** Event names the Slack adapter listens to (`app.event('…')` in adapters/slack). */
function handledEvents(): Set<string> {
  const dir = join(__dirname, '../../adapters/slack');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/app\.event\('([a-z_]+)'/g)])
    .map((m) => m[1] ?? '');
  return new Set(names);
}

/** `message.channels` → `message`: the Events API type a subscription delivers. */
const eventType = (subscription: string) => subscription.split('.')[0] ?? subscription;

const CONVERSATION_EVENTS = [
  'app_mention',
  'message.channels',
  'message.groups',
  'reaction_added',
  'reaction_removed',
];

describe.each([
  ['manifest.yml (HTTP)', HTTP],
  ['manifest.socket-mode.yml', SOCKET],
])('%s', (_name, manifest) => {
  it('asks for exactly the bot scopes the adapter uses (and OAuth installs request)', () => {
    expect(listUnder(manifest, 'bot').sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    // Posting where the bot is not a member would open threads whose replies it never sees.
    expect(manifest.replace(/^\s*#.*$/gm, '')).not.toContain('chat:write.public');
  });

  it('subscribes only to events the adapter handles, with interactivity and the command', () => {
    const events = listUnder(manifest, 'bot_events');
    expect(events).toEqual(expect.arrayContaining(CONVERSATION_EVENTS));
    const handled = handledEvents();
    for (const event of events) expect(handled).toContain(eventType(event));
    expect(manifest).toMatch(/- command: \/tiktok-ad\n/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});

describe('manifest.yml (HTTP, OAuth installs)', () => {
  it('subscribes to app_uninstalled and tokens_revoked, which forget an installation', () => {
    expect(listUnder(HTTP, 'bot_events')).toEqual(
      expect.arrayContaining(['app_uninstalled', 'tokens_revoked']),
    );
  });

  it('points every URL at the one endpoint (or the OAuth redirect) on the placeholder host', () => {
    const body = HTTP.replace(/^\s*#.*$/gm, '');
    const urls = [...body.matchAll(/https:\/\/[^\s"]+/g)].map((m) => m[0]);
    const paths = new Set(
      urls.filter((u) => u.startsWith('https://bot.example.com')).map((u) => new URL(u).pathname),
    );
    expect(paths).toEqual(new Set([SLACK_EVENTS_PATH, SLACK_OAUTH_REDIRECT_PATH]));
    expect(HTTP).toMatch(/socket_mode_enabled: false/);
  });
});

describe('manifest.socket-mode.yml', () => {
  it('turns Socket Mode on and has no URLs at all', () => {
    expect(SOCKET).toMatch(/socket_mode_enabled: true/);
    expect(SOCKET.replace(/^\s*#.*$/gm, '')).not.toMatch(/https?:\/\/|url:|redirect_urls/);
    expect(listUnder(SOCKET, 'bot_events')).not.toContain('app_uninstalled');
  });
});
