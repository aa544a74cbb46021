/**
 * The offline model lives in `./offline/` (one stage per file); this module keeps the import
 * path other code and branches use.
 */
export { OfflineTurnModel, understand } from './offline';
