import { downloadAttachments, MAX_DOWNLOAD_BYTES } from '../../../adapters/discord/files';
import { startFileServer } from '../../support/file-server';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
let files: Awaited<ReturnType<typeof startFileServer>>;

beforeAll(async () => {
  files = await startFileServer({
    '/a.png': { type: 'image/png', body: PNG },
    '/slow': { hang: true },
  });
});
afterAll(() => files.close());

describe('downloadAttachments (over HTTP)', () => {
  it('downloads signed CDN URLs with no token', async () => {
    const [file] = await downloadAttachments([
      { name: 'a.png', url: `${files.base}/a.png`, size: PNG.length, contentType: 'image/png' },
    ]);
    expect(file).toEqual({ name: 'a.png', content_type: 'image/png', data: PNG });
    expect(files.seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('reports status, size and timeout failures as download errors', async () => {
    const results = await downloadAttachments(
      [
        { name: 'gone.png', url: `${files.base}/gone`, size: 10, contentType: null },
        {
          name: 'huge.mp4',
          url: `${files.base}/a.png`,
          size: MAX_DOWNLOAD_BYTES + 1,
          contentType: 'video/mp4',
        },
        { name: 'slow.png', url: `${files.base}/slow`, size: 10, contentType: 'image/png' },
      ],
      300,
    );
    expect(results.map((r) => [r.name, r.download_error])).toEqual([
      ['gone.png', 'Discord answered HTTP 404'],
      ['huge.mp4', 'it is larger than 64 MB'],
      ['slow.png', 'it timed out'],
    ]);
  });
});
