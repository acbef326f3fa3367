import type { ExpressionBuilder } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import type { OfferVerificationTokensTable } from './freshness.table.js';

/** Published offers the portal shows today: what freshness is about. */
function shownInPortal(eb: ExpressionBuilder<DB, 'offers'>, today: string) {
	return eb.and([
		eb('offers.status', '=', 'published'),
		eb.or([eb('offers.validTo', 'is', null), eb('offers.validTo', '>=', today)])
	]);
}

/**
 * Not reminded since the last verification, or so long ago that the mailed link has expired:
 * a reminder counts only for the verification it followed, and for as long as its link works.
 */
function awaitsReminder(eb: ExpressionBuilder<DB, 'offers'>, remindAgainBefore: string) {
	return eb.or([
		eb('offers.verificationRemindedAt', 'is', null),
		eb('offers.verificationRemindedAt', '<', eb.ref('offers.lastVerifiedAt')),
		eb('offers.verificationRemindedAt', '<=', remindAgainBefore)
	]);
}

/** `verifiedBefore` is also when a reminder is old enough to send another: both are one period. */
export async function findOffersDueForReminder(db: Db, verifiedBefore: string, today: string) {
	return db
		.selectFrom('offers')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.select([
			'offers.id',
			'offers.districtId',
			'offers.organisationId',
			'offers.slug',
			'offers.title',
			'offers.lastVerifiedAt',
			'organisations.name as organisationName',
			'organisations.email as organisationEmail'
		])
		.where((eb) => shownInPortal(eb, today))
		.where('offers.lastVerifiedAt', '<=', verifiedBefore)
		.where((eb) => awaitsReminder(eb, verifiedBefore))
		.orderBy('offers.id')
		.execute();
}

/** Active partner editors of the organisation, who keep its offers. */
export async function findPartnerEditors(db: Db, organisationId: number) {
	return db
		.selectFrom('users')
		.innerJoin('userOrganisations', 'userOrganisations.userId', 'users.id')
		.select(['users.email', 'users.name'])
		.where('userOrganisations.organisationId', '=', organisationId)
		.where('users.role', '=', 'partner_editor')
		.where('users.disabledAt', 'is', null)
		.orderBy('users.email')
		.execute();
}

/**
 * Records the reminder unless the offer was verified again or another app process reminded it
 * first; false then, so no second mail goes out.
 */
export async function claimReminder(
	db: Db,
	offer: { id: number; lastVerifiedAt: string },
	remindAgainBefore: string,
	at: string
): Promise<boolean> {
	const result = await db
		.updateTable('offers')
		.set({ verificationRemindedAt: at })
		.where('id', '=', offer.id)
		.where('lastVerifiedAt', '=', offer.lastVerifiedAt)
		.where((eb) => awaitsReminder(eb, remindAgainBefore))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function insertVerificationToken(
	db: Db,
	token: OfferVerificationTokensTable
): Promise<void> {
	await db.insertInto('offerVerificationTokens').values(token).execute();
}

export async function findVerificationToken(db: Db, id: string) {
	return db
		.selectFrom('offerVerificationTokens')
		.innerJoin('offers', 'offers.id', 'offerVerificationTokens.offerId')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.select([
			'offerVerificationTokens.id',
			'offerVerificationTokens.expiresAt',
			'offerVerificationTokens.usedAt',
			'offers.id as offerId',
			'offers.districtId',
			'offers.slug',
			'offers.title',
			'offers.status',
			'offers.lastVerifiedAt',
			'organisations.name as organisationName'
		])
		.where('offerVerificationTokens.id', '=', id)
		.executeTakeFirst();
}

/** Marks the token used unless it was already; false when another request used it first. */
export async function useVerificationToken(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('offerVerificationTokens')
		.set({ usedAt: at })
		.where('id', '=', id)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Spends every open link of the offer: once confirmed, older reminders have done their job. */
export async function useOpenTokensOf(db: Db, offerId: number, at: string): Promise<void> {
	await db
		.updateTable('offerVerificationTokens')
		.set({ usedAt: at })
		.where('offerId', '=', offerId)
		.where('usedAt', 'is', null)
		.execute();
}

export async function markOfferVerified(db: Db, offerId: number, at: string): Promise<void> {
	await db
		.updateTable('offers')
		.set({ lastVerifiedAt: at, verificationRemindedAt: null })
		.where('id', '=', offerId)
		.execute();
}

/** Portal offers of the district last verified at or before the given time, oldest first. */
export async function findUnverifiedSince(
	db: Db,
	scope: { districtId: number; organisationIds: readonly number[] | null },
	verifiedBefore: string,
	today: string
) {
	let query = db
		.selectFrom('offers')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.select([
			'offers.id',
			'offers.slug',
			'offers.title',
			'offers.districtId',
			'offers.organisationId',
			'offers.lastVerifiedAt',
			'offers.verificationRemindedAt',
			'organisations.name as organisationName'
		])
		.where('offers.districtId', '=', scope.districtId)
		.where((eb) => shownInPortal(eb, today))
		.where('offers.lastVerifiedAt', '<=', verifiedBefore);
	if (scope.organisationIds !== null) {
		if (scope.organisationIds.length === 0) return [];
		query = query.where('offers.organisationId', 'in', scope.organisationIds);
	}
	return query
		.orderBy('organisations.name')
		.orderBy('offers.lastVerifiedAt')
		.orderBy('offers.id')
		.execute();
}
