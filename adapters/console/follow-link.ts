import { BotError } from '../../src/errors/bot-error';

/** What a browser would end on after following a link: status, page title and text. */
export interface FollowedPage {
  status: number;
  title: string;
  text: string;
}

/**
 * Follows `url` the way a browser would for the account-linking dance (our start hop → the
 * TikTok emulator's authorization page → our callback): up to 5 redirects, carrying cookies
 * set along the way (like a browser, by host, whatever the port). For the terminal's `/open`
 * against the emulator; a real TikTok page needs a real browser.
 */
export async function followLink(url: string): Promise<FollowedPage> {
  const jar = new Map<string, string>();
  let current = new URL(url);
  for (let hop = 0; hop < 6; hop++) {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(current, {
      redirect: 'manual',
      ...(cookie ? { headers: { cookie } } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      current = new URL(location, current);
      continue;
    }
    const html = await res.text();
    const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? `HTTP ${res.status}`;
    const text = [...html.matchAll(/<p[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]).join(' ');
    return {
      status: res.status,
      title: decodeEntities(title),
      text: decodeEntities(text || html.trim()),
    };
  }
  throw new BotError('redirect_loop', 'Too many redirects');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
