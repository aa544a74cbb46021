import {
  type ActionId,
  type AdDraft,
  type Block,
  ctaLabel,
  describeItem,
  landingPageDisplay,
  OBJECTIVE_LABELS,
  type Reply,
} from '../../src/engine/ports';

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
  choose_media: '/pick',
  media_page: '/page',
};

function musicText(draft: AdDraft): string {
  const m = draft.music;
  if (!m) return '(not set)';
  if (m.kind === 'none') return 'none (single video with its own sound)';
  if (m.kind === 'custom') return `${m.music_id} (your track ${m.file_name})`;
  return m.pending ? `${m.music_id} (confirmed with TikTok at submit)` : m.music_id;
}

/** The numbered library list, with how to pick and how to page. */
function mediaChoice(block: Block & { type: 'media_choice' }): string {
  const first = block.items[0]?.position ?? 1;
  const last = block.items.at(-1)?.position ?? first;
  const lines = block.items.map(
    (i) =>
      `     #${String(i.position).padEnd(3)}${i.id}  ${describeItem(i)}${block.selected.includes(i.id) ? '  (chosen)' : ''}`,
  );
  const more = block.page < block.page_count ? ` /page ${block.page + 1} shows the next ones.` : '';
  return [
    `bot> Your TikTok library (${block.kind === 'video' ? 'videos' : 'images'}, newest first; ${first}-${last} of ${block.total}):`,
    ...lines,
    `     Pick ${block.multiple ? 'by number (e.g. #1 and #3), in words (the first two, the vertical ones)' : 'by number (e.g. #2), in words (the summer video)'} or by id.${more}`,
  ].join('\n');
}

/** The ad preview as a framed table of every field. */
function adPreview(block: Block & { type: 'ad_preview' }): string {
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
    ['Landing page', d.landing_page_url ? landingPageDisplay(d.landing_page_url) : '(not set)'],
    [
      'Daily budget',
      `${block.budget} ${block.currency}${d.budget === undefined ? ' (default)' : ''}`,
    ],
    ['Media', media],
  ];
  const lines = rows.map(([k, v]) => `     │ ${k.padEnd(15)}${v}`);
  const missing = block.missing.length ? [`     │ Still needed:  ${block.missing.join(', ')}`] : [];
  return ['     ┌─ Ad preview', ...lines, ...missing, '     └─'].join('\n');
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
    case 'media_choice':
      return mediaChoice(block);
    case 'ad_preview':
      return adPreview(block);
    case 'approval_request':
      return `bot> Approvals: ${block.approved_by.length}/${block.required}${block.approved_by.length ? ` (${block.approved_by.join(', ')})` : ''} for version ${block.content_hash}.${block.approved_by.length >= block.required ? '' : ' Type /approve to approve or /reject to send it back for editing.'}`;
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
