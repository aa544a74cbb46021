import { ctaLabel } from '../../src/ad/call-to-action';
import type { AdDraft } from '../../src/ad/draft';
import { OBJECTIVE_LABELS } from '../../src/ad/objective';
import type { Block, Reply, SuggestedAction } from '../../src/engine/reply';
import { OPEN_LINK_ACTION, slackActionId } from './actions';
import { type KitBlock, LIMITS, type SlackMessage, textLength, truncate } from './limits';
import { renderMediaChoice } from './media-choice';
import { escapeMrkdwn, mention } from './mrkdwn';

const TONE_ICON: Record<string, string> = {
  info: '',
  success: ':large_green_circle: ',
  warning: ':warning: ',
  error: ':red_circle: ',
};

const STEP_ICON: Record<string, string> = {
  pending: ':white_circle:',
  running: ':hourglass_flowing_sand:',
  done: ':large_green_circle:',
  failed: ':red_circle:',
};

/**
 * Renders one engine `Reply` as Slack messages (usually one): each `Block` becomes Block Kit
 * blocks, every message gets a `text` fallback (the notification and screen-reader text), and
 * every payload stays inside Block Kit's limits ({@link LIMITS}): text is cut with `…`, long
 * text is split across sections, and a reply with more blocks (or characters) than one message
 * allows is split into several messages, in order.
 *
 * User-supplied text (draft fields, model text, ids) is escaped with {@link escapeMrkdwn}, so it
 * can neither ping (`<!channel>`, `<@U…>`, `@here`) nor inject links or markup.
 */
export function renderReply(reply: Reply): SlackMessage[] {
  const messages: SlackMessage[] = [];
  let blocks: KitBlock[] = [];
  let summary: string[] = [];
  let chars = 0;
  const flush = () => {
    if (blocks.length === 0) return;
    messages.push({ text: fallback(summary), blocks });
    blocks = [];
    summary = [];
    chars = 0;
  };
  for (const block of reply.blocks) {
    const kit = renderBlock(block);
    // Keep a block's Kit parts together when they fit in a fresh message.
    if (
      blocks.length + kit.length > LIMITS.blocksPerMessage ||
      chars + textLength(kit) > LIMITS.blocksTotalChars
    )
      flush();
    for (const k of kit) {
      const size = textLength([k]);
      if (blocks.length >= LIMITS.blocksPerMessage || chars + size > LIMITS.blocksTotalChars)
        flush();
      if (blocks.length === 0 || summary.length === 0) summary.push(summaryOf(block));
      blocks.push(k);
      chars += size;
    }
    if (summary.at(-1) !== summaryOf(block)) summary.push(summaryOf(block));
  }
  flush();
  return messages;
}

function fallback(summary: string[]): string {
  const text = summary.filter((s) => s !== '').join(' · ');
  return truncate(text === '' ? 'TikTok ad bot' : text, LIMITS.fallbackText);
}

/** A one-line, escaped summary of a block, for the message's `text` fallback. */
function summaryOf(block: Block): string {
  switch (block.type) {
    case 'text':
    case 'question':
      return escapeMrkdwn(truncate(block.text, 300));
    case 'violations':
      return `${block.violations.length} problem(s) with the draft`;
    case 'media_choice':
      return `Your TikTok library: ${block.total} ${block.kind === 'video' ? 'videos' : 'images'} to pick from`;
    case 'ad_preview':
      return `Ad preview: ${escapeMrkdwn(truncate(block.draft.campaign_name ?? 'new ad', 100))}`;
    case 'approval_request':
      return `Approval needed: ${block.approved_by.length} of ${block.required}`;
    case 'progress':
      return `Submitting to TikTok: ${block.steps.map((s) => `${s.label} ${s.status}`).join(', ')}`;
    case 'result':
      return `Created on TikTok: ad ${escapeMrkdwn(block.ad_id)}`;
    case 'remediation':
      return escapeMrkdwn(truncate(block.title, 300));
    case 'link_account':
      return 'Connect your TikTok advertiser account';
    case 'advertiser_choice':
      return 'Choose the advertiser account for this ad';
  }
}

function mrkdwn(text: string): { type: 'mrkdwn'; text: string; verbatim: true } {
  // `verbatim: true`: Slack does not auto-link channel names or URLs in our text.
  return { type: 'mrkdwn', text, verbatim: true };
}

function plain(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** Sections for already-escaped mrkdwn of any length: split at line ends, ≤ 3000 chars each. */
function sections(text: string): KitBlock[] {
  const out: KitBlock[] = [];
  let rest = text.trim() === '' ? ' ' : text;
  while (rest.length > 0) {
    let cut = rest.length;
    if (cut > LIMITS.sectionText) {
      const nl = rest.lastIndexOf('\n', LIMITS.sectionText);
      cut = nl > LIMITS.sectionText / 2 ? nl : LIMITS.sectionText;
      // Never split an `&amp;`-style entity.
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 6 && rest.indexOf(';', amp) >= cut) cut = amp;
    }
    out.push({ type: 'section', text: mrkdwn(rest.slice(0, cut)) });
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  return out;
}

/** Escaped user text cut to `max` characters before escaping (so entities stay whole). */
function user(text: string, max: number): string {
  let limit = max;
  let escaped = escapeMrkdwn(truncate(text, limit));
  while (escaped.length > max && limit > 1) {
    limit -= escaped.length - max;
    escaped = escapeMrkdwn(truncate(text, Math.max(1, limit)));
  }
  return escaped;
}

function field(label: string, value: string): { type: 'mrkdwn'; text: string } {
  const head = `*${label}*\n`;
  return { type: 'mrkdwn', text: head + user(value, LIMITS.fieldText - head.length) };
}

function context(text: string): KitBlock {
  return { type: 'context', elements: [mrkdwn(truncate(text, LIMITS.sectionText))] };
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
function actionBlocks(actions: SuggestedAction[]): KitBlock[] {
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

/** A user (`<@U…>`) or user group (`<!subteam^S…>`) reference; ids only, never free text. */
function approverRef(id: string): string {
  if (/^S[A-Z0-9]+$/.test(id)) return `<!subteam^${id}>`;
  return /^[UW][A-Z0-9]+$/.test(id) ? mention(id) : escapeMrkdwn(id);
}

function emoji(name: string): string {
  return /^[a-z0-9_+-]{1,100}$/.test(name) ? `:${name}:` : escapeMrkdwn(name);
}

function mediaText(d: AdDraft): string {
  if (d.pending_media?.length) return `${d.pending_media.join(', ')} (looked up at submit)`;
  if (d.video_id) return `video ${d.video_id}, cover ${d.image_ids?.[0] ?? '?'}`;
  if (d.image_ids?.length) return `images ${d.image_ids.join(', ')}`;
  return '(not set)';
}

function musicText(d: AdDraft): string {
  const m = d.music;
  if (!m) return '(not set)';
  if (m.kind === 'none') return 'None (a single video with its own sound)';
  if (m.kind === 'custom') return `${m.music_id} (your track ${m.file_name})`;
  return m.pending ? `${m.music_id} (confirmed with TikTok at submit)` : m.music_id;
}

/** One engine block as Block Kit blocks. */
export function renderBlock(block: Block): KitBlock[] {
  switch (block.type) {
    case 'text': {
      const out = sections(`${TONE_ICON[block.tone ?? 'info'] ?? ''}${escapeMrkdwn(block.text)}`);
      if (block.actions?.length) out.push(...actionBlocks(block.actions));
      return out;
    }
    case 'question': {
      const out = sections(escapeMrkdwn(block.text));
      if (block.examples?.length)
        out.push(context(`e.g. ${block.examples.map((e) => escapeMrkdwn(e)).join('  ·  ')}`));
      return out;
    }
    case 'media_choice':
      return renderMediaChoice(block);
    case 'violations':
      return sections(
        block.violations.map((v) => `:warning: ${escapeMrkdwn(v.message)}`).join('\n'),
      );
    case 'ad_preview': {
      const d = block.draft;
      const out: KitBlock[] = [
        { type: 'header', text: plain('Ad preview', LIMITS.headerText) },
        {
          type: 'section',
          fields: [
            field('Campaign', d.campaign_name ?? '(not set)'),
            field('Objective', d.objective_type ? OBJECTIVE_LABELS[d.objective_type] : '(not set)'),
            field('Ad text', d.ad_text ?? '(not set)'),
            field('Call to action', d.call_to_action ? ctaLabel(d.call_to_action) : '(not set)'),
            field('Music', musicText(d)),
            field('Format', block.ad_format ?? '(decided by the music)'),
            field('Landing page', d.landing_page_url ?? '(not set)'),
            field(
              'Daily budget',
              `${block.budget} ${block.currency}${d.budget === undefined ? ' (default)' : ''}`,
            ),
            field('Media', mediaText(d)),
          ],
        },
      ];
      if (block.missing.length)
        out.push(context(`Still needed: ${escapeMrkdwn(block.missing.join(', '))}`));
      return out;
    }
    case 'approval_request': {
      const still = Math.max(0, block.required - block.approved_by.length);
      const lines = [
        `*${still > 0 ? 'Approval needed' : 'Approved'}* · ${block.approved_by.length} of ${block.required} approval${block.required === 1 ? '' : 's'}${still > 0 ? `, ${still} still needed` : ''} · version \`${escapeMrkdwn(block.content_hash)}\``,
        block.approved_by.length
          ? `Approved by ${block.approved_by.map(mention).join(', ')}.`
          : 'No approvals yet.',
      ];
      if (still > 0) {
        lines.push(
          `React with ${emoji(block.approve_emoji)} on this message to approve exactly this version, ${emoji(block.reject_emoji)} to send it back for editing, or use the buttons.`,
        );
        if (!block.self_approval_allowed)
          lines.push(
            `${mention(block.requester_id)} requested this ad, so a teammate approves it (not the requester, nor whoever changed it).`,
          );
        if (block.approvers?.length)
          lines.push(`Approvers: ${block.approvers.map(approverRef).join(', ')}.`);
      }
      return [
        ...sections(lines.join('\n')),
        ...actionBlocks([
          ...(still > 0
            ? [
                { action_id: 'approve' as const, label: 'Approve' },
                { action_id: 'reject' as const, label: 'Reject' },
              ]
            : []),
          { action_id: 'audit', label: 'Audit trail' },
        ]),
      ];
    }
    case 'progress':
      return sections(
        [
          '*Submitting to TikTok*',
          ...block.steps.map(
            (s) =>
              `${STEP_ICON[s.status] ?? ''} ${escapeMrkdwn(s.label)}${s.id ? ` \`${escapeMrkdwn(s.id)}\`` : ''}`,
          ),
        ].join('\n'),
      );
    case 'result':
      return [
        { type: 'header', text: plain('Created on TikTok', LIMITS.headerText) },
        {
          type: 'section',
          fields: [
            field('Advertiser ID', block.advertiser_id),
            field('Campaign ID', block.campaign_id),
            field('Ad group ID', block.adgroup_id),
            field('Ad ID', block.ad_id),
          ],
        },
      ];
    case 'remediation': {
      const out = sections(
        `:red_circle: *${escapeMrkdwn(block.title)}*${block.code ? ` (code ${block.code})` : ''}\n${escapeMrkdwn(block.detail)}`,
      );
      if (block.request_id)
        out.push(context(`TikTok request_id: \`${escapeMrkdwn(block.request_id)}\``));
      if (block.actions.length) out.push(...actionBlocks(block.actions));
      return out;
    }
    case 'link_account': {
      const why =
        block.reason === 'relink'
          ? 'TikTok no longer accepts your linked account. Connect it again to go on.'
          : block.reason === 'submit'
            ? 'Connect your TikTok advertiser account so I can submit your ad.'
            : block.reason === 'draft'
              ? 'Connect your TikTok advertiser account: I check your music and media with it while we write the ad, and submit with it once a teammate approves.'
              : 'Connect your TikTok advertiser account.';
      const text = `${why}\nThe link is only for you and works once, for ${block.expires_in_minutes} minutes.`;
      const ok = /^https?:\/\//.test(block.url) && block.url.length <= LIMITS.buttonUrl;
      if (!ok) return sections(`${text}\n${escapeMrkdwn(block.url)}`);
      return [
        ...sections(text),
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: OPEN_LINK_ACTION,
              text: plain('Connect TikTok account', LIMITS.buttonText),
              url: block.url,
              style: 'primary',
            },
          ],
        },
      ];
    }
    case 'advertiser_choice':
      return [
        ...sections(`${mention(block.requester_id)}, which advertiser account should this ad use?`),
        ...actionBlocks(
          block.options.map((o) => ({
            action_id: 'choose_advertiser' as const,
            label: o.advertiser_name
              ? `${o.advertiser_name} (${o.advertiser_id})`
              : o.advertiser_id,
            value: o.advertiser_id,
          })),
        ),
      ];
  }
}
