import { StaticAccessResolver } from '../../src/engine/access';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { mp3File, pngFile } from '../support/media-files';
import { TestLinking } from '../support/test-linking';
import { SlackRig } from './slack-rig';

const ANA = 'U0ANA';

describe('Slack: files attached in the thread', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  async function toMusic(): Promise<string> {
    rig = await SlackRig.start({
      access: new StaticAccessResolver({
        access_token: EMULATOR_ACCESS_TOKEN,
        advertiser_id: EMULATOR_ADVERTISER_ID,
      }),
    });
    await rig.command('Summer sale for conversions', ANA);
    const thread = rig.lastRoot().ts;
    for (const line of ['Big summer deals on every order', 'Shop now'])
      await rig.say(thread, ANA, line);
    return thread;
  }

  it('downloads file_share files with the bot token and uploads them to TikTok', async () => {
    const thread = await toMusic();
    expect(rig.threadText(thread)).toContain(
      'attach the MP3 (at most 10 MB) to a message in this thread',
    );
    await rig.share(thread, ANA, 'our jingle and two photos', [
      { name: 'jingle.mp3', data: mp3File('j'), mimetype: 'audio/mpeg' },
      { name: 'beach.png', data: pngFile(1080, 1920, 1), mimetype: 'image/png' },
      { name: 'pier.png', data: pngFile(1080, 1920, 2), mimetype: 'image/png' },
    ]);
    const downloads = rig.standin.callsTo('files.download');
    expect(downloads).toHaveLength(3);
    expect(new Set(downloads.map((d) => d.token))).toEqual(new Set(['xoxb-test']));
    const draft = (await rig.saved(thread))?.draft;
    expect(draft?.music).toMatchObject({ kind: 'custom', file_name: 'jingle.mp3' });
    expect(draft?.image_ids).toHaveLength(2);
    expect(rig.emulator.counts().music_uploads).toBe(1);
    // Progress: one message, updated in place until the uploads are done.
    const progress = rig.find(thread, 'Uploaded 3 files to TikTok');
    expect(progress?.versions.length).toBeGreaterThanOrEqual(3);
  });

  it('says when a download fails, and keeps the draft as it was', async () => {
    const thread = await toMusic();
    const before = await rig.saved(thread);
    rig.standin.failNextDownload(500);
    await rig.share(thread, ANA, '', [{ name: 'jingle.mp3', data: mp3File('j') }]);
    expect(rig.threadText(thread)).toContain(
      'I could not download jingle.mp3 from the chat (Slack answered HTTP 500)',
    );
    expect((await rig.saved(thread))?.draft).toEqual(before?.draft);
    expect(rig.emulator.counts().music_uploads).toBe(0);
  });

  it('serves files only with the bot token (the stand-in answers its sign-in page otherwise)', async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    const file = rig.standin.addFile('a.png', pngFile(2, 2), 'image/png');
    const res = await fetch(file.url_private_download);
    expect(res.headers.get('content-type')).toContain('text/html');
    const ok = await fetch(file.url_private_download, {
      headers: { authorization: 'Bearer xoxb-test' },
    });
    expect(Buffer.from(await ok.arrayBuffer()).equals(pngFile(2, 2))).toBe(true);
  });
});
