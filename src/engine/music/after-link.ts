// Going on with a draft once its requester's TikTok account became usable (linked, or the
// advertiser picked): a music list asked for before that is shown now, without asking again.
import { missingFields } from '../../ad/draft-rules';
import type { ThreadState } from '../thread-state';
import { askNext } from '../turn/ask-next';
import type { TurnSteps } from '../turn/context';
import { text } from '../turn-io';
import { musicAnswer } from './answer';

/**
 * Resumes a `collecting` draft after linking: when music was asked about while unlinked
 * (`music_list_wanted`) and none is chosen yet, shows the numbered music list first, then asks
 * what is next as usual (`askNext`). When the next question is media, the music list stands
 * alone (that question brings its own numbered list, and "#1" must pick from one list only);
 * media is asked after the music pick. Mutates and returns `state`.
 */
export async function resumeAfterLink(steps: TurnSteps, state: ThreadState): Promise<ThreadState> {
  const { ctx } = steps;
  const auth = state.music_list_wanted ? await ctx.requesterAuth(state) : null;
  if (!auth) return askNext(steps, state);
  delete state.music_list_wanted;
  if (state.draft.music) return askNext(steps, state);
  const { deps, event } = ctx;
  const music = await musicAnswer(deps.ads, auth, state.draft, deps.settings, event.platform);
  ctx.pending.push(text('You asked for the music list before linking; here it is.'), music.block);
  if (!music.listed) return askNext(steps, state);
  state.music_listed = true;
  if (missingFields(state.draft, deps.settings.budget)[0] !== 'media') return askNext(steps, state);
  state.last_question = null;
  await ctx.say();
  return state;
}
