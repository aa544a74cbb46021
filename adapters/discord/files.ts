import type { Attachment } from 'discord.js';
import type { ChatFile } from '../../src/engine/ports';
import { isFetchTimeout } from '../../src/errors/timeout';

/** Attachments larger than this are not fetched (TikTok's image limit is 50 MB, plus margin). */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Downloads a message's attachments from their `attachment.url` (Discord's CDN; no token: the
 * URL is signed), so the engine can check and upload them. A download that fails comes back as
 * a `ChatFile` with `download_error` (HTTP status, timeout, too large), never as an exception:
 * the engine says what happened.
 */
export async function downloadAttachments(
  attachments: Pick<Attachment, 'name' | 'url' | 'size' | 'contentType'>[],
  timeoutMs = 30_000,
): Promise<ChatFile[]> {
  return Promise.all(
    attachments.map(async (a): Promise<ChatFile> => {
      const failed = (download_error: string): ChatFile => ({
        name: a.name,
        data: Buffer.alloc(0),
        download_error,
      });
      if (a.size > MAX_DOWNLOAD_BYTES) return failed('it is larger than 64 MB');
      let res: Response;
      try {
        res = await fetch(a.url, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        return failed(isFetchTimeout(error) ? 'it timed out' : 'network error');
      }
      if (!res.ok) {
        await res.body?.cancel();
        return failed(`Discord answered HTTP ${res.status}`);
      }
      const data = Buffer.from(await res.arrayBuffer());
      return { name: a.name, ...(a.contentType ? { content_type: a.contentType } : {}), data };
    }),
  );
}
