import { ctaLabel } from '../../src/ad/call-to-action';
import type { AdDraft } from '../../src/ad/draft';
import { OBJECTIVE_LABELS } from '../../src/ad/objective';
import type { ActionId } from '../../src/engine/chat-event';
import type { Block, Reply } from '../../src/engine/reply';

const TONE: Record<string, string> = { info: '', success: '✓ ', warning: '! ', error: '✗ ' };

/**
 * Renders a reply as plain terminal text (no colours, so piped output stays readable). A
 * private reply (`private_to`) is marked, as it would arrive by direct message on a platform.
 */
export function renderReply(reply: Reply): string {
  const text = reply.blocks.map(renderBlock).join('\n');
  if (!reply.private_to) return text;
  return `bot (private to ${reply.private_to.name ?? reply.private_to.id})${text.slice('bot'.length)}`;
}

/** The terminal command for an engine action (the platforms render these as buttons). */
export const COMMAND_OF: Record<ActionId, string> = {
  approve: '/approve',
  reject: '/reject',
  retry: '/retry',
  edit: '/edit',
  status: '/status',
  reset: '/reset',
  link_account: '/link',
  unlink_account: '/unlink',
  choose_advertiser: '/advertiser',
  audit: '/audit',
};

function musicText(draft: AdDraft): string {
  const m = draft.music;
  if (!m) return '(not set)';
  if (m.kind === 'none') return 'none (single video with its own sound)';
  if (m.kind === 'custom') return `${m.music_id} (your track ${m.file_name})`;
  return m.pending ? `${m.music_id} (confirmed with TikTok at submit)` : m.music_id;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'text':
      return [
        `bot> ${TONE[block.tone ?? 'info'] ?? ''}${block.text}`,
        ...(block.actions?.length
          ? [
              `     Next: ${block.actions.map((a) => `${COMMAND_OF[a.action_id]} (${a.label})`).join(', ')}`,
            ]
          : []),
      ].join('\n');
    case 'question':
      return [
        `bot> ${block.text}`,
        ...(block.examples?.length ? [`     e.g. ${block.examples.join(' | ')}`] : []),
      ].join('\n');
    case 'violations':
      return block.violations.map((v) => `bot> ✗ ${v.message}`).join('\n');
    case 'ad_preview': {
      const d = block.draft;
      const media = d.pending_media?.length
        ? `${d.pending_media.join(', ')} (looked up at submit)`
        : d.video_id
          ? `video ${d.video_id}, cover ${d.image_ids?.[0] ?? '?'}`
          : d.image_ids?.length
            ? `images ${d.image_ids.join(', ')}`
            : '(not set)';
      const rows: Array<[string, string]> = [
        ['Campaign', d.campaign_name ?? '(not set)'],
        ['Objective', d.objective_type ? OBJECTIVE_LABELS[d.objective_type] : '(not set)'],
        ['Format', block.ad_format ?? '(decided by music)'],
        ['Ad text', d.ad_text ?? '(not set)'],
        ['Call to action', d.call_to_action ? ctaLabel(d.call_to_action) : '(not set)'],
        ['Music', musicText(d)],
        ['Landing page', d.landing_page_url ?? '(not set)'],
        [
          'Daily budget',
          `${block.budget} ${block.currency}${d.budget === undefined ? ' (default)' : ''}`,
        ],
        ['Media', media],
      ];
      const lines = rows.map(([k, v]) => `     │ ${k.padEnd(15)}${v}`);
      const missing = block.missing.length
        ? [`     │ Still needed:  ${block.missing.join(', ')}`]
        : [];
      return ['     ┌─ Ad preview', ...lines, ...missing, '     └─'].join('\n');
    }
    case 'approval_request':
      return `bot> Approvals: ${block.approved_by.length}/${block.required}${block.approved_by.length ? ` (${block.approved_by.join(', ')})` : ''} for version ${block.content_hash}.${block.approved_by.length >= block.required ? '' : ' React ✅ to approve or ❌ to reject: here, type /approve or /reject.'}`;
    case 'progress':
      return `bot> ${block.steps.map((s) => `${s.status === 'done' ? '✓' : s.status === 'failed' ? '✗' : s.status === 'running' ? '…' : '·'} ${s.label}${s.id ? ` ${s.id}` : ''}`).join('   ')}`;
    case 'result':
      return [
        'bot> ✓ Created on TikTok:',
        `     advertiser_id ${block.advertiser_id}`,
        `     campaign_id   ${block.campaign_id}`,
        `     adgroup_id    ${block.adgroup_id}`,
        `     ad_id         ${block.ad_id}`,
      ].join('\n');
    case 'remediation':
      return [
        `bot> ✗ ${block.title}${block.code ? ` (code ${block.code})` : ''}`,
        `     ${block.detail}`,
        ...(block.request_id ? [`     TikTok request_id: ${block.request_id}`] : []),
        `     Next: ${block.actions.map((a) => `${COMMAND_OF[a.action_id]} (${a.label})`).join(', ')}`,
      ].join('\n');
    case 'link_account':
      return [
        `bot> Connect your TikTok advertiser account (the link works for ${block.expires_in_minutes} minutes, once):`,
        `     ${block.url}`,
        "     Open it in a browser, or type /open to have the terminal follow it (or: curl -sL -b '' '<link>').",
      ].join('\n');
    case 'advertiser_choice':
      return [
        'bot> Which advertiser account should this ad use? Type /advertiser <id>:',
        ...block.options.map(
          (o) => `     ${o.advertiser_id}${o.advertiser_name ? ` (${o.advertiser_name})` : ''}`,
        ),
      ].join('\n');
  }
}
