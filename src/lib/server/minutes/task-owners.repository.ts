import type { Db } from '../db/schema.js';
import { NETWORK_PURPOSE } from '../directory/directory-access.js';
import { activeOn } from '../networks/active-members.js';

/** Who can own tasks and how owners are reached; offers a planned offer may point to. */

/** Who can own a network's tasks: its current member organisations and people, and the people of those organisations. */
export async function findNetworkOwners(db: Db, networkId: number, today: string) {
	const members = await db
		.selectFrom('networkMembers')
		.leftJoin('organisations', 'organisations.id', 'networkMembers.organisationId')
		.leftJoin('contacts', 'contacts.id', 'networkMembers.contactId')
		.select([
			'networkMembers.organisationId',
			'networkMembers.contactId',
			'organisations.name as organisationName',
			'contacts.name as contactName',
			'contacts.anonymisedAt'
		])
		.where('networkMembers.networkId', '=', networkId)
		.where((eb) => activeOn(eb, today))
		.execute();
	const organisationIds = members.flatMap((row) =>
		row.organisationId ? [row.organisationId] : []
	);
	const staff = organisationIds.length
		? await db
				.selectFrom('contacts')
				.select(['id', 'name'])
				.where('organisationId', 'in', organisationIds)
				.where('anonymisedAt', 'is', null)
				.execute()
		: [];
	return {
		organisations: members.flatMap((row) =>
			row.organisationId ? [{ id: row.organisationId, name: row.organisationName ?? '' }] : []
		),
		contacts: [
			...members.flatMap((row) =>
				row.contactId && !row.anonymisedAt
					? [{ id: row.contactId, name: row.contactName ?? '' }]
					: []
			),
			...staff
		]
	};
}

export async function findDistrictOrganisations(db: Db, districtId: number) {
	return db
		.selectFrom('organisations')
		.select(['id', 'name'])
		.where('districtId', '=', districtId)
		.orderBy('name')
		.execute();
}

/** An offer of the district by number or slug, for linking a planned offer to it. */
export async function findOfferRef(
	db: Db,
	districtId: number,
	ref: { id?: number; slug?: string }
) {
	let select = db.selectFrom('offers').select(['id', 'title']).where('districtId', '=', districtId);
	if (ref.id) select = select.where('id', '=', ref.id);
	else select = select.where('slug', '=', ref.slug ?? '');
	return select.executeTakeFirst();
}

export async function findPartnerEditorAddresses(db: Db, organisationId: number) {
	const rows = await db
		.selectFrom('users')
		.innerJoin('userOrganisations', 'userOrganisations.userId', 'users.id')
		.select('users.email')
		.where('userOrganisations.organisationId', '=', organisationId)
		.where('users.role', '=', 'partner_editor')
		.where('users.disabledAt', 'is', null)
		.orderBy('users.email')
		.execute();
	return rows.map((row) => row.email);
}

export async function findOrganisationEmail(db: Db, organisationId: number) {
	const row = await db
		.selectFrom('organisations')
		.select('email')
		.where('id', '=', organisationId)
		.executeTakeFirst();
	return row?.email ?? null;
}

/**
 * A person owner's address, used only with a purpose as invitations are: the person is a current
 * member of the task's network, or agreed (and has not withdrawn) to be contacted for network work.
 */
export async function findReachableContactEmail(
	db: Db,
	contactId: number,
	networkId: number | null,
	today: string
): Promise<string | null> {
	const row = await db
		.selectFrom('contacts')
		.select(['email', 'districtId'])
		.where('id', '=', contactId)
		.where('anonymisedAt', 'is', null)
		.where(({ or, exists, selectFrom }) =>
			or([
				exists(
					selectFrom('contactConsents')
						.innerJoin('processingPurposes', 'processingPurposes.id', 'contactConsents.purposeId')
						.select('contactConsents.id')
						.whereRef('contactConsents.contactId', '=', 'contacts.id')
						.where('processingPurposes.key', '=', NETWORK_PURPOSE)
						.where('contactConsents.withdrawnOn', 'is', null)
				),
				exists(
					selectFrom('networkMembers')
						.select('networkMembers.id')
						.whereRef('networkMembers.contactId', '=', 'contacts.id')
						.where('networkMembers.networkId', '=', networkId ?? 0)
						.where((eb) => activeOn(eb, today))
				)
			])
		)
		.executeTakeFirst();
	return row?.email ?? null;
}
