/**
 * Block Kit limits for messages, and helpers that keep payloads inside them.
 * Sources, each with its public page: docs/platform-limits.md (Slack's Block Kit reference and
 * the limits in the `@slack/types` doc comments, node-slack-sdk
 * `packages/types/src/block-kit/*.ts`).
 */
import { cutText } from '../shared/cut';

export const LIMITS = {
  /** Blocks in one message (modals and Home allow 100). */
  blocksPerMessage: 50,
  /** `section.text`, 1..3000 characters. */
  sectionText: 3000,
  /** `section.fields`: at most 10 items, each at most 2000 characters. */
  sectionFields: 10,
  fieldText: 2000,
  /** `header` block `plain_text`. */
  headerText: 150,
  /** `context` block: at most 10 elements, text at most 3000 characters. */
  contextElements: 10,
  /** `actions` block: at most 25 elements. */
  actionsElements: 25,
  /** Button `text` (plain_text). */
  buttonText: 75,
  /** Button `value`. */
  buttonValue: 2000,
  /** Button `url`. */
  buttonUrl: 3000,
  /** Select menu `options`: 1..100. */
  selectOptions: 100,
  /** Option `text` (plain_text) and `value`. */
  optionText: 75,
  optionValue: 150,
  /** Select menu `placeholder`. */
  placeholder: 150,
  /** `action_id` and `block_id`. */
  actionId: 255,
  /**
   * Total characters across a message's blocks before Slack answers `msg_blocks_too_long`
   * (undocumented, about 13k; docs/platform-limits.md gives the report). We keep under this budget.
   */
  blocksTotalChars: 12_000,
  /** Top-level `text` fallback: Slack truncates above 40,000; we keep notifications short. */
  fallbackText: 3000,
} as const;

/**
 * Cuts plain text to at most `max` characters, ending with `…` when it was cut (never half an
 * emoji). For escaped mrkdwn use `cutMrkdwn` (render-parts.ts), which never cuts an entity.
 */
export function truncate(text: string, max: number): string {
  return cutText(text, max);
}

/** A Block Kit object as we build it (plain JSON). */
export type KitBlock = Record<string, unknown> & { type: string };

/** One Slack message body: the `text` notification fallback and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: KitBlock[];
}

/** The total length of every `text` string in these blocks (Slack's undocumented budget). */
export function textLength(blocks: KitBlock[]): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') n += x.length;
        else walk(x);
      }
  };
  walk(blocks);
  return n;
}

/** One limit a message breaks: where (`blocks[2].text`) and what. */
export interface Problem {
  path: string;
  problem: string;
}

const textOf = (o: unknown): string =>
  typeof o === 'object' && o !== null && typeof (o as { text?: unknown }).text === 'string'
    ? (o as { text: string }).text
    : '';

type Add = (path: string, problem: string) => void;

const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

function checkSection(block: KitBlock, at: string, add: Add): void {
  const text = textOf(block.text);
  const fields = listOf<unknown>(block.fields);
  if (block.text !== undefined && (text.length < 1 || text.length > LIMITS.sectionText))
    add(`${at}.text`, `length ${text.length} outside 1..3000`);
  if (block.text === undefined && fields.length === 0) add(at, 'section without text');
  if (fields.length > LIMITS.sectionFields) add(`${at}.fields`, 'more than 10 fields');
  fields.forEach((f, j) => {
    const t = textOf(f);
    if (t.length < 1 || t.length > LIMITS.fieldText)
      add(`${at}.fields[${j}]`, `length ${t.length} outside 1..2000`);
  });
}

function checkHeader(block: KitBlock, at: string, add: Add): void {
  const t = textOf(block.text);
  if (t.length < 1 || t.length > LIMITS.headerText) add(`${at}.text`, 'header length');
}

function checkContext(block: KitBlock, at: string, add: Add): void {
  const els = listOf<unknown>(block.elements);
  if (els.length < 1 || els.length > LIMITS.contextElements)
    add(`${at}.elements`, 'context needs 1..10 elements');
  els.forEach((e, j) => {
    const t = textOf(e);
    if (t.length < 1 || t.length > LIMITS.sectionText) add(`${at}.elements[${j}]`, 'text length');
  });
}

/** A select menu element: 1..100 options, each with text 1..75 and value ≤ 150. */
function checkSelect(e: KitBlock, p: string, add: Add): void {
  const options = listOf<KitBlock>(e.options);
  if (options.length < 1 || options.length > 100) add(`${p}.options`, '1..100 options');
  if (textOf(e.placeholder).length > 150) add(`${p}.placeholder`, 'too long');
  for (const o of options) {
    if (textOf(o.text).length < 1 || textOf(o.text).length > 75)
      add(`${p}.options`, 'option text length');
    if (typeof o.value !== 'string' || o.value.length > 150)
      add(`${p}.options`, 'option value length');
  }
}

/** A button element: text, `action_id`, value and URL within their limits. */
function checkButton(e: KitBlock, p: string, add: Add): void {
  const t = textOf(e.text);
  if (t.length < 1 || t.length > LIMITS.buttonText) add(`${p}.text`, 'button text length');
  const id = typeof e.action_id === 'string' ? e.action_id : '';
  if (id.length < 1 || id.length > LIMITS.actionId) add(`${p}.action_id`, 'length');
  if (typeof e.value === 'string' && e.value.length > LIMITS.buttonValue)
    add(`${p}.value`, 'too long');
  if (typeof e.url === 'string' && e.url.length > LIMITS.buttonUrl) add(`${p}.url`, 'too long');
}

function checkActions(block: KitBlock, at: string, add: Add): void {
  const els = listOf<KitBlock>(block.elements);
  if (els.length < 1 || els.length > LIMITS.actionsElements)
    add(`${at}.elements`, 'actions needs 1..25 elements');
  const ids = new Set<string>();
  els.forEach((e, j) => {
    const p = `${at}.elements[${j}]`;
    if (e.type === 'static_select' || e.type === 'multi_static_select') checkSelect(e, p, add);
    else checkButton(e, p, add);
    const id = typeof e.action_id === 'string' ? e.action_id : '';
    if (ids.has(id)) add(`${p}.action_id`, `duplicate action_id ${id}`);
    ids.add(id);
  });
}

/** The check of each block type the renderer emits; a divider has nothing to check. */
const BLOCK_CHECKS: Record<string, (block: KitBlock, at: string, add: Add) => void> = {
  section: checkSection,
  header: checkHeader,
  context: checkContext,
  actions: checkActions,
  divider: () => {},
};

/**
 * Checks one message against the Block Kit limits above and returns every problem found
 * (empty when it fits). Used by tests on every recorded Web API call and by the renderer's own
 * tests; covers the block types the renderer emits (section, header, context, actions, divider).
 */
export function blockKitProblems(message: { text?: unknown; blocks?: unknown }): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (path, problem) => problems.push({ path, problem });
  if (typeof message.text !== 'string' || message.text.trim() === '')
    add('text', 'missing text fallback');
  else if (message.text.length > LIMITS.fallbackText) add('text', 'fallback text too long');
  const blocks = listOf<KitBlock>(message.blocks);
  if (blocks.length > LIMITS.blocksPerMessage) add('blocks', `${blocks.length} blocks > 50`);
  const total = textLength(blocks);
  if (total > LIMITS.blocksTotalChars)
    add('blocks', `${total} text chars > ${LIMITS.blocksTotalChars}`);
  blocks.forEach((block, i) => {
    const at = `blocks[${i}]`;
    if (typeof block.block_id === 'string' && block.block_id.length > LIMITS.actionId)
      add(`${at}.block_id`, 'too long');
    const check = BLOCK_CHECKS[block.type];
    if (check) check(block, at, add);
    else add(at, `unexpected block type ${block.type}`);
  });
  return problems;
}
