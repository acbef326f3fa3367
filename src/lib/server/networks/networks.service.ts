import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { slugify } from '../../shared/text/slugify.js';
import { listOrganisationNames } from '../organisations/organisations.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { authorizeInNetwork, canInNetwork, type NetworkScope } from './network-access.js';
import type { MemberRole } from './networks.table.js';
import { NetworkNotFoundError, NetworkValidationError } from './networks.errors.js';
import {
	findActionFields,
	findActiveMemberOrganisationIds,
	findContactInDistrict,
	findMemberRow,
	findMemberRows,
	findNetworkRow,
	findOrganisationInDistrict,
	hasOpenMembership,
	insertMember,
	insertNetwork,
	listContactChoices,
	listNetworkRows,
	replaceActionFields,
	setMemberLeftOn,
	setNetworkArchived,
	setNetworkSlug,
	updateNetworkRow
} from './networks.repository.js';
import {
	DAY,
	memberInputSchema,
	networkInputSchema,
	parseOrThrow,
	type MemberInput,
	type NetworkInput
} from './networks.schema.js';

// Calendar feeds look up the network they belong to.
export { findNetworkRow } from './networks.repository.js';

/** Networks per action field with their member organisations and persons (issue 4). */
export type NetworkActor = Actor & { id: number };

export interface NetworkSummary {
	id: number;
	name: string;
	actionFields: string[];
	coordinatingOrganisationName: string | null;
	memberCount: number;
}

export interface NetworkMember {
	id: number;
	kind: 'organisation' | 'person';
	organisationId: number | null;
	contactId: number | null;
	/** The organisation's or person's name; erased persons show as null ("former participant"). */
	name: string | null;
	/** For a person: the organisation they work for. */
	organisationName: string | null;
	role: MemberRole;
	joinedOn: string;
	leftOn: string | null;
	active: boolean;
}

export interface NetworkDetail {
	id: number;
	districtId: number;
	name: string;
	description: string;
	actionFields: string[];
	coordinatingOrganisationId: number | null;
	coordinatingOrganisationName: string | null;
	members: NetworkMember[];
	/** Archived networks leave the list; their page and records stay. */
	archivedAt: string | null;
	canManage: boolean;
}

/** The access scope of a network today; NetworkNotFoundError when there is none. */
export async function networkScope(
	db: Db,
	networkId: number,
	now = new Date()
): Promise<NetworkScope> {
	const row = await findNetworkRow(db, networkId);
	if (!row) throw new NetworkNotFoundError(networkId);
	return {
		districtId: row.districtId,
		memberOrganisationIds: await findActiveMemberOrganisationIds(db, networkId, berlinToday(now))
	};
}

const districtScope = (actor: Actor): NetworkScope => ({
	districtId: actor.districtId,
	memberOrganisationIds: []
});

/** Networks the actor may see: all of the district for staff and viewers, partners their own. */
export async function listNetworks(
	db: Db,
	actor: Actor,
	now = new Date()
): Promise<NetworkSummary[]> {
	const seesAll = canInNetwork(actor, 'read', districtScope(actor));
	const rows = await listNetworkRows(
		db,
		actor.districtId,
		berlinToday(now),
		seesAll ? undefined : actor.organisationIds
	);
	const fields = await findActionFields(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		coordinatingOrganisationName: row.coordinatingOrganisationName,
		memberCount: Number(row.memberCount ?? 0),
		actionFields: fields.filter((field) => field.networkId === row.id).map((f) => f.actionField)
	}));
}

export async function getNetwork(
	db: Db,
	actor: Actor,
	networkId: number,
	now = new Date()
): Promise<NetworkDetail> {
	const scope = await networkScope(db, networkId, now);
	authorizeInNetwork(actor, 'read', scope);
	const row = (await findNetworkRow(db, networkId))!;
	const today = berlinToday(now);
	const members = (await findMemberRows(db, networkId)).map((member): NetworkMember => ({
		id: member.id,
		kind: member.organisationId !== null ? 'organisation' : 'person',
		organisationId: member.organisationId,
		contactId: member.contactId,
		name:
			member.organisationId !== null
				? member.organisationName
				: member.contactAnonymisedAt
					? null
					: member.contactName,
		organisationName: member.contactAnonymisedAt ? null : member.contactOrganisationName,
		role: member.role,
		joinedOn: member.joinedOn,
		leftOn: member.leftOn,
		active: member.joinedOn <= today && (member.leftOn === null || member.leftOn > today)
	}));
	return {
		id: row.id,
		districtId: row.districtId,
		name: row.name,
		description: row.description,
		actionFields: (await findActionFields(db, [networkId])).map((field) => field.actionField),
		coordinatingOrganisationId: row.coordinatingOrganisationId,
		coordinatingOrganisationName: row.coordinatingOrganisationName,
		members,
		archivedAt: row.archivedAt,
		canManage: canInNetwork(actor, 'manage', scope)
	};
}

/** Organisations and persons a coordinator can choose from in the network forms. */
export async function networkFormOptions(db: Db, actor: Actor) {
	authorizeInNetwork(actor, 'manage', districtScope(actor));
	return {
		organisations: await listOrganisationNames(db, actor.districtId),
		contacts: await listContactChoices(db, actor.districtId)
	};
}

async function checkOrganisation(
	db: Db,
	actor: Actor,
	organisationId: number | null,
	path: string
) {
	if (organisationId === null) return;
	const organisation = await findOrganisationInDistrict(db, organisationId);
	if (organisation?.districtId !== actor.districtId)
		throw new NetworkValidationError([{ path, code: 'unknown' }]);
}

export async function createNetwork(
	db: Kysely<DB>,
	actor: NetworkActor,
	input: NetworkInput,
	now = new Date()
): Promise<number> {
	authorizeInNetwork(actor, 'manage', districtScope(actor));
	const network = parseOrThrow(networkInputSchema, input);
	await checkOrganisation(
		db,
		actor,
		network.coordinatingOrganisationId,
		'coordinatingOrganisationId'
	);
	return db.transaction().execute(async (trx) => {
		const id = await insertNetwork(trx, {
			districtId: actor.districtId,
			// Unique until the id is known; the final slug carries the id.
			slug: `network-${crypto.randomUUID()}`,
			name: network.name,
			description: network.description,
			coordinatingOrganisationId: network.coordinatingOrganisationId,
			createdAt: now.toISOString()
		});
		await setNetworkSlug(trx, id, `${slugify(network.name)}-${id}`);
		await replaceActionFields(trx, id, network.actionFields);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'network.create',
				entity: 'network',
				entityId: id,
				after: network
			},
			now
		);
		return id;
	});
}

export async function updateNetwork(
	db: Kysely<DB>,
	actor: NetworkActor,
	networkId: number,
	input: NetworkInput,
	now = new Date()
): Promise<void> {
	authorizeInNetwork(actor, 'manage', await networkScope(db, networkId, now));
	const network = parseOrThrow(networkInputSchema, input);
	await checkOrganisation(
		db,
		actor,
		network.coordinatingOrganisationId,
		'coordinatingOrganisationId'
	);
	await db.transaction().execute(async (trx) => {
		const before = await findNetworkRow(trx, networkId);
		await updateNetworkRow(trx, networkId, {
			name: network.name,
			description: network.description,
			coordinatingOrganisationId: network.coordinatingOrganisationId,
			updatedAt: now.toISOString()
		});
		await replaceActionFields(trx, networkId, network.actionFields);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'network.update',
				entity: 'network',
				entityId: networkId,
				before,
				after: network
			},
			now
		);
	});
}

export async function addMember(
	db: Kysely<DB>,
	actor: NetworkActor,
	networkId: number,
	input: MemberInput,
	now = new Date()
): Promise<number> {
	authorizeInNetwork(actor, 'manage', await networkScope(db, networkId, now));
	const member = parseOrThrow(memberInputSchema, input);
	await checkOrganisation(db, actor, member.organisationId, 'organisationId');
	if (member.contactId !== null) {
		const contact = await findContactInDistrict(db, member.contactId);
		if (contact?.districtId !== actor.districtId || contact.anonymisedAt)
			throw new NetworkValidationError([{ path: 'contactId', code: 'unknown' }]);
	}
	return db.transaction().execute(async (trx) => {
		if (await hasOpenMembership(trx, networkId, member, member.joinedOn))
			throw new NetworkValidationError([
				{ path: member.organisationId !== null ? 'organisationId' : 'contactId', code: 'duplicate' }
			]);
		const id = await insertMember(trx, { networkId, ...member });
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'network.member.add',
				entity: 'network_member',
				entityId: id,
				after: { networkId, ...member }
			},
			now
		);
		return id;
	});
}

/** Ends a membership on `leftOn` (the first day it no longer counts); history stays. */
export async function endMember(
	db: Kysely<DB>,
	actor: NetworkActor,
	networkId: number,
	memberId: number,
	leftOn: string,
	now = new Date()
): Promise<void> {
	authorizeInNetwork(actor, 'manage', await networkScope(db, networkId, now));
	const member = await findMemberRow(db, memberId);
	if (!member || member.networkId !== networkId) throw new NetworkNotFoundError(networkId);
	if (!DAY.test(leftOn))
		throw new NetworkValidationError([{ path: 'leftOn', code: 'invalid_format' }]);
	if (leftOn < member.joinedOn)
		throw new NetworkValidationError([{ path: 'leftOn', code: 'before_joined' }]);
	await db.transaction().execute(async (trx) => {
		await setMemberLeftOn(trx, memberId, leftOn);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'network.member.end',
				entity: 'network_member',
				entityId: memberId,
				before: member,
				after: { ...member, leftOn }
			},
			now
		);
	});
}

/** Takes a network that no longer meets out of the lists; members, meetings and minutes stay. */
export async function archiveNetwork(
	db: Kysely<DB>,
	actor: NetworkActor,
	networkId: number,
	now = new Date()
): Promise<void> {
	authorizeInNetwork(actor, 'manage', await networkScope(db, networkId, now));
	await db.transaction().execute(async (trx) => {
		await setNetworkArchived(trx, networkId, now.toISOString());
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'network.archive',
				entity: 'network',
				entityId: networkId
			},
			now
		);
	});
}
