import { codeOf, escapeMd, mention } from '../../adapters/discord/markdown';
import { escapeMrkdwn, plainTextOf } from '../../adapters/slack/mrkdwn';

const Z = '\u200b';

describe('values shown as typed', () => {
  it('Discord: markdown, mentions, quotes and @everyone are escaped', () => {
    expect(escapeMd('*bold* _x_ ~~s~~ `c` ||sp||')).toBe(
      '\\*bold\\* \\_x\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\|',
    );
    expect(escapeMd('<@123> <#9> <:e:1> @everyone @here')).toBe(
      '\\<@123> \\<#9> \\<:e:1> \\@everyone \\@here',
    );
    expect(escapeMd('> quote\n# head\n-# small\n[a](https://x)')).toBe(
      '\\> quote\n\\# head\n\\-# small\n\\[a](https://x)',
    );
    expect(escapeMd('a\\b')).toBe('a\\\\b');
    expect(codeOf('img_1')).toBe('`img_1`');
    expect(codeOf('a`b')).toBe('a\\`b');
    expect(mention('123456789012345678')).toBe('<@123456789012345678>');
    expect(mention('<@1>')).toBe('\\<@1>');
  });

  it('Slack: entities, broadcasts, formatting marks, quotes and emoji codes are made inert', () => {
    expect(escapeMrkdwn('a & <!here> <@U1>')).toBe('a &amp; &lt;!here&gt; &lt;@U1&gt;');
    expect(escapeMrkdwn('@channel')).toBe(`@${Z}channel`);
    expect(escapeMrkdwn('*bold*')).toBe(`${Z}*${Z}bold${Z}*${Z}`);
    expect(escapeMrkdwn('_x_ ~y~ `z`')).toBe(
      `${Z}_${Z}x${Z}_${Z} ${Z}~${Z}y${Z}~${Z} ${Z}\`${Z}z${Z}\`${Z}`,
    );
    // Marks inside a word never format and stay untouched (ids copy cleanly).
    expect(escapeMrkdwn('img_summer_1 a*b')).toBe('img_summer_1 a*b');
    expect(escapeMrkdwn('> quoted')).toBe(`${Z}&gt; quoted`);
    expect(escapeMrkdwn('party :tada:')).toBe(`party :${Z}tada:`);
    // What the bot showed comes back as typed.
    expect(plainTextOf(escapeMrkdwn('*bold* & :tada:'))).toBe('*bold* & :tada:');
  });
});
