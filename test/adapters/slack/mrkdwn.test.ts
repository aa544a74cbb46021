import {
  codeOf,
  escapeMrkdwn,
  mention,
  mrkdwnSafe,
  plainTextOf,
} from '../../../adapters/slack/mrkdwn';

const ZWSP = '\u200b';

describe('escapeMrkdwn', () => {
  it('escapes Slack control characters so mentions and links show as typed', () => {
    expect(escapeMrkdwn('<!channel> & <https://evil|ok>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil|ok&gt;',
    );
  });

  it('keeps broadcasts, quotes, emoji codes and formatting marks from acting', () => {
    expect(escapeMrkdwn('hi @here')).toBe(`hi @${ZWSP}here`);
    expect(escapeMrkdwn('> quoted')).toBe(`${ZWSP}&gt; quoted`);
    expect(escapeMrkdwn('party :tada:')).toBe(`party :${ZWSP}tada:`);
    expect(escapeMrkdwn('*bold*')).toBe(`${ZWSP}*${ZWSP}bold${ZWSP}*${ZWSP}`);
  });

  it('leaves marks inside words alone', () => {
    expect(escapeMrkdwn('img_summer_1')).toBe('img_summer_1');
  });

  it('round-trips through plainTextOf to the typed text', () => {
    for (const typed of ['*bold* & <b>', '@everyone :tada:', '> not a quote', 'a_b_c']) {
      expect(plainTextOf(escapeMrkdwn(typed))).toBe(typed);
    }
  });
});

describe('mrkdwnSafe', () => {
  it('never cuts inside an entity', () => {
    const text = 'ab&amp;cd';
    expect(mrkdwnSafe(text, 4)).toBe(2);
    expect(mrkdwnSafe(text, 7)).toBe(7);
    expect(mrkdwnSafe('abcdef', 3)).toBe(3);
  });
});

describe('codeOf and mention', () => {
  it('shows plain ids as code and anything else escaped', () => {
    expect(codeOf('music_123')).toBe('`music_123`');
    expect(codeOf('two words')).toBe('two words');
    expect(codeOf('`x`')).toBe(`${ZWSP}\`${ZWSP}x${ZWSP}\`${ZWSP}`);
  });

  it('mentions only real user ids', () => {
    expect(mention('U123ABC')).toBe('<@U123ABC>');
    expect(mention('W0AB1')).toBe('<@W0AB1>');
    expect(mention('<!here>')).toBe('&lt;!here&gt;');
  });
});

describe('plainTextOf', () => {
  it('turns Slack markup back into the words typed', () => {
    expect(
      plainTextOf('<@UBOT> use <https://a.com|a.com> for <#C1|general>, <!here>', 'UBOT'),
    ).toBe('use https://a.com for #general, @here');
    expect(plainTextOf('mail <mailto:x@y.com|x@y.com> and <@U2>')).toBe('mail x@y.com and @U2');
    expect(plainTextOf('  a &lt;b&gt; &amp; c\nnext  ')).toBe('a <b> & c\nnext');
  });
});
