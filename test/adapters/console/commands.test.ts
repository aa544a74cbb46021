import { HELP, parseLine } from '../../../adapters/console/commands';

describe('parseLine', () => {
  it('reads plain words as a message and blank lines as nothing', () => {
    expect(parseLine('  Summer sale for traffic ')).toEqual({
      kind: 'message',
      text: 'Summer sale for traffic',
    });
    expect(parseLine('   ')).toEqual({ kind: 'empty' });
  });

  it('maps action commands, case-insensitively', () => {
    expect(parseLine('/approve')).toEqual({ kind: 'action', action_id: 'approve' });
    expect(parseLine('/LINK')).toEqual({ kind: 'action', action_id: 'link_account' });
    expect(parseLine('/unlink')).toEqual({ kind: 'action', action_id: 'unlink_account' });
  });

  it('parses commands with arguments', () => {
    expect(parseLine('/tiktok-ad Spring Shoes')).toEqual({ kind: 'start', text: 'Spring Shoes' });
    expect(parseLine('/new')).toEqual({ kind: 'start', text: '' });
    expect(parseLine('/upload ./a b.mp3 upbeat one')).toEqual({
      kind: 'upload',
      path: './a',
      text: 'b.mp3 upbeat one',
    });
    expect(parseLine('/advertiser 7001')).toEqual({
      kind: 'choose_advertiser',
      advertiser_id: '7001',
    });
    expect(parseLine('/page 2')).toEqual({ kind: 'media_page', page: 2 });
    expect(parseLine('/pick #1 #3')).toEqual({ kind: 'message', text: '#1 #3' });
    expect(parseLine('/simulate RateLimit')).toEqual({ kind: 'simulate', fault: 'ratelimit' });
    expect(parseLine('/exit')).toEqual({ kind: 'quit' });
  });

  it('explains bad arguments and unknown commands', () => {
    expect(parseLine('/page 0')).toEqual({ kind: 'invalid', error: 'Usage: /page <number>' });
    expect(parseLine('/page two')).toEqual({ kind: 'invalid', error: 'Usage: /page <number>' });
    expect(parseLine('/pick')).toEqual({ kind: 'invalid', error: 'Usage: /pick #1 #3' });
    expect(parseLine('/advertiser')).toEqual({
      kind: 'invalid',
      error: 'Usage: /advertiser <advertiser_id>',
    });
    expect(parseLine('/upload')).toMatchObject({
      kind: 'invalid',
      error: expect.stringContaining('MP3, JPEG, PNG, MP4 or MOV'),
    });
    expect(parseLine('/simulate fire')).toEqual({
      kind: 'invalid',
      error: 'Usage: /simulate geo|auth|server|ratelimit|off',
    });
    expect(parseLine('/frobnicate')).toEqual({
      kind: 'invalid',
      error: 'Unknown command /frobnicate. Type /help for the list.',
    });
  });

  it('documents every command it parses', () => {
    for (const command of [
      '/approve',
      '/reject',
      '/status',
      '/retry',
      '/reset',
      '/upload',
      '/link',
      '/open',
      '/unlink',
      '/audit',
      '/advertiser',
      '/pick',
      '/page',
      '/tiktok-ad',
      '/simulate',
      '/help',
      '/quit',
    ])
      expect(HELP).toContain(command);
  });
});
