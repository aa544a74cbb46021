import { mp3File, pngFile } from '../support/media-files';
import { DiscordFixture, textOfMessage } from './support';

describe('Discord: files attached in the thread', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('downloads message attachments and uploads them to TikTok; a failed download is said', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Summer sale for conversions');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.completeLinking(thread, { id: rita.id, name: 'rita' });
    for (const line of ['Big summer deals on every order', 'Shop now'])
      await f.say(thread, rita, line);
    await f.waitForBotMessage(
      thread,
      /attach the MP3 \(at most 10 MB\) to a message in this thread/,
    );

    f.standin.failNextAttachment(404);
    await f.share(thread, rita, 'the jingle', [{ filename: 'jingle.mp3', data: mp3File('j') }]);
    await f.waitForBotMessage(
      thread,
      /I could not download jingle\.mp3 from the chat \(Discord answered HTTP 404\)/,
    );
    expect((await f.state(thread))?.draft.music).toBeUndefined();

    await f.share(thread, rita, 'again, with two photos', [
      { filename: 'jingle.mp3', data: mp3File('j'), content_type: 'audio/mpeg' },
      { filename: 'beach.png', data: pngFile(1080, 1920, 1), content_type: 'image/png' },
      { filename: 'pier.png', data: pngFile(1080, 1920, 2), content_type: 'image/png' },
    ]);
    const state = await f.stateWhen(thread, (s) => s.draft.music?.kind === 'custom');
    expect(state.draft.image_ids).toHaveLength(2);
    expect(f.emulator.counts().music_uploads).toBe(1);
    const progress = f
      .botMessages(thread)
      .find((m) => /Uploaded 3 files to TikTok/.test(textOfMessage(m)));
    expect(progress).toBeDefined();
    const edits = f.standin.calls.filter(
      (c) => c.method === 'PATCH' && c.path.endsWith(`/messages/${progress?.id}`),
    );
    expect(edits.length).toBeGreaterThanOrEqual(2);
  });
});
