// Each engine block as Discord content, embeds and component rows. Every value that came from
// a user, the model or TikTok is escaped (markdown.ts) and shown whole: long values go on in
// further fields and embeds (render-parts.ts), long content in further messages (render.ts).
import { ButtonBuilder, ButtonStyle } from 'discord.js';
import { type Block, ctaLabel, landingPageDisplay, OBJECTIVE_LABELS } from '../../src/engine/ports';
import { renderAdvertiserChoice } from './advertiser-choice';
import { codeOf, escapeMd, mention } from './markdown';
import { renderMediaChoice } from './media-choice';
import {
  buttons,
  COLOUR,
  cardEmbeds,
  emojiChar,
  fields,
  mediaText,
  musicText,
  type RenderedBlock,
  rowsOf,
  STEP_ICON,
  TONE_PREFIX,
} from './render-parts';

export type { ComponentRow, RenderedBlock } from './render-parts';

function adPreview(block: Block & { type: 'ad_preview' }): RenderedBlock {
  const d = block.draft;
  const rows: Array<[string, string, boolean]> = [
    ['Campaign', d.campaign_name ?? '(not set)', true],
    ['Objective', d.objective_type ? OBJECTIVE_LABELS[d.objective_type] : '(not set)', true],
    ['Format', block.ad_format ?? '(decided by music)', true],
    ['Ad text', d.ad_text ?? '(not set)', false],
    ['Call to action', d.call_to_action ? ctaLabel(d.call_to_action) : '(not set)', true],
    ['Music', musicText(d), true],
    [
      'Daily budget',
      `${block.budget} ${block.currency}${d.budget === undefined ? ' (default)' : ''}`,
      true,
    ],
    [
      'Landing page',
      d.landing_page_url ? landingPageDisplay(d.landing_page_url) : '(not set)',
      false,
    ],
    ['Media', mediaText(d), false],
  ];
  return {
    embeds: cardEmbeds({
      colour: COLOUR.info,
      title: 'Ad preview',
      fields: rows.flatMap(([name, value, inline]) => fields(name, escapeMd(value), inline)),
      ...(block.missing.length > 0 ? { footer: `Still needed: ${block.missing.join(', ')}` } : {}),
    }),
    rows: [],
  };
}

function approvalRequest(block: Block & { type: 'approval_request' }): RenderedBlock {
  const approve = emojiChar(block.approve_emoji);
  const reject = emojiChar(block.reject_emoji);
  const open = block.approved_by.length < block.required;
  const who = block.approved_by.length ? block.approved_by.map(mention).join(', ') : 'nobody yet';
  const approvers = block.approvers?.length
    ? '\nOnly the configured approvers (people or roles) can approve.'
    : '';
  const description = open
    ? `React ${approve} to approve exactly this version or ${reject} to reject, or use the buttons.` +
      (block.self_approval_allowed
        ? ''
        : `\nThe requester (${mention(block.requester_id)}) and whoever changed this version cannot approve it.`) +
      approvers
    : 'This version has the approvals it needs.';
  return {
    embeds: cardEmbeds({
      colour: open ? COLOUR.warning : COLOUR.success,
      title: open ? 'Approval needed' : 'Approved',
      description,
      fields: [
        ...fields('Requested by', mention(block.requester_id), true),
        ...fields(`Approvals ${block.approved_by.length}/${block.required}`, who, true),
        ...fields('Version', codeOf(block.content_hash), true),
      ],
    }),
    rows: rowsOf(
      buttons([
        ...(open
          ? [
              { action_id: 'approve' as const, label: `${approve} Approve` },
              { action_id: 'reject' as const, label: `${reject} Reject` },
            ]
          : []),
        { action_id: 'audit', label: 'Audit trail' },
      ]),
    ),
  };
}

function linkAccount(block: Block & { type: 'link_account' }): RenderedBlock {
  const why =
    block.reason === 'relink'
      ? 'TikTok stopped accepting your linked account, so it needs linking again.'
      : block.reason === 'submit'
        ? 'Your ad is approved; connect your TikTok advertiser account and I will submit it.'
        : block.reason === 'draft'
          ? 'Connect your TikTok advertiser account: I check your music and media with it while we write the ad, and submit with it once a teammate approves.'
          : 'Connect your TikTok advertiser account to submit ads from chat.';
  return {
    embeds: cardEmbeds({
      colour: COLOUR.info,
      title: 'Connect your TikTok advertiser account',
      description: `${why}\nThe link is only for you and works once, for ${block.expires_in_minutes} minutes.`,
    }),
    // A link button (style 5) opens the URL; it has no custom_id (Discord docs: Button styles).
    rows: rowsOf([
      new ButtonBuilder().setStyle(ButtonStyle.Link).setLabel('Connect TikTok').setURL(block.url),
    ]),
  };
}

function remediation(block: Block & { type: 'remediation' }): RenderedBlock {
  return {
    embeds: cardEmbeds({
      colour: block.error_class === 'transient' ? COLOUR.warning : COLOUR.error,
      title: escapeMd(block.title),
      description: escapeMd(block.detail || '-'),
      fields: [
        ...(block.code !== undefined ? fields('TikTok code', String(block.code), true) : []),
        ...(block.request_id ? fields('TikTok request_id', codeOf(block.request_id), true) : []),
      ],
    }),
    rows: rowsOf(buttons(block.actions)),
  };
}

/**
 * Renders one block. Short conversational blocks (`text`, `question`) become message text;
 * cards become embeds, with buttons or menus for what the user can do next.
 */
export function renderBlock(block: Block): RenderedBlock {
  switch (block.type) {
    case 'text':
      return {
        content: `${TONE_PREFIX[block.tone ?? 'info']}${escapeMd(block.text)}`,
        embeds: [],
        rows: block.actions?.length ? rowsOf(buttons(block.actions)) : [],
      };
    case 'question': {
      const examples = block.examples?.length
        ? `\n-# e.g. ${block.examples.map(escapeMd).join(' · ')}`
        : '';
      return { content: `${escapeMd(block.text)}${examples}`, embeds: [], rows: [] };
    }
    case 'media_choice': {
      const first = block.items[0]?.position ?? 1;
      const last = block.items.at(-1)?.position ?? first;
      return {
        content: `Your TikTok library, newest first: ${first}-${last} of ${block.total}. Pick from the menu, or say "the first two", "#1 and #3".`,
        ...renderMediaChoice(block),
      };
    }
    case 'violations':
      return {
        embeds: cardEmbeds({
          colour: COLOUR.error,
          title: 'Needs a fix before it can go to TikTok',
          description: block.violations.map((v) => `• ${escapeMd(v.message)}`).join('\n'),
        }),
        rows: [],
      };
    case 'ad_preview':
      return adPreview(block);
    case 'approval_request':
      return approvalRequest(block);
    case 'progress':
      return {
        embeds: cardEmbeds({
          colour: block.steps.some((s) => s.status === 'failed') ? COLOUR.error : COLOUR.info,
          title: 'Submitting to TikTok',
          description: block.steps
            .map(
              (s) => `${STEP_ICON[s.status]} ${escapeMd(s.label)}${s.id ? ` ${codeOf(s.id)}` : ''}`,
            )
            .join('\n'),
        }),
        rows: [],
      };
    case 'result':
      return {
        embeds: cardEmbeds({
          colour: COLOUR.success,
          title: 'Created on TikTok',
          description: 'The campaign, ad group and ad exist on TikTok.',
          fields: [
            ...fields('Advertiser', codeOf(block.advertiser_id), true),
            ...fields('Campaign', codeOf(block.campaign_id), true),
            ...fields('Ad group', codeOf(block.adgroup_id), true),
            ...fields('Ad', codeOf(block.ad_id), true),
          ],
        }),
        rows: [],
      };
    case 'remediation':
      return remediation(block);
    case 'link_account':
      return linkAccount(block);
    case 'advertiser_choice':
      return renderAdvertiserChoice(block);
  }
}
