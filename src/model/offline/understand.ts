import type { Proposal, TurnInput } from '../proposal';
import { browsesMedia, browsesMusic } from './asks';
import { findAmounts, findMediaIds, findMusicIds, findUrls } from './entities';
import { commandOf, questionOf } from './intents';
import { normalise } from './normalise';
import { fillSlots } from './slots';
import { APPROVE_WORDS, reactionOf, replacedMedia, restartOf, retypedValue } from './talk';

/**
 * The offline model's pipeline for one message: normalise → commands and questions → fill
 * slots (entities, labels and corrections inside). Pure and deterministic; proposes only (the
 * engine's rules check every value).
 */
export function understand(input: TurnInput): Proposal {
  const said = normalise(input.message);
  const none = (intent: Proposal['intent'], message = ''): Proposal => ({
    message,
    intent,
    question_topic: null,
    updates: fillSlots('', { last_question: null, draft: input.draft }).updates,
  });
  if (said === '') return none('chat', "Sorry, I didn't catch any ad details in that.");
  const restart = restartOf(said);
  if (restart) {
    // "scrap that, let's do a new one called Taco Tuesday": the rest fills the new draft.
    const fresh = restart.rest
      ? fillSlots(normalise(restart.rest), { last_question: null, draft: {} })
      : null;
    return { ...none('reset'), ...(fresh ? { updates: fresh.updates } : {}) };
  }
  // "looks great, Plants that are hard to kill": the reaction is talk, the rest answers.
  const reaction = reactionOf(said);
  const text = reaction && reaction.rest !== '' ? reaction.rest : said;
  // "Looks great, approve": the bot approves nothing; the answer says who can, and how.
  if (APPROVE_WORDS.test(reaction?.rest ?? said))
    return { ...none('question'), question_topic: 'approval' };
  if (reaction?.rest === '' && commandOf(said) === null) return none('chat', 'OK.');
  // "I don't know any music IDs": the bot lists the music to pick from.
  if (browsesMusic(text)) return { ...none('question'), question_topic: 'music' };
  if (browsesMedia(text)) return { ...none('question'), question_topic: 'media' };

  const command = commandOf(text);
  if (command) return none(command);
  const freeTextOpen =
    input.last_question === 'ad_text' ||
    input.last_question === 'campaign_name' ||
    (input.last_question === null && Object.keys(input.draft).length === 0);
  const topic = hasValue(text) ? null : questionOf(text, freeTextOpen);
  if (topic) return { ...none('question'), question_topic: topic };

  const retyped = retypedValue(text, input.draft);
  if (retyped) {
    const turn = none('provide_details');
    return { ...turn, updates: { ...turn.updates, [retyped.field]: retyped.value } };
  }
  const swapped = replacedMedia(text, input.draft);
  if (swapped) {
    const turn = none('provide_details');
    return { ...turn, updates: { ...turn.updates, image_ids: swapped } };
  }

  const previous = [...input.recent].reverse().find((line) => line.role === 'user')?.text;
  const asked =
    input.last_question ??
    (Object.keys(input.draft).length === 0 ? startingQuestion(text, input) : null);
  const filled = fillSlots(text, {
    last_question: asked,
    draft: input.draft,
    ...(previous !== undefined ? { previous_user_line: previous } : {}),
  });
  const understood = Object.values(filled.updates).some((v) => v !== null);
  const message = filled.notes.join(' ');
  if (!understood && message === '') {
    // "Hi, could we set up an ad?" on an empty draft asks to start, it is no failed answer.
    const starting = Object.keys(input.draft).length === 0 && STARTING.test(text);
    return none(
      'chat',
      starting ? "Sure, let's make a TikTok ad." : "Sorry, I didn't catch any ad details in that.",
    );
  }
  return {
    message,
    intent: understood ? 'provide_details' : 'chat',
    question_topic: null,
    updates: filled.updates,
  };
}

/** A greeting or a request to make an ad, with nothing else in it. */
const STARTING =
  /^(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?: there)?\b|.*\b(?:ad|ads|campaign)\b)/i;

/** A web address, an id, or an amount said as a budget: the message gives a value, it does not only ask. */
function hasValue(text: string): boolean {
  if (findUrls(text).length > 0 || findMusicIds(text).length > 0 || findMediaIds(text).length > 0)
    return true;
  return findAmounts(text).some((a) => a.value.period !== null || a.value.currency);
}

/**
 * The first message of a conversation answers the first question (the campaign name) only
 * when nothing else in it is a value: "Fall Boots" is a name, "for traffic" is not.
 */
function startingQuestion(text: string, input: TurnInput): 'campaign_name' | null {
  const parsed = fillSlots(text, { last_question: null, draft: input.draft });
  const found = Object.values(parsed.updates).some((v) => v !== null);
  if (found || parsed.notes.length > 0) return null;
  if (/\b(?:ad|ads|campaign|tiktok|create|make|like|want|need|hello|hi|hey|help)\b/i.test(text))
    return null;
  if (
    /^(?:what|how|why|when|where|who|i|i'm|we|we're|you|it|it's|this|that|yes|no|thanks)\b/i.test(
      text,
    )
  )
    return null;
  return text.split(/\s+/).length <= 8 ? 'campaign_name' : null;
}
