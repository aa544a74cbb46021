import type { ThreadState } from '../../src/engine/thread-state';
import {
  blocksOf,
  deleteRedisPrefix,
  Harness,
  type TestThread,
  VIDEO_SCRIPT,
} from '../support/harness';

const ASK = 'Please give the public host name of the page, such as https://example.com/offer.';
const HIDDEN =
  'Such characters are invisible or change how the text shows, yet TikTok would get them as they are: please type it again without them.';

/**
 * Each hostile value the attack round quoted, typed into a finished draft (awaiting approval),
 * with the exact refusal the user reads. Nothing of the draft may change.
 */
const HOSTILE: Array<[string, string, string]> = [
  [
    'landing page http://169.254.169.254/latest/meta-data/',
    'landing_page_url.ip_address',
    `The landing page must name a public host, not an IP address: 169.254.169.254 is the cloud metadata service (a link-local address). ${ASK}`,
  ],
  [
    'landing page http://10.0.0.5/',
    'landing_page_url.ip_address',
    `The landing page must name a public host, not an IP address: 10.0.0.5 is a private-network address. ${ASK}`,
  ],
  [
    'landing page http://127.0.0.1:6379/',
    'landing_page_url.ip_address',
    `The landing page must name a public host, not an IP address: 127.0.0.1 is a loopback address (this machine itself). ${ASK}`,
  ],
  [
    'landing page http://2130706433/',
    'landing_page_url.ip_address',
    `The landing page must name a public host, not an IP address: "2130706433" is 127.0.0.1, a loopback address (this machine itself). ${ASK}`,
  ],
  [
    'landing page https://user:pass@boots.example.com/',
    'landing_page_url.userinfo',
    'The landing page has a user name or password before the host ("name:password@"): everyone who sees the ad would get it. Give the address without it, e.g. https://example.com/offer.',
  ],
  [
    'landing page https://bооts.example.com',
    'landing_page_url.mixed_script',
    'The landing page host "bооts.example.com" (xn--bts-seda.example.com in punycode) mixes Latin and Cyrillic letters in "bооts", as look-alike addresses do. It reads like "boots.example.com". Please type the address in one alphabet.',
  ],
  [
    'send people to bооts.example.com',
    'landing_page_url.mixed_script',
    'The landing page host "bооts.example.com" (xn--bts-seda.example.com in punycode) mixes Latin and Cyrillic letters in "bооts", as look-alike addresses do. It reads like "boots.example.com". Please type the address in one alphabet.',
  ],
  [
    'javascript:alert(document.cookie)',
    'landing_page_url.scheme',
    'A "javascript:" link cannot be a landing page: TikTok opens the landing page in a browser, so it must be an https:// web address such as https://example.com/offer.',
  ],
  [
    'landing page data:text/html,<script>alert(1)</script>',
    'landing_page_url.scheme',
    'A "data:" link cannot be a landing page: TikTok opens the landing page in a browser, so it must be an https:// web address such as https://example.com/offer.',
  ],
  [
    'file:///etc/passwd',
    'landing_page_url.scheme',
    'A "file:" link cannot be a landing page: TikTok opens the landing page in a browser, so it must be an https:// web address such as https://example.com/offer.',
  ],
  [
    'landing page http://shop.example.com/summer',
    'landing_page_url.https_only',
    'The landing page must be an https:// address: TikTok documents https landing pages only, so I did not take http://shop.example.com/summer. Try https://shop.example.com/summer if the site serves it.',
  ],
  [
    'landing page https://shop.example.com:8443/summer',
    'landing_page_url.port',
    'The landing page names port 8443; landing pages use the standard https port (443). An admin can allow other ports with LANDING_PAGE_PORTS.',
  ],
  [
    'Ad text: Warm boots \u202efor cold days',
    'ad_text.hidden_character',
    `The ad text has a control character (U+202E RIGHT-TO-LEFT OVERRIDE) at position 12. ${HIDDEN} I kept the ad text as it was.`,
  ],
  [
    'ad text: \x1b[31mRED\x1b[0m sale',
    'ad_text.hidden_character',
    `The ad text has 2 control characters: U+001B ESCAPE at position 1, U+001B ESCAPE at position 9. ${HIDDEN} I kept the ad text as it was.`,
  ],
  [
    'ad text: "\x1b]0;pwned\x07 Buy now"',
    'ad_text.hidden_character',
    `The ad text has 2 control characters: U+001B ESCAPE at position 1, U+0007 BELL at position 10. ${HIDDEN} I kept the ad text as it was.`,
  ],
  [
    'ad text: Buy\x00 now',
    'ad_text.hidden_character',
    `The ad text has a control character (U+0000 NULL) at position 4. ${HIDDEN} I kept the ad text as it was.`,
  ],
  [
    'Campaign name: Boots\u202e Promo',
    'campaign_name.hidden_character',
    `The campaign name has a control character (U+202E RIGHT-TO-LEFT OVERRIDE) at position 6. ${HIDDEN} I kept the campaign name as it was.`,
  ],
];

describe('hostile values are refused by name, and the draft stays as it was', () => {
  let h: Harness;
  let t: TestThread;
  let before: ThreadState | null;
  beforeAll(async () => {
    h = await Harness.start({ redis: true });
    t = h.thread();
    await t.script(VIDEO_SCRIPT);
    before = await t.state();
    expect(before?.status).toBe('awaiting_approval');
  });
  afterAll(async () => {
    await h.close();
    await deleteRedisPrefix(h.prefix);
  });

  it.each(HOSTILE)('%j', async (typed, rule, message) => {
    const replies = await t.say(typed);
    const violations = blocksOf(replies).flatMap((b) =>
      b.type === 'violations' ? b.violations : [],
    );
    expect(violations).toEqual([{ field: rule.split('.')[0], rule, message }]);
    const after = await t.state();
    expect(after?.draft).toEqual(before?.draft);
    expect(after?.status).toBe('awaiting_approval');
    expect(after?.card).toEqual(before?.card);
  });

  it('an allowed port (LANDING_PAGE_PORTS) is taken', async () => {
    const other = await Harness.start({ redis: true, settings: { landing_page_ports: [8443] } });
    try {
      const thread = other.thread('ports');
      await thread.script(VIDEO_SCRIPT);
      await thread.say('landing page https://shop.example.com:8443/summer');
      expect((await thread.state())?.draft.landing_page_url).toBe(
        'https://shop.example.com:8443/summer',
      );
    } finally {
      await other.close();
      await deleteRedisPrefix(other.prefix);
    }
  });
});
