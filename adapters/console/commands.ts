import type { ActionId } from '../../src/engine/ports';

/** Fault kinds the emulator can inject into the next TikTok call (`off` clears them). */
export const FAULTS = ['geo', 'auth', 'server', 'ratelimit', 'off'] as const;
export type FaultKind = (typeof FAULTS)[number];

/** One typed line, understood. */
export type ConsoleInput =
  | { kind: 'message'; text: string }
  | { kind: 'start'; text: string }
  | { kind: 'action'; action_id: ActionId }
  | { kind: 'simulate'; fault: FaultKind }
  | { kind: 'upload'; path: string; text: string }
  | { kind: 'choose_advertiser'; advertiser_id: string }
  | { kind: 'media_page'; page: number }
  | { kind: 'open' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'invalid'; error: string };

const ACTIONS: Record<string, ActionId> = {
  '/approve': 'approve',
  '/reject': 'reject',
  '/reset': 'reset',
  '/status': 'status',
  '/retry': 'retry',
  '/edit': 'edit',
  '/link': 'link_account',
  '/unlink': 'unlink_account',
  '/audit': 'audit',
};

/** The terminal's help text. */
export const HELP = `Type in plain words; the bot asks for what is missing. Commands:
  /approve            approve the draft (same as reacting with ✅)
  /reject             send the draft back for editing (same as ❌)
  /status             show the draft and where it stands
  /retry              retry a failed submission (resumes, never duplicates)
  /reset              start the draft over
  /upload <file> [words]  upload an MP3 track, a JPEG/PNG image or an MP4/MOV video
  /link               get a private link to connect your TikTok account
  /open               follow the last private link as a browser would (emulator only)
  /unlink             disconnect your TikTok account (revokes its access)
  /audit              show this thread's audit trail (approvals, submission steps), oldest first
  /advertiser <id>    pick the advertiser account when your login reaches several
  /pick <#n …>        pick media from the numbered library list (or just type "#1 and #3")
  /page <n>           show another page of the library list
  /tiktok-ad [words]  start a new draft in a new thread
  /simulate geo|auth|server|ratelimit|off   make the emulator fail the next TikTok call
  /help               this text
  /quit               leave`;

/**
 * Parses one line: a line starting with `/` is a command, anything else is a message.
 * Unknown commands and bad arguments come back as `invalid` with a message to show.
 */
export function parseLine(line: string): ConsoleInput {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  if (!text.startsWith('/')) return { kind: 'message', text };
  const [command = '', ...rest] = text.split(/\s+/);
  const arg = rest.join(' ');
  const action = ACTIONS[command.toLowerCase()];
  if (action) return { kind: 'action', action_id: action };
  switch (command.toLowerCase()) {
    case '/help':
      return { kind: 'help' };
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    case '/tiktok-ad':
    case '/new':
      return { kind: 'start', text: arg };
    case '/open':
      return { kind: 'open' };
    case '/page': {
      const page = Number(rest[0]);
      if (!Number.isInteger(page) || page < 1)
        return { kind: 'invalid', error: 'Usage: /page <number>' };
      return { kind: 'media_page', page };
    }
    case '/pick':
      return arg
        ? { kind: 'message', text: arg }
        : { kind: 'invalid', error: 'Usage: /pick #1 #3' };
    case '/advertiser': {
      const id = rest[0];
      if (!id) return { kind: 'invalid', error: 'Usage: /advertiser <advertiser_id>' };
      return { kind: 'choose_advertiser', advertiser_id: id };
    }
    case '/upload': {
      const [path, ...words] = rest;
      if (!path)
        return {
          kind: 'invalid',
          error: 'Usage: /upload path/to/file (MP3, JPEG, PNG, MP4 or MOV)',
        };
      return { kind: 'upload', path, text: words.join(' ') };
    }
    case '/simulate': {
      const fault = arg.toLowerCase() as FaultKind;
      if (!(FAULTS as readonly string[]).includes(fault)) {
        return { kind: 'invalid', error: `Usage: /simulate ${FAULTS.join('|')}` };
      }
      return { kind: 'simulate', fault };
    }
    default:
      return { kind: 'invalid', error: `Unknown command ${command}. Type /help for the list.` };
  }
}
