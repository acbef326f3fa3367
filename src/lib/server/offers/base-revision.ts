import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { loadLiveContent, loadLiveContents } from './offer-content.js';
import {
	findApprovedBase,
	findPublishedWithoutBase,
	insertApprovedBase,
	insertFirstBases,
	updateRevision
} from './revisions.repository.js';

/**
 * A published offer's live content must be an approved revision, so the next change is reviewed
 * as a difference to what the public sees, not as a whole new text. Offers published without a
 * review (seeded, imported, translated directly) get a base revision without a reviewer, which
 * follows their live content until a reviewed revision supersedes it.
 */
export async function recordPublishedBase(db: Db, offerId: number, now = new Date()) {
	const status = await db
		.selectFrom('offers')
		.select('status')
		.where('id', '=', offerId)
		.executeTakeFirst();
	if (status?.status !== 'published') return;
	const content = (await loadLiveContent(db, offerId))!;
	const at = now.toISOString();
	const base = await findApprovedBase(db, offerId);
	if (base && base.reviewerId === null) await updateRevision(db, base.id, { content, at });
	else await insertApprovedBase(db, { offerId, content, at, hasApproved: base !== undefined });
}

/** Offers per round trip of the backfill: a few queries per chunk instead of several per offer. */
const BACKFILL_CHUNK = 500;

/** Gives offers published before base revisions existed one; idempotent, run at start-up. */
export async function backfillPublishedBases(db: Kysely<DB>, now = new Date()): Promise<number> {
	const at = now.toISOString();
	return db.transaction().execute(async (trx) => {
		const offerIds = await findPublishedWithoutBase(trx);
		for (let start = 0; start < offerIds.length; start += BACKFILL_CHUNK) {
			const contents = await loadLiveContents(trx, offerIds.slice(start, start + BACKFILL_CHUNK));
			const bases = [...contents].map(([offerId, content]) => ({ offerId, content }));
			await insertFirstBases(trx, bases, at);
		}
		return offerIds.length;
	});
}
