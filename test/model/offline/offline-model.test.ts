import { OfflineTurnModel } from '../../../src/model/offline/offline-model';
import type { TurnInput } from '../../../src/model/proposal';

function input(message: string): TurnInput {
  return { draft: {}, status: 'collecting', missing: [], last_question: null, recent: [], message };
}

describe('OfflineTurnModel', () => {
  it('is named "offline" (the label metrics and logs use)', () => {
    expect(new OfflineTurnModel().name).toBe('offline');
  });

  it('proposes the details a message names, without a key or network', async () => {
    const proposal = await new OfflineTurnModel().propose(
      input('Campaign name Summer Sale, objective traffic, budget 50'),
    );
    expect(proposal.intent).toBe('provide_details');
    expect(proposal.updates).toMatchObject({
      campaign_name: 'Summer Sale',
      objective: 'traffic',
      budget: 50,
    });
  });

  it('proposes the same for the same input (deterministic)', async () => {
    const model = new OfflineTurnModel();
    const first = await model.propose(input('start over'));
    const second = await model.propose(input('start over'));
    expect(second).toEqual(first);
    expect(first.intent).toBe('reset');
  });
});
