import { commandOf, questionOf } from '../../../src/model/offline/intents';

describe('commandOf', () => {
  it.each([
    ['reset', 'reset'],
    ['Start over!', 'reset'],
    ['cancel this draft', 'reset'],
    ['status?', 'show_status'],
    ['show me the preview', 'show_status'],
    ["what's the draft", 'show_status'],
    ['looks good, submit it', 'request_approval'],
    ['LGTM', 'request_approval'],
    ['sumbit', 'request_approval'],
    ['stauts', 'show_status'],
    ['restrat', 'reset'],
  ])('%s → %s', (message, command) => expect(commandOf(message)).toBe(command));

  it('is not a command inside a longer message or for a short unknown word', () => {
    expect(
      commandOf(
        'the ad text is: this looks good for summer and you should go ahead and buy now today',
      ),
    ).toBeNull();
    expect(commandOf('name Spring Sale')).toBeNull();
    expect(commandOf('stop')).toBeNull();
    expect(commandOf('reset the budget to 50')).toBeNull();
  });
});

describe('questionOf', () => {
  it.each([
    ['what CTAs can I use?', 'call_to_action'],
    ['what do you still need?', 'missing'],
    ["what's the minimum budget?", 'budget'],
    ['why does Conversions need music?', 'music'],
    ['who can approve this?', 'approval'],
    ['how long can the ad text be?', 'ad_text'],
    ['which objectives are there?', 'objective'],
    ['can I change the button later?', 'call_to_action'],
    ['help', 'help'],
    ['?', 'help'],
    ['how does this work', 'help'],
  ])('%s → %s', (message, topic) => expect(questionOf(message, false)).toBe(topic));

  it('reads the last sentence', () => {
    expect(questionOf('Name it Spring. What images can I use?', false)).toBe('media');
  });

  it('is not a question for a request phrased as one, or a statement', () => {
    expect(questionOf('can you make it traffic?', false)).toBeNull();
    expect(questionOf('could we change the button to shop now?', false)).toBeNull();
    expect(questionOf('budget 50', false)).toBeNull();
    expect(questionOf('is it', false)).toBeNull();
  });

  it('with needsTopic, a question about nothing known stays text', () => {
    expect(questionOf('Where will you go next?', true)).toBeNull();
    expect(questionOf('Where will you go next?', false)).toBe('help');
  });
});
