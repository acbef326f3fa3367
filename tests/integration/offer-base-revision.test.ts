import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { seedDemoContent } from '../../src/lib/server/demo/demo.seed.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import {
	BASES_CHECKED_SETTING,
	backfillPublishedBases
} from '../../src/lib/server/offers/base-revision.js';
import { markOffersChanged } from '../../src/lib/server/offers/offers.repository.js';
import { loadLiveContent } from '../../src/lib/server/offers/offer-content.js';
import { offerHistory, offerOnDesk } from '../../src/lib/server/offers/offer-desk.service.js';
import {
	findApprovedBase,
	findRevisions
} from '../../src/lib/server/offers/revisions.repository.js';
import {
	saveOfferDraft,
	submitOffer,
	type Editor
} from '../../src/lib/server/offers/workflow.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { createTestAccount } from '../factories/account.factory.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');
const NOW = new Date('2026-12-01T09:00:00Z');
const SENTENCE = ' Bitte bringen Sie einen Ausweis mit.';

/** A database as it was before base revisions: `change` takes bases away, and no check is noted. */
async function dataFromBeforeBases(db: Kysely<DB>, change: (db: Kysely<DB>) => Promise<unknown>) {
	await change(db);
	await db.deleteFrom('settings').where('key', '=', BASES_CHECKED_SETTING).execute();
}

describeEachDialect(
	'approved base revisions',
	({ database }) => {
		const db = () => database().db;

		/** A seeded offer with translations, and a partner editor of its organisation. */
		async function seededOfferAndPartner(): Promise<{ offerId: number; partner: Editor }> {
			const offer = await db()
				.selectFrom('offers')
				.innerJoin('translations', 'translations.entityId', 'offers.id')
				.select(['offers.id', 'offers.districtId', 'offers.organisationId'])
				.where('translations.entity', '=', 'offer')
				.where('translations.locale', '=', 'ar')
				.orderBy('offers.id')
				.executeTakeFirstOrThrow();
			const account = await createTestAccount(db(), {
				districtId: offer.districtId,
				role: 'partner_editor',
				organisationIds: [offer.organisationId]
			});
			return {
				offerId: offer.id,
				partner: {
					id: account.id,
					role: 'partner_editor',
					districtId: offer.districtId,
					organisationIds: [offer.organisationId]
				}
			};
		}

		it('gives every seeded offer an approved base holding its live content', async () => {
			const { offerId } = await seededOfferAndPartner();
			const revisions = await findRevisions(db(), offerId);
			expect(revisions.map((revision) => revision.state)).toEqual(['approved']);
			const live = await loadLiveContent(db(), offerId);
			expect(revisions[0]!.content).toEqual(live);
			expect(Object.keys(revisions[0]!.content.translations)).toContain('ar');
		});

		it('shows a submitted sentence as the only change, translations unchanged', async () => {
			const { offerId, partner } = await seededOfferAndPartner();
			const before = await offerOnDesk(db(), partner, offerId);
			expect(before.changes).toBeNull();
			const content = structuredClone(before.content);
			content.offer.description += SENTENCE;
			await saveOfferDraft(db(), partner, offerId, content, NOW);
			await submitOffer(db(), partner, offerId, { now: NOW });

			const { changes } = await offerOnDesk(db(), partner, offerId);
			expect(changes).toHaveLength(1);
			const change = changes![0]!;
			expect(change.field).toBe('description');
			if (change.kind !== 'text') throw new Error('expected a text change');
			expect(change.parts.filter((part) => part.removed)).toEqual([]);
			expect(
				change.parts
					.filter((part) => part.added)
					.map((part) => part.value)
					.join('')
					.trim()
			).toBe(SENTENCE.trim());
			const [newest] = await offerHistory(db(), partner, offerId);
			expect(newest!.changes).toEqual(changes);
		});

		it('backfills offers published before bases existed, once', async () => {
			const { offerId } = await seededOfferAndPartner();
			const other = await db()
				.selectFrom('offers')
				.select('id')
				.where('id', '!=', offerId)
				.where('status', '=', 'published')
				.executeTakeFirstOrThrow();
			await dataFromBeforeBases(db(), (trx) =>
				trx.deleteFrom('offerRevisions').where('offerId', '=', other.id).execute()
			);
			expect(await backfillPublishedBases(db(), NOW)).toBe(1);
			expect(await backfillPublishedBases(db(), NOW)).toBe(0);
			const revisions = await findRevisions(db(), other.id);
			expect(revisions.map((revision) => revision.state)).toEqual(['approved']);
			expect(revisions[0]!.content).toEqual(await loadLiveContent(db(), other.id));
		});

		it('does not look for offers without a base again while the offers are unchanged', async () => {
			const { offerId } = await seededOfferAndPartner();
			expect(await backfillPublishedBases(db(), NOW)).toBe(0);
			// Behind the app's back: none of its ways of publishing leaves an offer without a base.
			await db().deleteFrom('offerRevisions').where('offerId', '=', offerId).execute();
			expect(await backfillPublishedBases(db(), NOW)).toBe(0);
			await markOffersChanged(db());
			expect(await backfillPublishedBases(db(), NOW)).toBe(1);
		});

		it('backfills all published offers together, each base its live content, before open work', async () => {
			const { offerId, partner } = await seededOfferAndPartner();
			const draft = structuredClone((await offerOnDesk(db(), partner, offerId)).content);
			draft.offer.description += SENTENCE;
			await saveOfferDraft(db(), partner, offerId, draft, NOW);
			const published = await db()
				.selectFrom('offers')
				.select('id')
				.where('status', '=', 'published')
				.orderBy('id')
				.execute();
			const seededBases = new Map<number, unknown>();
			for (const { id } of published)
				seededBases.set(id, (await findApprovedBase(db(), id))!.content);
			await dataFromBeforeBases(db(), (trx) =>
				trx.deleteFrom('offerRevisions').where('state', '=', 'approved').execute()
			);

			expect(await backfillPublishedBases(db(), NOW)).toBe(published.length);
			for (const { id } of published) {
				const base = await findApprovedBase(db(), id);
				expect(base?.reviewerId).toBeNull();
				expect(base?.content).toEqual(seededBases.get(id));
				expect(base?.content).toEqual(await loadLiveContent(db(), id));
			}
			const states = (await findRevisions(db(), offerId)).map((revision) => revision.state);
			expect(states).toEqual(['approved', 'draft']);
		});
	},
	async (database) => {
		await loadReferencePlaces(database.db, CONTENT);
		await database.db.transaction().execute((trx) => seedDemoContent(trx, CONTENT, NOW));
	},
	{ isolation: 'test' }
);
