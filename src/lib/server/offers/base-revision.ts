import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { getSetting, setSetting } from '../db/settings.repository.js';
import { loadLiveContent, loadLiveContents } from './offer-content.js';
import { findOffersVersion } from './offers.repository.js';
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

/**
 * The offers version at which every published offer was last found to have a base: the search
 * for offers without one reads all offers (a quarter of a second at 100,000 on PostgreSQL), and
 * while the offers are unchanged a restart need not search again.
 */
export const BASES_CHECKED_SETTING = 'offers.basesCheckedAt';

/**
 * Gives offers published before base revisions existed one; idempotent, run at start-up, and
 * skipped while the offers version is the one of the last check (the app's own ways of publishing
 * record a base; only data from before them lacks one).
 */
export async function backfillPublishedBases(db: Kysely<DB>, now = new Date()): Promise<number> {
	const at = now.toISOString();
	return db.transaction().execute(async (trx) => {
		const version = await findOffersVersion(trx);
		if ((await getSetting(trx, BASES_CHECKED_SETTING)) === version) return 0;
		const offerIds = await findPublishedWithoutBase(trx);
		for (let start = 0; start < offerIds.length; start += BACKFILL_CHUNK) {
			const contents = await loadLiveContents(trx, offerIds.slice(start, start + BACKFILL_CHUNK));
			const bases = [...contents].map(([offerId, content]) => ({ offerId, content }));
			await insertFirstBases(trx, bases, at);
		}
		await setSetting(trx, BASES_CHECKED_SETTING, version);
		return offerIds.length;
	});
}
