// A chat message in a turn: the model's proposal (or a library pick), the files uploaded, the
// updates the rules allow, the "Got it" line, answers, and what the turn says or asks next.
import { missingFields } from '../../ad/draft-rules';
import {
  emptyUpdates,
  ModelError,
  type Proposal,
  type ProposalUpdates,
  type QuestionTopic,
  type TurnModel,
} from '../../model/proposal';
import { answerFor } from '../answers';
import { type AppliedUpdates, type ApplyContext, applyUpdates } from '../apply-updates';
import { approvalHowTo } from '../approval/how-to';
import { noteEditors } from '../approval/policy';
import type { ChatEvent, ChatFile } from '../chat-event';
import { campaignNameFromCommand } from '../command-words';
import { modelCallRefusal } from '../guards/model-guard';
import { nameOf } from '../link-steps';
import { mediaChoiceBlock } from '../media/choice-block';
import { namesAPosition, soundsLikeAPick } from '../media/pick-words';
import { uploadFiles } from '../media/uploads';
import { musicAnswer } from '../music/answer';
import { isTikTokError, remediationFor, sayError } from '../remediation';
import type { Block } from '../reply';
import { startOver } from '../submission/record';
import type { ThreadState } from '../thread-state';
import { type Outcome, text } from '../turn-io';
import { understoodBlock } from '../understood';
import { askNext } from './ask-next';
import type { TurnContext, TurnSteps } from './context';
import { sayStatus } from './status';

/** A chat message's files (none for a typed line or a pick). */
export type MessageFiles = NonNullable<Extract<ChatEvent, { type: 'message' }>['files']>;

/**
 * A chat message: ask the model for a turn (or take `picked`, a library pick, as the updates),
 * apply what the rules allow, ask what's missing. `null` when nothing is to be saved.
 */
export async function handleMessage(
  steps: TurnSteps,
  saved: ThreadState,
  message: string,
  files: MessageFiles,
  picked?: Partial<ProposalUpdates>,
): Promise<Outcome> {
  const { ctx } = steps;
  if (saved.status === 'submitting') {
    await ctx.say(
      text(
        'This ad is being submitted (a submission interrupted by a restart or a storage outage is resumed on its own); the outcome will be posted here. Retry resumes it now; nothing will be created twice.',
        'warning',
        [{ action_id: 'retry', label: 'Retry' }],
      ),
    );
    return null;
  }
  if (saved.status === 'submitted') {
    const ids = saved.submission;
    await ctx.say(
      text(
        `This ad was already submitted (ad ${ids?.ad_id ?? '?'}). Start a new one with /tiktok-ad.`,
      ),
    );
    return null;
  }
  const { settings, model, logger } = ctx.deps;
  let state: ThreadState = structuredClone(saved);
  const refused = await modelCallRefusal(
    ctx.deps.store,
    ctx.deps.keys,
    ctx.event,
    message,
    settings,
    ctx.now(),
  );
  if (refused) {
    await ctx.say(refused);
    return null;
  }
  let turn: Awaited<ReturnType<TurnModel['propose']>>;
  try {
    turn = picked
      ? { message: '', intent: 'provide_details', updates: { ...emptyUpdates(), ...picked } }
      : await model.propose({
          draft: state.draft,
          status: state.status,
          missing: missingFields(state.draft, settings.budget),
          last_question: state.last_question,
          recent: state.recent,
          message,
        });
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    logger.warn({ kind: error.kind, thread_id: state.thread_id }, 'model turn failed');
    // Each ModelError's message already says the draft was left as it was, and what to do.
    await ctx.say(sayError(error));
    return null;
  }

  // Details or chat, not a question, command or reset (those name nothing and say their part).
  const givesDetails = turn.intent === 'provide_details' || turn.intent === 'chat';
  // A question, command or reset in the command's words names nothing ("/tiktok-ad help").
  const commandName =
    ctx.event.type === 'start' &&
    givesDetails &&
    turn.updates.campaign_name === null &&
    !state.draft.campaign_name
      ? campaignNameFromCommand(message)
      : null;
  if (commandName) turn = { ...turn, updates: { ...turn.updates, campaign_name: commandName } };

  if (turn.intent === 'reset') {
    const restarted = await restartFromMessage(steps, saved, turn.updates);
    if (!('state' in restarted)) return restarted.outcome;
    state = restarted.state;
    turn = { ...turn, intent: 'provide_details' };
  }

  // The requester's link (a Redis read and a decrypt) only when this turn may talk to TikTok:
  // files to upload, music or media named, or words picking from the library's list.
  const auth = needsTikTok(turn.updates, files, state) ? await ctx.requesterAuth(state) : null;
  // The early link goes out with the draft's first details (a link that breaks later is asked
  // for when a check or the submit needs it).
  if (
    state.status === 'collecting' &&
    state.revision === 0 &&
    !state.link_offered &&
    !(await ctx.requesterAccount(state))
  )
    await steps.links.offerEarly(state);
  // A media question asked after the music list has the newer numbered list.
  const musicListOpen = state.music_listed === true && state.last_question !== 'media';
  // "the upbeat one" under the music list picks from it: it is no bare answer to the question
  // asked again under the list (the objective "the upbeat one").
  if (musicListOpen && soundsLikeAPick(message) && onlyAnswers(turn.updates, state.last_question))
    turn = { ...turn, updates: emptyUpdates() };
  let applied: Awaited<ReturnType<typeof applyUpdates>>;
  let uploads: Awaited<ReturnType<typeof upload>> | undefined;
  try {
    uploads = files.length > 0 ? await upload(ctx, files, auth) : undefined;
    if (uploads && !uploads.ok) {
      await ctx.say(
        { type: 'violations', violations: uploads.violations },
        text('Nothing was uploaded; the draft is as it was.', 'warning'),
      );
      return null;
    }
    const apply = {
      ...ctx.applyContext(auth),
      message,
      media_question_open: state.last_question === 'media',
      music_list_open: musicListOpen,
    };
    applied = await applyUpdates(
      state.draft,
      turn.updates,
      uploads ? { ...apply, uploaded: uploads.value } : apply,
    );
  } catch (error) {
    if (!isTikTokError(error)) throw error;
    await ctx.say(
      remediationFor(error),
      text('Nothing from that message was saved; the draft is as it was.', 'warning'),
    );
    return null;
  }

  ctx.remember(state, { role: 'user', text: message });
  const blocks = await turnBlocks(ctx, turn, applied, state);
  // "#2" with no numbered list open: say so and how to get one, not "didn't catch".
  const mediaListOpen = state.last_question === 'media' && auth !== null;
  if (applied.changed.length === 0 && !musicListOpen && !mediaListOpen && namesAPosition(message))
    blocks.splice(0, blocks.length, noListOpen(message, (await ctx.requesterAuth(state)) !== null));

  const editedAfterReady =
    applied.changed.length > 0 &&
    ['ready', 'awaiting_approval', 'awaiting_link', 'failed'].includes(state.status);
  if (applied.changed.includes('music')) {
    delete state.music_listed;
    delete state.music_list_wanted;
  }
  if (applied.changed.length > 0) {
    state.draft = applied.draft;
    state.revision += 1;
    noteEditors(state, applied.changed, ctx.event.user);
    if (editedAfterReady) {
      if (state.approvals.length > 0)
        blocks.push(text('The draft changed, so earlier approvals were dropped.', 'warning'));
      state.approvals = [];
      state.status = 'collecting';
    }
  }
  // Uploaded images joined the carousel: show the library with them chosen, to add or change
  // picks, while other details are still to come (the card shows the final choice).
  const missing = missingFields(state.draft, settings.budget);
  const uploadedImages = uploads?.ok ? uploads.value.image_ids.length : 0;
  if (uploadedImages > 0 && missing.length > 0 && !missing.includes('media')) {
    const choice = mediaChoiceBlock(await ctx.library(state), state.draft);
    if (choice) blocks.push(choice);
  }
  ctx.pending.push(...blocks);
  if (editedAfterReady)
    await steps.approvals.markReplaced(state, 'The draft changed after this card was posted.');

  if (turn.intent === 'show_status') {
    await sayStatus(ctx, state);
    return state;
  }
  if (state.status === 'failed' && applied.changed.length === 0) {
    await ctx.say(
      text('The last submission failed. Retry tries again, or tell me what to change.', 'info', [
        { action_id: 'retry', label: 'Retry' },
      ]),
    );
    return state;
  }
  if (state.status === 'awaiting_link') {
    await ctx.say(
      text(
        `The draft is approved and waits for ${nameOf(state.requester)} to link a TikTok account (see the private link). Link account sends a new link.`,
        'info',
        [{ action_id: 'link_account', label: 'Link account' }],
      ),
    );
    return state;
  }
  if (musicListStandsAlone(turn, state)) {
    state.last_question = null;
    await ctx.say();
    return state;
  }
  const wantsApproval = turn.intent === 'request_approval' || applied.changed.length > 0;
  if (state.status === 'awaiting_approval' && !wantsApproval) {
    if (ctx.pending.length > 0) await ctx.say();
    return state;
  }
  // One field (or none) at a time: say once what is still needed and that several can come
  // in one message. Not after a question, whose answer already said its part.
  const oneAtATime = givesDetails && applied.changed.length <= 1;
  return askNext(steps, state, { offerSeveral: oneAtATime });
}

/**
 * A restart typed in a message. On a ready draft it only points at Reset (a typed "start over"
 * could be a slip; the draft stays). Otherwise it starts over; with details said after the
 * restart ("scrap that, let's do a new one called Taco Tuesday") it returns the fresh state for
 * the caller to apply them to.
 */
async function restartFromMessage(
  steps: TurnSteps,
  saved: ThreadState,
  updates: ProposalUpdates,
): Promise<{ outcome: Outcome } | { state: ThreadState }> {
  if (saved.status === 'ready' || saved.status === 'awaiting_approval') {
    await steps.ctx.say(
      text(
        'This draft is ready for approval. To throw it away and start over, use Reset; the draft is unchanged until then.',
        'warning',
        [{ action_id: 'reset', label: 'Reset' }],
      ),
    );
    return { outcome: null };
  }
  if (Object.values(updates).every((v) => v === null))
    return { outcome: await startAgain(steps, saved) };
  await steps.ctx.say(text('Started over with an empty draft.'));
  return { state: startOver(saved, steps.ctx.fresh()) };
}

/**
 * What a message's turn says first: the "Got it" line, the answer to a question (or the model's
 * own short message), the notes of checks, what a taken change now needs (`follow_ups`), and
 * the violations. Answering may mark `state.music_listed` (the music answer lists tracks).
 */
async function turnBlocks(
  ctx: TurnContext,
  turn: Proposal,
  applied: AppliedUpdates,
  state: ThreadState,
): Promise<Block[]> {
  const blocks: Block[] = [];
  const understood = understoodBlock(applied.draft, applied.changed, ctx.deps.settings.budget);
  if (understood) blocks.push(understood);
  if (turn.intent === 'question') blocks.push(await answer(ctx, turn.question_topic, state));
  // A model that caught nothing ("Sorry, I didn't catch …") is not repeated when the engine
  // still made a change (a pick from a list shown earlier, like "#2" for the music list).
  else if (turn.message.trim() !== '' && !(turn.intent === 'chat' && applied.changed.length > 0))
    blocks.push(text(turn.message.trim()));
  for (const note of applied.notes) blocks.push(text(note, 'success'));
  for (const line of applied.follow_ups ?? []) blocks.push(text(line, 'info'));
  if (applied.violations.length > 0)
    blocks.push({ type: 'violations', violations: applied.violations });
  return blocks;
}

/**
 * True when this turn showed the music list while the media question is open: that list is
 * what "#2" picks from next, so the media question (with its own numbered list) is not asked
 * under it, but after the pick.
 */
function musicListStandsAlone(turn: Proposal, state: ThreadState): boolean {
  return (
    turn.intent === 'question' &&
    turn.question_topic === 'music' &&
    state.music_listed === true &&
    state.status === 'collecting' &&
    state.last_question === 'media'
  );
}

/** True when `updates` set nothing but `field` (a bare answer to the open question). */
function onlyAnswers(updates: ProposalUpdates, field: ThreadState['last_question']): boolean {
  // The draft's `objective_type` is the turn's `objective`.
  const asked = field === 'objective_type' ? 'objective' : field;
  return Object.entries(updates).every(([key, value]) => value === null || key === asked);
}

/**
 * The answer to a pick ("#2", "the second one") when no numbered list is open: there is none,
 * and how to get the music list (which needs the requester's link, `linked`).
 */
function noListOpen(message: string, linked: boolean): Block {
  const how = linked
    ? 'Say “show me the music” for a numbered music list; the media question shows your library to pick from.'
    : 'The music and media lists come from your TikTok account once it is linked (see the private link); then say “show me the music”.';
  return text(`There is no list open to pick “${message.trim()}” from. ${how}`, 'info');
}

/** Starts the thread over with an empty draft (the Reset action, or a "start over" message). */
export async function startAgain(steps: TurnSteps, saved: ThreadState): Promise<ThreadState> {
  await steps.ctx.say(text('Started over with an empty draft.'));
  return askNext(steps, startOver(saved, steps.ctx.fresh()));
}

/** Uploads a message's files to TikTok, with a progress line edited in place. */
function upload(ctx: TurnContext, files: ChatFile[], auth: ApplyContext['auth']) {
  const key = `upload:${ctx.event.event_id}`;
  return uploadFiles(files, {
    ads: ctx.deps.ads,
    auth,
    // Live: the uploads are under way and no saved state reports them yet.
    progress: (line) =>
      ctx.emit({ thread_id: ctx.event.thread_id, key, live: true, blocks: [text(line)] }),
  });
}

/** The engine's own answer to a question turn (never the model's text); see `answers.ts`. */
async function answer(
  ctx: TurnContext,
  topic: QuestionTopic | null | undefined,
  state: ThreadState,
) {
  if (topic === 'music') {
    const { deps, event } = ctx;
    const auth = await ctx.requesterAuth(state);
    const waitingFor = auth || !(await ctx.requesterAccount(state)) ? 'link' : 'advertiser';
    const music = await musicAnswer(
      deps.ads,
      auth,
      state.draft,
      deps.settings,
      event.platform,
      waitingFor,
    );
    if (music.listed) state.music_listed = true;
    if (!auth) state.music_list_wanted = true;
    return music.block;
  }
  if (topic === 'approval') return approvalHowTo(state, ctx.event.user, ctx.deps.settings);
  const options =
    topic === 'media'
      ? (await ctx.library(state)).slice(0, 10).map((item) => `${item.id} (${item.file_name})`)
      : [];
  return answerFor(topic ?? 'help', state.draft, ctx.deps.settings, options);
}

/**
 * Whether a message may need the requester's TikTok credentials in `applyUpdates`: attached
 * files (uploaded), a `music_id` (confirmed), media ids or words for them (checked against the
 * library), or any answer while the media question or the music list is open (plain-word
 * picks from its list).
 * Everything else is decided from the rules alone.
 */
function needsTikTok(
  updates: ProposalUpdates,
  files: readonly ChatFile[],
  state: ThreadState,
): boolean {
  return (
    files.length > 0 ||
    updates.music_id !== null ||
    (updates.image_ids?.length ?? 0) > 0 ||
    updates.video_id !== null ||
    state.last_question === 'media' ||
    state.music_listed === true
  );
}
