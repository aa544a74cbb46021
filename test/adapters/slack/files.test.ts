import { downloadSlackFiles, MAX_DOWNLOAD_BYTES } from '../../../adapters/slack/files';
import { startFileServer } from '../../support/file-server';

const MP3 = Buffer.from('ID3 fake mp3 bytes');
let files: Awaited<ReturnType<typeof startFileServer>>;

beforeAll(async () => {
  files = await startFileServer({
    '/track.mp3': { type: 'audio/mpeg', body: MP3 },
    '/login': { type: 'text/html; charset=utf-8', body: '<html>Sign in</html>' },
    '/gone': { status: 404 },
    '/slow': { hang: true },
  });
});
afterAll(() => files.close());

describe('downloadSlackFiles (over HTTP)', () => {
  it('downloads with the bot token as a Bearer header', async () => {
    const [file] = await downloadSlackFiles(
      [
        {
          id: 'F1',
          name: 'track.mp3',
          mimetype: 'audio/mpeg',
          url_private_download: `${files.base}/track.mp3`,
        },
      ],
      'xoxb-test',
    );
    expect(file).toEqual({ name: 'track.mp3', content_type: 'audio/mpeg', data: MP3 });
    expect(files.seen.at(-1)?.headers.authorization).toBe('Bearer xoxb-test');
  });

  it('says what went wrong instead of throwing, never with the token', async () => {
    const results = await downloadSlackFiles(
      [
        { id: 'F2', title: 'Login', url_private: `${files.base}/login`, mimetype: 'audio/mpeg' },
        { id: 'F3', url_private: `${files.base}/gone` },
        { id: 'F4', name: 'none.mp3' },
        {
          id: 'F5',
          name: 'big.mov',
          size: MAX_DOWNLOAD_BYTES + 1,
          url_private: `${files.base}/track.mp3`,
        },
        { id: 'F6', name: 'slow.mp3', url_private: `${files.base}/slow` },
        { id: 'F7', name: 'down.mp3', url_private: 'http://127.0.0.1:1/x' },
      ],
      'xoxb-secret',
      300,
    );
    expect(results.map((r) => [r.name, r.download_error, r.data.length])).toEqual([
      [
        'Login',
        'Slack sent its sign-in page instead of the file; the app needs the files:read scope',
        0,
      ],
      ['F3', 'Slack answered HTTP 404', 0],
      ['none.mp3', 'Slack gave no download URL', 0],
      ['big.mov', 'it is larger than 64 MB', 0],
      ['slow.mp3', 'it timed out', 0],
      ['down.mp3', 'network error', 0],
    ]);
    expect(JSON.stringify(results)).not.toContain('xoxb-secret');
  });
});
