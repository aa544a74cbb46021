import type { Block, Reply } from '../../src/engine/ports';

/** Blocks long enough that printing them unchanged again buries the conversation. */
const LONG_BLOCKS = new Set<Block['type']>(['media_choice', 'ad_preview']);

/**
 * Keeps the terminal from printing the library list and the ad preview again on turns that did
 * not change them: per thread, each is printed when it differs from the one last printed there
 * (the preview after an approval, the list while another field is asked for). Other blocks
 * always pass. Lists of images and of videos are tracked apart.
 */
export class RepeatFilter {
  private readonly last = new Map<string, string>();

  /**
   * `reply` without the long blocks printed identically last time in its thread; `force`
   * (the user asked to see them: `/status`, `/page`) keeps and records them anyway. When
   * nothing else is left, one short line says what is unchanged, so the turn still answers.
   */
  filter(reply: Reply, force = false): Reply {
    const dropped: string[] = [];
    const blocks = reply.blocks.filter((block) => {
      if (!LONG_BLOCKS.has(block.type)) return true;
      const key = `${reply.thread_id}\u0000${block.type === 'media_choice' ? `list:${block.kind}` : 'preview'}`;
      const shown = JSON.stringify(block);
      if (!force && this.last.get(key) === shown) {
        dropped.push(block.type === 'media_choice' ? 'the library list' : 'the ad preview');
        return false;
      }
      this.last.set(key, shown);
      return true;
    });
    if (dropped.length === 0) return reply;
    if (blocks.length > 0) return { ...reply, blocks };
    const note = `(Unchanged since shown above: ${dropped.join(' and ')}.)`;
    return { ...reply, blocks: [{ type: 'text', text: note }] };
  }
}
