import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  embedLength,
} from 'discord.js';
import { ctaLabel } from '../../src/ad/call-to-action';
import { OBJECTIVE_LABELS } from '../../src/ad/objective';
import type { Block, Reply } from '../../src/engine/reply';
import { DISCORD_LIMITS, truncate } from './limits';
import { renderMediaChoice } from './media-choice';
import {
  buttons,
  COLOUR,
  embed,
  emojiChar,
  field,
  mediaText,
  mention,
  musicText,
  rowsOf,
  STEP_ICON,
  TONE_PREFIX,
} from './render-parts';

export { type ButtonRow, emojiChar } from './render-parts';

/** Any action row a message carries: buttons, or a select menu. */
export type ComponentRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * One Discord message, ready for `channel.send`, `message.edit`, `user.send` or an interaction
 * reply (discord.js option names). Always within Discord's limits (see `limits.ts`), and
 * `allowedMentions.parse` is empty so text that came from users (campaign names, ad text) can
 * never ping `@everyone`, `@here`, roles or users (Discord docs: "Allowed mentions object").
 * `users` lists the only users a message may ping on purpose (e.g. "open your DMs").
 */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ComponentRow[];
  allowedMentions: { parse: []; users?: string[] };
}

/** A block rendered: message text (content), embeds and button rows. */
interface RenderedBlock {
  content?: string;
  embeds: APIEmbed[];
  rows: ComponentRow[];
}

/**
 * Renders one block. Short conversational blocks (`text`, `question`) become message text;
 * cards become embeds, with buttons for what the user can do next.
 */
export function renderBlock(block: Block): RenderedBlock {
  switch (block.type) {
    case 'text': {
      const tone = block.tone ?? 'info';
      return {
        content: `${TONE_PREFIX[tone]}${block.text}`,
        embeds: [],
        rows: block.actions?.length ? rowsOf(buttons(block.actions)) : [],
      };
    }
    case 'question': {
      const examples = block.examples?.length ? `\n-# e.g. ${block.examples.join(' · ')}` : '';
      return { content: `${block.text}${examples}`, embeds: [], rows: [] };
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
        embeds: [
          embed((e) =>
            e
              .setColor(COLOUR.error)
              .setTitle('Needs a fix before it can go to TikTok')
              .setDescription(
                truncate(
                  block.violations.map((v) => `• ${v.message}`).join('\n'),
                  DISCORD_LIMITS.description,
                ),
              ),
          ),
        ],
        rows: [],
      };
    case 'ad_preview': {
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
        ['Landing page', d.landing_page_url ?? '(not set)', false],
        ['Media', mediaText(d), false],
      ];
      return {
        embeds: [
          embed((e) => {
            e.setColor(COLOUR.info)
              .setTitle('Ad preview')
              .addFields(rows.map(([name, value, inline]) => field(name, value, inline)));
            if (block.missing.length > 0)
              e.setFooter({
                text: truncate(`Still needed: ${block.missing.join(', ')}`, DISCORD_LIMITS.footer),
              });
            return e;
          }),
        ],
        rows: [],
      };
    }
    case 'approval_request': {
      const approve = emojiChar(block.approve_emoji);
      const reject = emojiChar(block.reject_emoji);
      const open = block.approved_by.length < block.required;
      const who = block.approved_by.length
        ? block.approved_by.map(mention).join(', ')
        : 'nobody yet';
      const approvers = block.approvers?.length
        ? '\nOnly the configured approvers (people or roles) can approve.'
        : '';
      return {
        embeds: [
          embed((e) =>
            e
              .setColor(open ? COLOUR.warning : COLOUR.success)
              .setTitle(open ? 'Approval needed' : 'Approved')
              .setDescription(
                open
                  ? `React ${approve} to approve exactly this version or ${reject} to reject, or use the buttons.` +
                      (block.self_approval_allowed
                        ? ''
                        : `\nThe requester (${mention(block.requester_id)}) and whoever changed this version cannot approve it.`) +
                      approvers
                  : 'This version has the approvals it needs.',
              )
              .addFields(
                field('Requested by', mention(block.requester_id), true),
                field(`Approvals ${block.approved_by.length}/${block.required}`, who, true),
                field('Version', `\`${block.content_hash}\``, true),
              ),
          ),
        ],
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
    case 'progress':
      return {
        embeds: [
          embed((e) =>
            e
              .setColor(block.steps.some((s) => s.status === 'failed') ? COLOUR.error : COLOUR.info)
              .setTitle('Submitting to TikTok')
              .setDescription(
                block.steps
                  .map((s) => `${STEP_ICON[s.status]} ${s.label}${s.id ? ` \`${s.id}\`` : ''}`)
                  .join('\n'),
              ),
          ),
        ],
        rows: [],
      };
    case 'result':
      return {
        embeds: [
          embed((e) =>
            e
              .setColor(COLOUR.success)
              .setTitle('Created on TikTok')
              .setDescription('The campaign, ad group and ad exist on TikTok.')
              .addFields(
                field('Advertiser', `\`${block.advertiser_id}\``, true),
                field('Campaign', `\`${block.campaign_id}\``, true),
                field('Ad group', `\`${block.adgroup_id}\``, true),
                field('Ad', `\`${block.ad_id}\``, true),
              ),
          ),
        ],
        rows: [],
      };
    case 'remediation':
      return {
        embeds: [
          embed((e) => {
            e.setColor(block.error_class === 'transient' ? COLOUR.warning : COLOUR.error)
              .setTitle(truncate(block.title, DISCORD_LIMITS.title))
              .setDescription(truncate(block.detail || '-', DISCORD_LIMITS.description));
            if (block.code !== undefined)
              e.addFields(field('TikTok code', String(block.code), true));
            if (block.request_id)
              e.addFields(field('TikTok request_id', `\`${block.request_id}\``, true));
            return e;
          }),
        ],
        rows: rowsOf(buttons(block.actions)),
      };
    case 'link_account': {
      const why =
        block.reason === 'relink'
          ? 'TikTok stopped accepting your linked account, so it needs linking again.'
          : block.reason === 'submit'
            ? 'Your ad is approved; connect your TikTok advertiser account and I will submit it.'
            : block.reason === 'draft'
              ? 'Connect your TikTok advertiser account: I check your music and media with it while we write the ad, and submit with it once a teammate approves.'
              : 'Connect your TikTok advertiser account to submit ads from chat.';
      return {
        embeds: [
          embed((e) =>
            e
              .setColor(COLOUR.info)
              .setTitle('Connect your TikTok advertiser account')
              .setDescription(
                `${why}\nThe link is only for you and works once, for ${block.expires_in_minutes} minutes.`,
              ),
          ),
        ],
        // A link button (style 5) opens the URL; it has no custom_id (Discord docs: Button styles).
        rows: rowsOf([
          new ButtonBuilder()
            .setStyle(ButtonStyle.Link)
            .setLabel('Connect TikTok')
            .setURL(block.url),
        ]),
      };
    }
    case 'advertiser_choice':
      return {
        embeds: [
          embed((e) =>
            e
              .setColor(COLOUR.info)
              .setTitle('Which advertiser account should this ad use?')
              .setDescription(
                truncate(
                  `Only ${mention(block.requester_id)} can choose.\n` +
                    block.options
                      .map(
                        (o) =>
                          `• ${o.advertiser_name ? `${o.advertiser_name} ` : ''}\`${o.advertiser_id}\``,
                      )
                      .join('\n'),
                  DISCORD_LIMITS.description,
                ),
              ),
          ),
        ],
        rows: rowsOf(
          buttons(
            block.options.map((o) => ({
              action_id: 'choose_advertiser' as const,
              label: o.advertiser_name ?? o.advertiser_id,
              value: o.advertiser_id,
            })),
          ),
        ),
      };
  }
}

function emptyMessage(): DiscordMessage {
  return { embeds: [], components: [], allowedMentions: { parse: [] } };
}

function totalEmbedLength(embeds: APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedLength(e), 0);
}

/**
 * Renders a reply as one Discord message, or several when its blocks would break a per-message
 * limit: at most 10 embeds, 6000 embed characters and 5 action rows per message, content at
 * most 2000 characters. Block order is kept across messages; within one message the text comes
 * above the embeds, as Discord shows it.
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current = emptyMessage();
  const flush = () => {
    if (current.content !== undefined || current.embeds.length > 0) messages.push(current);
    current = emptyMessage();
  };
  for (const block of reply.blocks) {
    const part = renderBlock(block);
    const fits =
      current.embeds.length + part.embeds.length <= DISCORD_LIMITS.embedsPerMessage &&
      totalEmbedLength(current.embeds) + totalEmbedLength(part.embeds) <=
        DISCORD_LIMITS.embedTotal &&
      current.components.length + part.rows.length <= DISCORD_LIMITS.actionRows &&
      (part.content === undefined ||
        (current.embeds.length === 0 &&
          (current.content?.length ?? 0) + part.content.length + 1 <= DISCORD_LIMITS.content));
    if (!fits) flush();
    if (part.content !== undefined) {
      const joined =
        current.content === undefined ? part.content : `${current.content}\n${part.content}`;
      current.content = truncate(joined, DISCORD_LIMITS.content);
    }
    current.embeds.push(...part.embeds);
    current.components.push(...part.rows);
  }
  flush();
  return messages;
}
