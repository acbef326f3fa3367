import { bodySizeLimit } from '../../shared/files/limits.js';

/** How much one import may hold; the page states these before anyone uploads. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 2_000;
/** Up to this size, a checked file rides along in the page, so "Import" needs no second upload. */
export const MAX_CARRIED_BYTES = 256 * 1024;

/** Uploads above adapter-node's body limit never reach the import: the smaller limit counts. */
export function uploadLimit(setting: string | undefined): number {
	return Math.min(MAX_FILE_BYTES, bodySizeLimit(setting));
}
