import { distance } from 'fastest-levenshtein';
import type { AdDraft } from '../../ad/draft';
import { findMediaIds } from './entities';
import { leadOf } from './labels';

/**
 * Talk about the conversation, read before any field is filled (stage 3 of the offline
 * model): restarts ("scrap that", "hmm this is a mess. start over", "never mind, new one"),
 * reactions in front of an answer ("looks great, …", "ok"), corrections of a value typed
 * before ("oops, typo: …", "I mean …") and replacements ("use X instead of Y"). None of their
 * own words ever becomes a value.
 */

/** A restart said anywhere in a message, as a sentence or clause of its own. */
const RESTART =
  /(?:^|[.!?,;:]\s*|\b(?:ok(?:ay)?|so|hmm+|ugh|well|let'?s|lets|please|just|actually)\s+)(?:start(?:ing)? (?:over|again|from scratch|afresh)|begin again|restart|scrap (?:that|this|it|everything)(?: and start over)?|scratch (?:all )?(?:that|this)|forget (?:all )?(?:that|this|it)|never ?mind,? (?:(?:a|let'?s do a|let'?s make a|make a|do a)\s+)?new (?:one|ad|campaign|draft)|new (?:ad|draft),? please|throw (?:it|this|that) away)(?=$|[.!?,;:]|\s+(?:and|so|let'?s|lets|please|with a new|new one)\b)[.!?,;:]*\s*(?:(?:and|so)\s+)?/i;

/**
 * A restart in `text`: what follows it (to read into the new draft, `''` when nothing), or
 * `null` when the message does not restart. Whatever came before the restart ("hmm this is a
 * mess.") is talk and is dropped.
 */
export function restartOf(text: string): { rest: string } | null {
  const m = RESTART.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length).trim();
  // "scratch that, the text should be …" corrects one field; it does not start over.
  if (leadOf(rest)?.kind === 'label') return null;
  return { rest };
}

/** A reaction at the start of a message: approval-free words that carry no value. */
const REACTION =
  /^(?:(?:looks|sounds|seems) (?:good|great|fine|perfect|nice|ok(?:ay)?)|(?:that'?s |it'?s )?(?:great|perfect|nice|awesome|lovely|cool|good|fine)|love it|ok(?:ay)?|alright|sure|thanks|thank you|yay|yes|yep|yeah)\b(?:\s*[,.!:;—–-]+\s*|\s*$)/i;

/**
 * The reaction at the start of `text` and the content after it ("looks great, Plants that are
 * hard to kill" → rest "Plants that are hard to kill"), or `null` when the message does not
 * start with one. `rest` is `''` when the reaction is all there is.
 */
export function reactionOf(text: string): { rest: string } | null {
  let rest = text;
  let found = false;
  for (;;) {
    const m = REACTION.exec(rest);
    if (!m || m[0] === '') break;
    found = true;
    rest = rest.slice(m[0].length);
  }
  return found ? { rest: rest.trim() } : null;
}

/** "approve", "approve it", "please approve": asking the bot to approve. */
export const APPROVE_WORDS =
  /^(?:please\s+)?(?:approve(?: it| this| the (?:draft|ad))?|approved)[.!]*$/i;

/** A correction marker in front of a retyped value. */
const RETYPE =
  /^(?:(?:oops|whoops|sorry|my bad|argh|ugh|no|nope|wait|no wait|oh)\b[\s,.!:;-]*)*(?:(?:a\s+)?typo(?:\s+there)?|i meant|i mean|meant|should be|should have been|correction|it'?s)?\s*[:,-]?\s*/i;

/**
 * A value retyped to fix it ("oops, typo: Stay warm with our socks" after "Stay wram with our
 * socks"; "I mean Pet Walkers London" after "Pet Walkers"): the draft's free-text field whose
 * value is close to the retyped one (a few edits, or one contains the other), and the new
 * value. `null` when the message has no correction marker or matches no field.
 */
export function retypedValue(
  text: string,
  draft: AdDraft,
): { field: 'campaign_name' | 'ad_text'; value: string } | null {
  const marker = RETYPE.exec(text)?.[0] ?? '';
  if (marker.trim() === '') return null;
  const value = text.slice(marker.length).trim();
  // One value retyped: no second sentence, no label ("Let me split it up. Please call …").
  if (value.length < 3 || /[.!?]\s/.test(value) || leadOf(value) !== null) return null;
  const fields = (['ad_text', 'campaign_name'] as const).filter((f) => draft[f] !== undefined);
  let best: { field: 'campaign_name' | 'ad_text'; value: string; score: number } | null = null;
  for (const field of fields) {
    const old = draft[field] ?? '';
    if (old === value) continue;
    const edits = distance(old.toLowerCase(), value.toLowerCase());
    const near = edits <= Math.max(2, Math.floor(Math.max(old.length, value.length) * 0.25));
    const contains =
      value.toLowerCase().includes(old.toLowerCase()) ||
      old.toLowerCase().includes(value.toLowerCase());
    if (!near && !contains) continue;
    const score = edits / Math.max(old.length, value.length);
    if (!best || score < best.score) best = { field, value, score };
  }
  return best ? { field: best.field, value: best.value } : null;
}

/**
 * "use img_summer_3 instead of img_summer_2": the draft's media with the one id replaced in
 * place, or `null` when the message names no such swap of ids the draft holds.
 */
export function replacedMedia(text: string, draft: AdDraft): string[] | null {
  const current = draft.image_ids ?? draft.pending_media;
  if (!current) return null;
  const ids = findMediaIds(text);
  const m = /\binstead\s+of\b|\bin place of\b|\brather than\b|\bnot\b/i.exec(text);
  if (!m || ids.length !== 2) return null;
  const [first, second] = ids;
  if (!first || !second || !(first.end <= m.index && second.start >= m.index + m[0].length))
    return null;
  if (!current.includes(second.value)) return null;
  return current.map((id) => (id === second.value ? first.value : id));
}

/** A sentence about the conversation itself ("Let me split it up.", "one sec"): never a value. */
const TALK =
  /^(?:(?:sorry|oops|my bad|ok(?:ay)?|so)[\s,!.]*)*(?:let me (?:split|break|try|rephrase|redo|fix|explain|put|send|do|start)\b[^.!?]*|i'?ll (?:split|break|send|do|put) (?:it|this|that|them)\b[^.!?]*|one (?:sec|second|moment)|hold on|bear with me|in pieces|sorry|oops|my bad)[.!…]*$/i;

/** True when `clause` is only talk about the conversation (see {@link TALK}). */
export function isTalk(clause: string): boolean {
  return TALK.test(clause.trim());
}
