import { LogCapture } from './auth/linking-support';

describe('log redaction (pino redact paths)', () => {
  it('replaces secret fields at the top and one level down, keeping the rest', () => {
    const { logger, lines } = new LogCapture('info');
    logger.info(
      {
        access_token: 'tok-top',
        auth_code: 'code-top',
        state: 'state-top',
        sealed: { ct: 'cipher' },
        req: { headers: { cookie: 'tab_oauth_x=nonce-1', host: 'bot.example.com' } },
        res: { headers: { 'set-cookie': 'tab_oauth_x=nonce-2' } },
        grant: { access_token: 'tok-nested', advertiser_ids: ['7000'] },
        app: { secret: 'app-secret', app_id: 'app-1' },
      },
      'linking',
    );
    const line = lines.join('\n');
    for (const secret of [
      'tok-top',
      'code-top',
      'state-top',
      'cipher',
      'nonce-1',
      'nonce-2',
      'tok-nested',
      'app-secret',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('bot.example.com');
    expect(line).toContain('7000');
    expect(line).toContain('app-1');
  });
});
