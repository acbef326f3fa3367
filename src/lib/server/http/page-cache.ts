import { createHash } from 'node:crypto';
import { berlinNow } from '../../shared/time/berlin-clock.js';
import { findContentVersion } from '../db/content-version.repository.js';
import type { Db } from '../db/schema.js';
import { negotiateEncoding } from './compression.js';
import { freshRead } from './fresh-read.js';

/**
 * A rendered portal page, kept compressed, so that asking for it again costs neither rendering nor
 * compression. Entries belong to a stamp (`pageStamp`): a new stamp drops them all, so a change
 * made by any process, or the clock passing a minute, a day or a week, is on the next page.
 */
interface CachedPage {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	etag: string;
	/** What the entry counts against the bound: body, headers and key. */
	bytes: number;
}

/** How the response to a request was made, in `x-cache`. */
type CacheOutcome = 'hit' | 'miss' | 'bypass';

/** Statuses worth keeping: pages, and the deliberate 404 of a page that does not exist. */
const STORED_STATUSES = new Set([200, 404]);
/** Header names the key already covers; any other `Vary` would need a request header the key lacks. */
const KEYED_VARY = new Set(['accept-encoding']);
/** Set per request by the hooks, never stored. */
const PER_REQUEST_HEADERS = new Set(['date', 'x-request-id', 'set-cookie', 'content-length']);

const versionReads = new WeakMap<Db, () => Promise<string>>();

/**
 * The stamp of pages rendered now: they show the data of the content version read here or newer,
 * and read the clock no finer than the minute (occurrences are `HH:mm`), so they hold until either
 * moves. The version is one row, read after the call was made (`freshRead`).
 */
export async function pageStamp(db: Db, now = new Date()): Promise<string> {
	let read = versionReads.get(db);
	if (!read) versionReads.set(db, (read = freshRead(() => findContentVersion(db))));
	return `${await read()}@${berlinNow(now)}`;
}

/**
 * A read of a public page (a `(portal)` route), the same for every visitor who sends no session
 * cookie: its rendering may be shared. Data requests of client-side navigation render JSON.
 */
export function isSharedRead(request: {
	method: string;
	routeId: string | null;
	dataRequest: boolean;
	sessionCookie: boolean;
}): boolean {
	return (
		(request.method === 'GET' || request.method === 'HEAD') &&
		!!request.routeId?.startsWith('/(portal)/') &&
		!request.dataRequest &&
		!request.sessionCookie
	);
}

/**
 * The variant a request asks for: the address with its parameters in a stable order, the portal
 * language and the encoding the response will have.
 */
export function pageKey(request: Request, url: URL, locale: string): string {
	const query = new URLSearchParams(url.searchParams);
	query.sort();
	const encoding = negotiateEncoding(request.headers.get('accept-encoding')) ?? 'identity';
	return `${locale} ${encoding} ${url.origin}${url.pathname}?${query}`;
}

export class PageCache {
	readonly #maxBytes: number;
	readonly #maxEntryBytes: number;
	/** In least-recently-used order: a hit moves its entry to the end. */
	readonly #entries = new Map<string, CachedPage>();
	readonly #rendering = new Map<string, Promise<CachedPage | null>>();
	#stamp = '';
	#bytes = 0;

	constructor(maxBytes: number) {
		this.#maxBytes = maxBytes;
		// One page may take an eighth: a few large ones must not push out all others.
		this.#maxEntryBytes = Math.floor(maxBytes / 8);
	}

	get bytes(): number {
		return this.#bytes;
	}

	get size(): number {
		return this.#entries.size;
	}

	/**
	 * The answer to `request` for the variant `key` at `stamp`: from the cache, else rendered by
	 * `render` (already compressed for the request) and kept when it may be shared. Identical
	 * requests that arrive while a page renders wait for that one rendering.
	 */
	async answer(
		request: Request,
		key: string,
		stamp: string,
		render: () => Promise<Response>
	): Promise<Response> {
		if (stamp !== this.#stamp) this.#restart(stamp);
		const entry = this.#entries.get(key);
		if (entry) {
			this.#entries.delete(key);
			this.#entries.set(key, entry);
			return respond(request, entry, 'hit');
		}
		const pendingKey = `${stamp}\n${key}`;
		const pending = this.#rendering.get(pendingKey);
		if (pending) {
			const shared = await pending.catch(() => null);
			return shared ? respond(request, shared, 'hit') : withOutcome(await render(), 'bypass');
		}
		// Only a GET's body is kept; a HEAD is answered from what a GET left.
		if (request.method !== 'GET') return withOutcome(await render(), 'bypass');
		let own: Response | undefined;
		const rendering = (async () => {
			own = await render();
			return this.#keep(key, stamp, own);
		})();
		this.#rendering.set(pendingKey, rendering);
		try {
			const kept = await rendering;
			return kept ? respond(request, kept, 'miss') : withOutcome(own!, 'bypass');
		} finally {
			this.#rendering.delete(pendingKey);
		}
	}

	/** Reads the response's body into an entry when it may be shared; null leaves `response` unread. */
	async #keep(key: string, stamp: string, response: Response): Promise<CachedPage | null> {
		if (!mayBeShared(response)) return null;
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers].filter(([name]) => !PER_REQUEST_HEADERS.has(name));
		const entry: CachedPage = {
			status: response.status,
			headers,
			body,
			etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
			bytes:
				body.byteLength +
				key.length * 2 +
				headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0)
		};
		// A stamp that moved on while this page rendered: answer with it, keep it no longer.
		if (stamp === this.#stamp && entry.bytes <= this.#maxEntryBytes) this.#store(key, entry);
		return entry;
	}

	#store(key: string, entry: CachedPage): void {
		this.#entries.set(key, entry);
		this.#bytes += entry.bytes;
		for (const [oldest, old] of this.#entries) {
			if (this.#bytes <= this.#maxBytes) break;
			this.#entries.delete(oldest);
			this.#bytes -= old.bytes;
		}
	}

	#restart(stamp: string): void {
		this.#entries.clear();
		this.#bytes = 0;
		this.#stamp = stamp;
	}
}

function mayBeShared(response: Response): boolean {
	const { headers } = response;
	if (!STORED_STATUSES.has(response.status) || !response.body) return false;
	if (headers.has('set-cookie')) return false;
	if (/\b(no-store|private)\b/i.test(headers.get('cache-control') ?? '')) return false;
	return (headers.get('vary') ?? '')
		.split(',')
		.map((name) => name.trim().toLowerCase())
		.every((name) => name === '' || KEYED_VARY.has(name));
}

/** The entry as this request's answer: 304 when the client holds it already, no body for HEAD. */
function respond(request: Request, entry: CachedPage, outcome: CacheOutcome): Response {
	const headers = new Headers(entry.headers);
	headers.set('etag', entry.etag);
	headers.set('x-cache', outcome);
	if (entry.status === 200 && matches(request.headers.get('if-none-match'), entry.etag)) {
		for (const name of ['content-type', 'content-encoding', 'content-length']) headers.delete(name);
		return new Response(null, { status: 304, headers });
	}
	headers.set('content-length', String(entry.body.byteLength));
	const body = request.method === 'HEAD' ? null : entry.body;
	return new Response(body as BodyInit | null, { status: entry.status, headers });
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): `W/` aside, the tags must be equal. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function withOutcome(response: Response, outcome: CacheOutcome): Response {
	response.headers.set('x-cache', outcome);
	return response;
}
