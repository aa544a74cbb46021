// The card blocks in Block Kit: ad preview, approval request, progress and result. Every value
// is escaped (mrkdwn.ts) and shown whole: long values go on in further fields (render-parts.ts).
import {
  type AdDraft,
  type Block,
  ctaLabel,
  landingPageDisplay,
  OBJECTIVE_LABELS,
} from '../../src/engine/ports';
import { type KitBlock, LIMITS } from './limits';
import { codeOf, escapeMrkdwn, mention } from './mrkdwn';
import { actionBlocks, context, fieldSections, plain, sections } from './render-parts';

const STEP_ICON: Record<string, string> = {
  pending: ':white_circle:',
  running: ':hourglass_flowing_sand:',
  done: ':large_green_circle:',
  failed: ':red_circle:',
};

function mediaText(d: AdDraft): string {
  if (d.pending_media?.length) return `${d.pending_media.join(', ')} (looked up at submit)`;
  if (d.video_id) return `video ${d.video_id}, cover ${d.image_ids?.[0] ?? '?'}`;
  if (d.image_ids?.length) return `${d.image_ids.length} images: ${d.image_ids.join(', ')}`;
  return '(not set)';
}

function musicText(d: AdDraft): string {
  const m = d.music;
  if (!m) return '(not set)';
  if (m.kind === 'none') return 'None (a single video with its own sound)';
  if (m.kind === 'custom') return `${m.music_id} (your track ${m.file_name})`;
  return m.pending ? `${m.music_id} (confirmed with TikTok at submit)` : m.music_id;
}

/** The ad preview: every field of the draft, each value whole and shown as typed. */
export function adPreview(block: Block & { type: 'ad_preview' }): KitBlock[] {
  const d = block.draft;
  const rows: Array<[string, string]> = [
    ['Campaign', d.campaign_name ?? '(not set)'],
    ['Objective', d.objective_type ? OBJECTIVE_LABELS[d.objective_type] : '(not set)'],
    ['Ad text', d.ad_text ?? '(not set)'],
    ['Call to action', d.call_to_action ? ctaLabel(d.call_to_action) : '(not set)'],
    ['Music', musicText(d)],
    ['Format', block.ad_format ?? '(decided by the music)'],
    ['Landing page', d.landing_page_url ? landingPageDisplay(d.landing_page_url) : '(not set)'],
    [
      'Daily budget',
      `${block.budget} ${block.currency}${d.budget === undefined ? ' (default)' : ''}`,
    ],
    ['Media', mediaText(d)],
  ];
  const out: KitBlock[] = [
    { type: 'header', text: plain('Ad preview', LIMITS.headerText) },
    ...fieldSections(rows.map(([label, value]) => [label, escapeMrkdwn(value)])),
  ];
  if (block.missing.length)
    out.push(context(`Still needed: ${escapeMrkdwn(block.missing.join(', '))}`));
  return out;
}

/** A user (`<@U…>`) or user group (`<!subteam^S…>`) reference; ids only, never free text. */
function approverRef(id: string): string {
  if (/^S[A-Z0-9]+$/.test(id)) return `<!subteam^${id}>`;
  return mention(id);
}

function emoji(name: string): string {
  return /^[a-z0-9_+-]{1,100}$/.test(name) ? `:${name}:` : escapeMrkdwn(name);
}

/** The approval request: counts, who approved, how to approve, and the buttons. */
export function approvalRequest(block: Block & { type: 'approval_request' }): KitBlock[] {
  const still = Math.max(0, block.required - block.approved_by.length);
  const lines = [
    `*${still > 0 ? 'Approval needed' : 'Approved'}* · ${block.approved_by.length} of ${block.required} approval${block.required === 1 ? '' : 's'}${still > 0 ? `, ${still} still needed` : ''} · version ${codeOf(block.content_hash)}`,
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

/** Submission progress, one line per step with TikTok's id once it exists. */
export function progress(block: Block & { type: 'progress' }): KitBlock[] {
  return sections(
    [
      '*Submitting to TikTok*',
      ...block.steps.map(
        (s) =>
          `${STEP_ICON[s.status] ?? ''} ${escapeMrkdwn(s.label)}${s.id ? ` ${codeOf(s.id)}` : ''}`,
      ),
    ].join('\n'),
  );
}

/** The created objects' ids. */
export function result(block: Block & { type: 'result' }): KitBlock[] {
  return [
    { type: 'header', text: plain('Created on TikTok', LIMITS.headerText) },
    ...fieldSections([
      ['Advertiser ID', escapeMrkdwn(block.advertiser_id)],
      ['Campaign ID', escapeMrkdwn(block.campaign_id)],
      ['Ad group ID', escapeMrkdwn(block.adgroup_id)],
      ['Ad ID', escapeMrkdwn(block.ad_id)],
    ]),
  ];
}
