import type { Db } from '../db/schema.js';
import { activeOn } from '../networks/active-members.js';

export async function insertFeed(
	db: Db,
	row: {
		tokenHash: string;
		networkId: number | null;
		contactId: number | null;
		createdBy: number;
		createdAt: string;
	}
): Promise<number> {
	const inserted = await db
		.insertInto('calendarFeeds')
		.values({ ...row, revokedAt: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function findFeedByTokenHash(db: Db, tokenHash: string) {
	return db
		.selectFrom('calendarFeeds')
		.select(['id', 'networkId', 'contactId', 'revokedAt'])
		.where('tokenHash', '=', tokenHash)
		.executeTakeFirst();
}

export async function findFeed(db: Db, feedId: number) {
	return db
		.selectFrom('calendarFeeds')
		.select(['id', 'networkId', 'contactId', 'revokedAt'])
		.where('id', '=', feedId)
		.executeTakeFirst();
}

export async function revokeFeedRow(db: Db, feedId: number, at: string): Promise<void> {
	await db
		.updateTable('calendarFeeds')
		.set({ revokedAt: at })
		.where('id', '=', feedId)
		.where('revokedAt', 'is', null)
		.execute();
}

/** Unrevoked feeds of a network, or of the persons who are members of it. */
export async function findActiveFeeds(db: Db, networkId: number, contactIds: readonly number[]) {
	return db
		.selectFrom('calendarFeeds')
		.select(['id', 'networkId', 'contactId', 'createdAt'])
		.where('revokedAt', 'is', null)
		.where((eb) =>
			contactIds.length
				? eb.or([eb('networkId', '=', networkId), eb('contactId', 'in', contactIds)])
				: eb('networkId', '=', networkId)
		)
		.orderBy('createdAt')
		.execute();
}

/** Networks a person takes part in today: as a member, or through a member organisation. */
export async function findNetworkIdsOfContact(
	db: Db,
	contactId: number,
	today: string
): Promise<number[]> {
	const rows = await db
		.selectFrom('networkMembers')
		.select('networkMembers.networkId')
		.where((eb) =>
			eb.or([
				eb('networkMembers.contactId', '=', contactId),
				eb(
					'networkMembers.organisationId',
					'in',
					eb
						.selectFrom('contacts')
						.select('contacts.organisationId')
						.where('contacts.id', '=', contactId)
						.where('contacts.anonymisedAt', 'is', null)
				)
			])
		)
		.where((eb) => activeOn(eb, today))
		.distinct()
		.execute();
	return rows.map((row) => row.networkId);
}

export async function findContactName(db: Db, contactId: number) {
	return db
		.selectFrom('contacts')
		.select(['id', 'districtId', 'name', 'anonymisedAt'])
		.where('id', '=', contactId)
		.executeTakeFirst();
}
