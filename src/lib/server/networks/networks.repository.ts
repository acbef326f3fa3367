import type { Db } from '../db/schema.js';
import { activeOn } from './active-members.js';
import type { MemberRole } from './networks.table.js';

export async function insertNetwork(
	db: Db,
	row: {
		districtId: number;
		slug: string;
		name: string;
		description: string;
		coordinatingOrganisationId: number | null;
		createdAt: string;
	}
): Promise<number> {
	const inserted = await db
		.insertInto('networks')
		.values({ ...row, updatedAt: row.createdAt, archivedAt: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function updateNetworkRow(
	db: Db,
	networkId: number,
	row: {
		name: string;
		description: string;
		coordinatingOrganisationId: number | null;
		updatedAt: string;
	}
): Promise<void> {
	await db.updateTable('networks').set(row).where('id', '=', networkId).execute();
}

export async function setNetworkArchived(db: Db, networkId: number, at: string): Promise<void> {
	await db
		.updateTable('networks')
		.set({ archivedAt: at, updatedAt: at })
		.where('id', '=', networkId)
		.execute();
}

export async function setNetworkSlug(db: Db, networkId: number, slug: string): Promise<void> {
	await db.updateTable('networks').set({ slug }).where('id', '=', networkId).execute();
}

export async function replaceActionFields(
	db: Db,
	networkId: number,
	actionFields: readonly string[]
): Promise<void> {
	await db.deleteFrom('networkActionFields').where('networkId', '=', networkId).execute();
	if (actionFields.length)
		await db
			.insertInto('networkActionFields')
			.values(actionFields.map((actionField) => ({ networkId, actionField })))
			.execute();
}

export async function findNetworkRow(db: Db, networkId: number) {
	return db
		.selectFrom('networks')
		.leftJoin('organisations', 'organisations.id', 'networks.coordinatingOrganisationId')
		.select([
			'networks.id',
			'networks.districtId',
			'networks.name',
			'networks.description',
			'networks.coordinatingOrganisationId',
			'organisations.name as coordinatingOrganisationName',
			'networks.updatedAt',
			'networks.archivedAt'
		])
		.where('networks.id', '=', networkId)
		.executeTakeFirst();
}

export async function findActionFields(db: Db, networkIds: readonly number[]) {
	if (!networkIds.length) return [];
	return db
		.selectFrom('networkActionFields')
		.select(['networkId', 'actionField'])
		.where('networkId', 'in', networkIds)
		.orderBy('actionField')
		.execute();
}

/** Networks of a district; with `organisationIds`, only those one of them is an active member of. */
export async function listNetworkRows(
	db: Db,
	districtId: number,
	today: string,
	organisationIds?: readonly number[]
) {
	let query = db
		.selectFrom('networks')
		.leftJoin('organisations', 'organisations.id', 'networks.coordinatingOrganisationId')
		.select((eb) => [
			'networks.id',
			'networks.name',
			'organisations.name as coordinatingOrganisationName',
			eb
				.selectFrom('networkMembers')
				.select((inner) => inner.fn.countAll<number>().as('count'))
				.whereRef('networkMembers.networkId', '=', 'networks.id')
				.where((eb) => activeOn(eb, today))
				.as('memberCount')
		])
		.where('networks.districtId', '=', districtId)
		.where('networks.archivedAt', 'is', null);
	if (organisationIds) {
		if (!organisationIds.length) return [];
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('networkMembers')
					.select('networkMembers.id')
					.whereRef('networkMembers.networkId', '=', 'networks.id')
					.where('networkMembers.organisationId', 'in', organisationIds)
					.where((eb) => activeOn(eb, today))
			)
		);
	}
	return query.orderBy('networks.name').execute();
}

export async function findActiveMemberOrganisationIds(
	db: Db,
	networkId: number,
	today: string
): Promise<number[]> {
	const rows = await db
		.selectFrom('networkMembers')
		.select('organisationId')
		.where('networkId', '=', networkId)
		.where('organisationId', 'is not', null)
		.where((eb) => activeOn(eb, today))
		.execute();
	return rows.map((row) => row.organisationId!);
}

export async function findMemberRows(db: Db, networkId: number) {
	return db
		.selectFrom('networkMembers')
		.leftJoin('organisations', 'organisations.id', 'networkMembers.organisationId')
		.leftJoin('contacts', 'contacts.id', 'networkMembers.contactId')
		.leftJoin(
			'organisations as contactOrganisation',
			'contactOrganisation.id',
			'contacts.organisationId'
		)
		.select([
			'networkMembers.id',
			'networkMembers.organisationId',
			'networkMembers.contactId',
			'networkMembers.role',
			'networkMembers.joinedOn',
			'networkMembers.leftOn',
			'organisations.name as organisationName',
			'contacts.name as contactName',
			'contacts.anonymisedAt as contactAnonymisedAt',
			'contactOrganisation.name as contactOrganisationName'
		])
		.where('networkMembers.networkId', '=', networkId)
		.orderBy('networkMembers.joinedOn')
		.orderBy('networkMembers.id')
		.execute();
}

export async function findMemberRow(db: Db, memberId: number) {
	return db
		.selectFrom('networkMembers')
		.select(['id', 'networkId', 'organisationId', 'contactId', 'role', 'joinedOn', 'leftOn'])
		.where('id', '=', memberId)
		.executeTakeFirst();
}

export async function insertMember(
	db: Db,
	row: {
		networkId: number;
		organisationId: number | null;
		contactId: number | null;
		role: MemberRole;
		joinedOn: string;
	}
): Promise<number> {
	const inserted = await db
		.insertInto('networkMembers')
		.values({ ...row, leftOn: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function setMemberLeftOn(db: Db, memberId: number, leftOn: string): Promise<void> {
	await db.updateTable('networkMembers').set({ leftOn }).where('id', '=', memberId).execute();
}

/** An open membership of the same organisation or person (not left, or leaving later). */
export async function hasOpenMembership(
	db: Db,
	networkId: number,
	member: { organisationId: number | null; contactId: number | null },
	today: string
): Promise<boolean> {
	const row = await db
		.selectFrom('networkMembers')
		.select('id')
		.where('networkId', '=', networkId)
		.where(
			member.organisationId !== null ? 'organisationId' : 'contactId',
			'=',
			(member.organisationId ?? member.contactId)!
		)
		.where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', today)]))
		.executeTakeFirst();
	return row !== undefined;
}

export async function findOrganisationInDistrict(db: Db, organisationId: number) {
	return db
		.selectFrom('organisations')
		.select(['id', 'districtId', 'name'])
		.where('id', '=', organisationId)
		.executeTakeFirst();
}

export async function findContactInDistrict(db: Db, contactId: number) {
	return db
		.selectFrom('contacts')
		.select(['id', 'districtId', 'name', 'anonymisedAt'])
		.where('id', '=', contactId)
		.executeTakeFirst();
}

/** People of the directory to choose from (names only; no contact data). */
export async function listContactChoices(db: Db, districtId: number) {
	return db
		.selectFrom('contacts')
		.leftJoin('organisations', 'organisations.id', 'contacts.organisationId')
		.select(['contacts.id', 'contacts.name', 'organisations.name as organisationName'])
		.where('contacts.districtId', '=', districtId)
		.where('contacts.anonymisedAt', 'is', null)
		.orderBy('contacts.name')
		.execute();
}
