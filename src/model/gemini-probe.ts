import { reach } from '../http/reach';

/** The Gemini API root when `GEMINI_BASE_URL` is unset (https://ai.google.dev/api). */
const DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';

/**
 * Checks once, within `timeoutMs`, that the model's API answers at all (`GET
 * /v1beta/models/{model}`, https://ai.google.dev/api/models#method:-models.get), so an
 * unreachable model stops the start instead of every turn saying the model is unavailable.
 * Any HTTP answer counts as reachable: keys and quotas are judged per call.
 * @throws StartError naming `GEMINI_BASE_URL` when nothing answers.
 */
export async function probeGemini(
  apiKey: string,
  model: string,
  baseUrl: string | undefined,
  timeoutMs: number,
): Promise<void> {
  const base = (baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const res = await reach(
    {
      service: 'The model (Gemini)',
      check: `GEMINI_BASE_URL (default ${DEFAULT_BASE_URL}), or unset GEMINI_API_KEY to use the offline model`,
    },
    `${base}/v1beta/models/${encodeURIComponent(model)}`,
    { headers: { 'x-goog-api-key': apiKey } },
    timeoutMs,
  );
  await res.body?.cancel();
}
