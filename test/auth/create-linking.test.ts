import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../../src/auth/audit';
import { createLinking, type LinkingOptions } from '../../src/auth/create-linking';
import { LinkStore } from '../../src/auth/link-store';
import type { TikTokOAuthApi } from '../../src/auth/tiktok-oauth-api';
import { TokenCipher } from '../../src/auth/token-cipher';
import type { ChatUserKey } from '../../src/engine/access';
import { silentLogger } from '../../src/logging/logger';
import { Keys } from '../../src/store/keys';
import { InMemoryStateStore } from '../../src/store/memory-state-store';

const alice: ChatUserKey = { platform: 'discord', workspace_id: 'G1', user_id: 'U1' };
const GRANT = { access_token: 'act.secret', advertiser_ids: ['7001'], scope: [2, 6] };

function options(store: InMemoryStateStore, tokenKeys?: string): LinkingOptions {
  const audit: AuditLog = { record: () => {} };
  return {
    settings: {
      app_id: 'app-1',
      secret: 'app-secret',
      redirect_uri: 'http://127.0.0.1:1/oauth/tiktok/callback',
      portal_url: 'http://127.0.0.1:1/portal/auth',
    },
    tiktok: {} as TikTokOAuthApi,
    store,
    keys: new Keys('t:'),
    audit,
    logger: silentLogger(),
    ...(tokenKeys === undefined ? {} : { tokenKeys }),
  };
}

describe('createLinking', () => {
  it('seals with the configured keys: a link saved with the same key resolves', async () => {
    const key = randomBytes(32);
    const store = new InMemoryStateStore();
    const linking = createLinking(options(store, `5:${key.toString('base64')}`));
    expect(linking.throwawayKey).toBe(false);
    const sameKey = new LinkStore(store, new Keys('t:'), new TokenCipher([{ version: 5, key }]));
    await sameKey.save(alice, GRANT);
    expect(await linking.access.resolve(alice)).toEqual({
      access_token: 'act.secret',
      advertiser_ids: ['7001'],
    });
  });

  it('without keys uses a throwaway key, so links sealed before do not open', async () => {
    const store = new InMemoryStateStore();
    const linking = createLinking(options(store));
    expect(linking.throwawayKey).toBe(true);
    const other = new LinkStore(
      store,
      new Keys('t:'),
      new TokenCipher([{ version: 1, key: randomBytes(32) }]),
    );
    await other.save(alice, GRANT);
    expect(await linking.access.resolve(alice)).toBeNull();
  });

  it('refuses a malformed key setting, naming the entry but not echoing it', () => {
    const store = new InMemoryStateStore();
    const call = () => createLinking(options(store, 'not-a-key-entry'));
    expect(call).toThrow('Token key entry 1 must look like <version>:<base64 key>');
  });

  it('hands the flow the link store the engine reads (one store, one set of keys)', async () => {
    const store = new InMemoryStateStore();
    const linking = createLinking(options(store, `1:${randomBytes(32).toString('base64')}`));
    const invite = await linking.access.startLink(
      { ...alice, name: 'al' },
      'discord:G1:C1:T1' as never,
    );
    expect(invite.expires_in_minutes).toBe(10);
    expect(invite.url).toMatch(/\/oauth\/tiktok\/start\?link=[A-Za-z0-9_-]{22}$/);
  });
});
