/**
 * The shape of one emulated Marketing API endpoint, and the list/paging helpers they share.
 * Source of paging: docs/tiktok-api.md §1 (`page` ≥ 1, `page_size`, `data.page_info`).
 */
import { paramError } from './envelope';
import type { AdvertiserFixture } from './fixtures';
import type { MultipartFile } from './multipart';
import { optNumber, type Params } from './rules';
import type { EmulatorState, TokenRecord } from './state';

/** What a handler gets: parsed params, the caller's token and advertiser when checked. */
export interface RouteContext {
  state: EmulatorState;
  /** GET: query with JSON-encoded values decoded. POST: JSON body or multipart text fields. */
  params: Params;
  /** Multipart file parts by field name (uploads only). */
  files: Record<string, MultipartFile>;
  /** The caller's token, when the route requires `Access-Token`. */
  token?: TokenRecord;
  /** The advertiser `advertiser_id` names, when the route requires one. */
  advertiser?: AdvertiserFixture;
}

/** One endpoint. Handlers return the envelope's `data` or throw `EmulatorError`. */
export interface Route {
  method: 'GET' | 'POST';
  /** Needs a valid `Access-Token` header (40104 / 40105). */
  auth: boolean;
  /** Needs an `advertiser_id` the token reaches (40002 / 40300 / 40106). */
  advertiser: boolean;
  /** Scope id the token must hold (docs/tiktok-api.md §2.5), else 40001. */
  scope?: number;
  /** Body is `multipart/form-data`. */
  multipart?: boolean;
  handle: (ctx: RouteContext) => unknown;
}

/** `data.page_info` of list endpoints. */
export interface PageInfo {
  page: number;
  page_size: number;
  total_number: number;
  total_page: number;
}

/** Slices `items` by `page`/`page_size` (validated; 40002 when out of range). */
export function paginate<T>(
  items: readonly T[],
  params: Params,
  defaultSize: number,
  maxSize: number,
): { list: T[]; page_info: PageInfo } {
  const page = optNumber(params, 'page') ?? 1;
  const page_size = optNumber(params, 'page_size') ?? defaultSize;
  if (!Number.isInteger(page) || page < 1) paramError('page: must be an integer ≥ 1.');
  if (!Number.isInteger(page_size) || page_size < 1 || page_size > maxSize) {
    paramError(`page_size: must be an integer between 1 and ${maxSize}.`);
  }
  const start = (page - 1) * page_size;
  return {
    list: items.slice(start, start + page_size),
    page_info: {
      page,
      page_size,
      total_number: items.length,
      total_page: Math.ceil(items.length / page_size),
    },
  };
}

/** The `filtering` object (already JSON-decoded), or {} when absent; 40002 when not an object. */
export function filteringOf(params: Params): Params {
  const f = params.filtering;
  if (f === undefined || f === null) return {};
  if (typeof f !== 'object' || Array.isArray(f)) paramError('filtering: must be a JSON object.');
  return f as Params;
}

/** A string-array filter inside `filtering` (ids), or undefined when absent. */
export function idFilter(filtering: Params, field: string): Set<string> | undefined {
  const v = filtering[field];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) paramError(`filtering.${field}: must be an array.`);
  return new Set(v.map(String));
}
