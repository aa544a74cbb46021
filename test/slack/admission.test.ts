import { QUEUED_TEXT, TOO_BUSY_TEXT } from '../../src/admission/admission';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { Proposal, TurnInput, TurnModel } from '../../src/model/proposal';
import { commandRequest } from '../standins/slack-requests';
import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';

/** The offline model, each call held until the test lets it go. */
class HeldModel implements TurnModel {
  readonly name = 'held';
  private readonly offline = new OfflineTurnModel();
  private readonly held: Array<() => void> = [];
  async propose(input: TurnInput): Promise<Proposal> {
    await new Promise<void>((resolve) => this.held.push(resolve));
    return this.offline.propose(input);
  }
  get waiting(): number {
    return this.held.length;
  }
  releaseAll(): void {
    for (const go of this.held.splice(0)) go();
  }
}

/**
 * Polls until `check` holds, with no deadline of its own: however slow a busy machine makes the
 * turns, this waits for them (the poll interval decides nothing); a state never reached fails
 * at Jest's test timeout, and the loop ends when the next test starts.
 */
const until = async (check: () => boolean, what: string): Promise<void> => {
  const waiting = expect.getState().currentTestName;
  while (!check()) {
    if (expect.getState().currentTestName !== waiting) throw new Error(`never saw ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('Slack: admission control (signed requests over HTTP, real Redis)', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('over the bound a command is acked at once saying it waits; past the queue it is refused in the ack; the queued one runs later', async () => {
    const model = new HeldModel();
    rig = await SlackRig.start({
      access: new TestLinking(),
      model,
      admission: { maxTurnsInFlight: 1, maxQueued: 1 },
    });
    const send = (user: string, text: string) =>
      rig.send(
        commandRequest({
          team_id: TEAM,
          channel_id: CHANNEL,
          user_id: user,
          text,
          response_url: rig.standin.responseUrl(),
        }),
      );
    const roots = () => rig.standin.messagesIn(CHANNEL).filter((m) => !m.thread_ts);

    const first = await send('U0ANA', 'Create a campaign called First Sale for traffic');
    expect(first.status).toBe(200);
    expect(first.body).toBe('');
    await until(() => model.waiting === 1, 'the first turn at the model');

    // The only place is taken: the ack itself says the command waits, and nothing is posted yet.
    // The acks came while the first turn was still held at the model: they did not wait for it.
    const second = await send('U0BEN', 'Create a campaign called Second Sale for traffic');
    const third = await send('U0CAT', 'Create a campaign called Third Sale for traffic');
    expect(model.waiting).toBe(1);
    expect([second.status, third.status]).toEqual([200, 200]);
    expect(JSON.parse(second.body)).toEqual({ response_type: 'ephemeral', text: QUEUED_TEXT });
    expect(JSON.parse(third.body)).toEqual({ response_type: 'ephemeral', text: TOO_BUSY_TEXT });
    expect(roots()).toHaveLength(1);
    expect(rig.admission.stats()).toMatchObject({ inFlight: 1, queued: 1, refusedTotal: 1 });

    // Let turns through: the queued command gets its thread and answer; the refused one never runs.
    const busy = () => {
      const { inFlight, queued } = rig.admission.stats();
      return roots().length < 2 || inFlight > 0 || queued > 0 || model.waiting > 0;
    };
    while (busy()) {
      model.releaseAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await rig.idle();
    const texts = roots().map((m) => JSON.stringify(m.blocks));
    expect(texts.some((t) => t.includes('Second Sale'))).toBe(true);
    expect(texts.some((t) => t.includes('Third Sale'))).toBe(false);
    const secondRoot = roots().find((m) => JSON.stringify(m.blocks).includes('Second Sale'));
    expect((await rig.saved(secondRoot?.ts ?? ''))?.draft.campaign_name).toBe('Second Sale');
    expect(rig.admission.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('a thread message over the bound is told it is queued in the thread, then answered', async () => {
    const model = new HeldModel();
    rig = await SlackRig.start({
      access: new TestLinking(),
      model,
      admission: { maxTurnsInFlight: 1, maxQueued: 5 },
    });
    const start = rig.command('Create a campaign called Summer Sale for traffic', 'U0ANA');
    await until(() => model.waiting === 1, 'the start turn at the model');
    model.releaseAll();
    await start;
    const thread = rig.lastRoot().ts;
    // Another thread's command holds the one place…
    void rig.send(
      commandRequest({
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: 'U0BEN',
        text: 'Create a campaign called Other Sale for traffic',
        response_url: rig.standin.responseUrl(),
      }),
    );
    await until(() => model.waiting === 1, 'the other turn at the model');
    // …so a message in the first thread waits, and the thread hears so at once.
    const reply = rig.send(rig.messageRequest(thread, 'U0ANA', 'Big summer deals on every order'));
    await until(
      () => rig.threadText(thread).includes(QUEUED_TEXT.slice(0, 30)),
      'the queued notice in the thread',
    );
    expect((await reply).status).toBe(200);
    while (
      model.waiting > 0 ||
      rig.admission.stats().queued > 0 ||
      rig.admission.stats().inFlight > 0
    ) {
      model.releaseAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await rig.idle();
    expect((await rig.saved(thread))?.draft.ad_text).toBe('Big summer deals on every order');
  });
});
