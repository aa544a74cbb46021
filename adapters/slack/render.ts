import type { Block, Reply } from '../../src/engine/ports';
import { OPEN_LINK_ACTION } from './actions';
import { renderAdvertiserChoice } from './advertiser-choice';
import { type KitBlock, LIMITS, type SlackMessage, textLength } from './limits';
import { renderMediaChoice } from './media-choice';
import { codeOf, escapeMrkdwn } from './mrkdwn';
import { adPreview, approvalRequest, progress, result } from './render-cards';
import { actionBlocks, context, cutMrkdwn, plain, sections } from './render-parts';

const TONE_ICON: Record<string, string> = {
  info: '',
  success: ':large_green_circle: ',
  warning: ':warning: ',
  error: ':red_circle: ',
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
  return cutMrkdwn(text === '' ? 'TikTok ad bot' : text, LIMITS.fallbackText);
}

/** A one-line, escaped summary of a block, for the message's `text` fallback. */
function summaryOf(block: Block): string {
  switch (block.type) {
    case 'text':
    case 'question':
      return cutMrkdwn(escapeMrkdwn(block.text), 300);
    case 'violations':
      return `${block.violations.length} problem(s) with the draft`;
    case 'media_choice':
      return `Your TikTok library: ${block.total} ${block.kind === 'video' ? 'videos' : 'images'} to pick from`;
    case 'ad_preview':
      return `Ad preview: ${cutMrkdwn(escapeMrkdwn(block.draft.campaign_name ?? 'new ad'), 100)}`;
    case 'approval_request':
      return `Approval needed: ${block.approved_by.length} of ${block.required}`;
    case 'progress':
      return `Submitting to TikTok: ${block.steps.map((s) => `${s.label} ${s.status}`).join(', ')}`;
    case 'result':
      return `Created on TikTok: ad ${escapeMrkdwn(block.ad_id)}`;
    case 'remediation':
      return cutMrkdwn(escapeMrkdwn(block.title), 300);
    case 'link_account':
      return 'Connect your TikTok advertiser account';
    case 'advertiser_choice':
      return 'Choose the advertiser account for this ad';
  }
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
    case 'ad_preview':
      return adPreview(block);
    case 'approval_request':
      return approvalRequest(block);
    case 'progress':
      return progress(block);
    case 'result':
      return result(block);
    case 'remediation': {
      const out = sections(
        `:red_circle: *${escapeMrkdwn(block.title)}*${block.code ? ` (code ${block.code})` : ''}\n${escapeMrkdwn(block.detail)}`,
      );
      if (block.request_id) out.push(context(`TikTok request_id: ${codeOf(block.request_id)}`));
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
      return renderAdvertiserChoice(block);
  }
}
