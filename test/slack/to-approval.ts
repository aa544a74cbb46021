// A Slack test step both approval suites take: a Traffic video draft written to its approval card.
import type { SlackRig } from './slack-rig';

/**
 * Runs "Summer Sale", a Traffic video draft, from `/tiktok-ad` to its approval card, all lines
 * by `user`; returns the thread's `thread_ts`.
 */
export async function draftToApproval(rig: SlackRig, user: string): Promise<string> {
  await rig.command('Create a campaign called Summer Sale for traffic', user);
  const thread = rig.lastRoot().ts;
  for (const line of [
    'Big summer deals on every order',
    'Shop now',
    'No music needed',
    'https://shop.example.com/summer',
    'vid_summer_1',
  ])
    await rig.say(thread, user, line);
  return thread;
}
