// How the client reads TikTok's loosely typed `data`: strings, numbers and lists of objects,
// and the envelope `request_id` kept on results (Tracked).

/** TikTok's envelope `request_id` of the call that made a result, when there was one. */
export interface Tracked {
  request_id?: string;
}

export function tracked<T extends object>(value: T, request_id: string | undefined): T & Tracked {
  return request_id === undefined ? value : { ...value, request_id };
}

export function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
}

/** `data.page_info` of TikTok list endpoints. */
export interface PageInfo {
  page: number;
  page_size: number;
  total_number: number;
  total_page: number;
}
