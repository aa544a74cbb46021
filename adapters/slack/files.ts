import type { ChatFile } from '../../src/engine/ports';
import { isFetchTimeout } from '../../src/errors/timeout';

/**
 * A file object of a `file_share` message event, the fields we read (Slack docs: "File
 * object"; `url_private_download` needs the bot token and the `files:read` scope).
 */
export interface SlackFile {
  id: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

/** Files larger than this are not fetched (TikTok's image limit is 50 MB; the rest is margin). */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Downloads the files of a `file_share` message with the bot token (`Authorization: Bearer`,
 * as Slack docs "Downloading files" ask), so the engine can check and upload them. A download
 * that fails comes back as a `ChatFile` with `download_error` (HTTP status, timeout, Slack's
 * sign-in page instead of the file, too large), never as an exception: the engine says what
 * happened. The token is never logged or put in an error.
 */
export async function downloadSlackFiles(
  files: SlackFile[],
  token: string,
  timeoutMs = 30_000,
): Promise<ChatFile[]> {
  return Promise.all(files.map((file) => downloadOne(file, token, timeoutMs)));
}

async function downloadOne(file: SlackFile, token: string, timeoutMs: number): Promise<ChatFile> {
  const name = file.name ?? file.title ?? file.id;
  const failed = (download_error: string): ChatFile => ({
    name,
    data: Buffer.alloc(0),
    download_error,
  });
  const url = file.url_private_download ?? file.url_private;
  if (!url) return failed('Slack gave no download URL');
  if ((file.size ?? 0) > MAX_DOWNLOAD_BYTES) return failed('it is larger than 64 MB');
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return failed(isFetchTimeout(error) ? 'it timed out' : 'network error');
  }
  if (!res.ok) {
    await res.body?.cancel();
    return failed(`Slack answered HTTP ${res.status}`);
  }
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/html') && !(file.mimetype ?? '').startsWith('text/html')) {
    await res.body?.cancel();
    return failed(
      'Slack sent its sign-in page instead of the file; the app needs the files:read scope',
    );
  }
  const data = Buffer.from(await res.arrayBuffer());
  if (data.length > MAX_DOWNLOAD_BYTES) return failed('it is larger than 64 MB');
  return { name, ...(file.mimetype ? { content_type: file.mimetype } : {}), data };
}
