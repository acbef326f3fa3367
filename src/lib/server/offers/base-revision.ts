import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { loadLiveContent } from './offer-content.js';
import {
	findApprovedBase,
	findPublishedWithoutBase,
	insertApprovedBase,
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

/** Gives offers published before base revisions existed one; idempotent, run at start-up. */
export async function backfillPublishedBases(db: Kysely<DB>, now = new Date()): Promise<number> {
	const offerIds = await findPublishedWithoutBase(db);
	if (offerIds.length)
		await db.transaction().execute(async (trx) => {
			for (const offerId of offerIds) await recordPublishedBase(trx, offerId, now);
		});
	return offerIds.length;
}
