// The pieces Slack messages are built from, each inside its Block Kit limit (limits.ts,
// docs/platform-limits.md): text is escaped first (mrkdwn.ts) and split or cut after, never
// the other way round, so an entity is never cut in half and a limit counts what is sent.
import type { SuggestedAction } from '../../src/engine/ports';
import { cutText, splitText } from '../shared/cut';
import { slackActionId } from './actions';
import { type KitBlock, LIMITS } from './limits';
import { mrkdwnSafe } from './mrkdwn';

/** A `mrkdwn` text object; `verbatim`: Slack does not auto-link channel names or URLs in it. */
export function mrkdwn(text: string): { type: 'mrkdwn'; text: string; verbatim: true } {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** A `plain_text` object cut to `max` (button labels, headers, option texts). */
export function plain(
  text: string,
  max: number,
): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: cutText(text, max), emoji: true };
}

/** Escaped mrkdwn cut to `max` with `…` (the summary fallback, context lines). */
export function cutMrkdwn(escaped: string, max: number): string {
  return cutText(escaped, max, mrkdwnSafe);
}

/** Sections for escaped mrkdwn of any length: split at line ends, ≤ 3000 characters each. */
export function sections(escaped: string): KitBlock[] {
  const text = escaped.trim() === '' ? ' ' : escaped;
  return splitText(text, LIMITS.sectionText, mrkdwnSafe)
    .filter((piece, i) => i === 0 || piece !== '')
    .map((piece) => ({ type: 'section', text: mrkdwn(piece === '' ? ' ' : piece) }));
}

/**
 * How many field characters one section holds, so that a section stays well inside the
 * message's total (`LIMITS.blocksTotalChars`) and a card can go on in a next message.
 */
const SECTION_FIELD_BUDGET = 6000;

/**
 * `section` blocks of `*label*` + value fields (two columns), for escaped values of any
 * length: a value longer than one field (2000) goes on in the next fields, headed
 * `label (cont.)`, so nothing is cut; at most 10 fields per section.
 */
export function fieldSections(rows: Array<[label: string, escapedValue: string]>): KitBlock[] {
  const fields = rows.flatMap(([label, value]) => {
    const cont = `*${label} (cont.)*\n`;
    return splitText(value === '' ? '-' : value, LIMITS.fieldText - cont.length, mrkdwnSafe).map(
      (piece, i) => mrkdwn(`${i === 0 ? `*${label}*\n` : cont}${piece === '' ? '-' : piece}`),
    );
  });
  const out: KitBlock[] = [];
  let current: Array<ReturnType<typeof mrkdwn>> = [];
  let size = 0;
  for (const f of fields) {
    if (current.length === LIMITS.sectionFields || size + f.text.length > SECTION_FIELD_BUDGET) {
      out.push({ type: 'section', fields: current });
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.text.length;
  }
  if (current.length > 0) out.push({ type: 'section', fields: current });
  return out;
}

/** A `context` line of escaped mrkdwn, cut to 3000 with `…`. */
export function context(escaped: string): KitBlock {
  return { type: 'context', elements: [mrkdwn(cutMrkdwn(escaped, LIMITS.sectionText))] };
}

function button(action: SuggestedAction, n?: number): KitBlock {
  const b: KitBlock = {
    type: 'button',
    action_id: slackActionId(action.action_id, n),
    text: plain(action.label, LIMITS.buttonText),
  };
  if (action.value !== undefined) b.value = action.value.slice(0, LIMITS.buttonValue);
  if (action.action_id === 'approve' || action.action_id === 'retry') b.style = 'primary';
  if (action.action_id === 'reject') b.style = 'danger';
  return b;
}

/** Actions blocks of ≤ 25 buttons; repeated actions get numbered `action_id`s. */
export function actionBlocks(actions: SuggestedAction[]): KitBlock[] {
  const count = new Map<string, number>();
  for (const a of actions) count.set(a.action_id, (count.get(a.action_id) ?? 0) + 1);
  const buttons = actions.map((a, i) =>
    (count.get(a.action_id) ?? 0) > 1 ? button(a, i) : button(a),
  );
  const out: KitBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements)
    out.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  return out;
}
