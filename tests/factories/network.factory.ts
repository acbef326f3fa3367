import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import type { NetworkInput } from '../../src/lib/server/networks/networks.schema.js';
import type { MemberRole } from '../../src/lib/server/networks/networks.table.js';
import {
	addMember,
	createNetwork,
	endMember
} from '../../src/lib/server/networks/networks.service.js';
import { factoryEditor } from './account.factory.js';

let sequence = 0;

export interface TestMember {
	organisationId?: number;
	contactId?: number;
	role?: MemberRole;
	joinedOn?: string;
	/** A former member from this day on. */
	leftOn?: string;
}

/**
 * The one way tests make a network: through the networks service as the district's
 * administrator, with action fields (`language` unless given) and members.
 */
export async function createTestNetwork(
	db: Kysely<DB>,
	network: {
		districtId: number;
		name?: string;
		actionFields?: NetworkInput['actionFields'];
		members?: TestMember[];
	}
): Promise<number> {
	sequence++;
	const editor = await factoryEditor(db, network.districtId);
	const id = await createNetwork(db, editor, {
		name: network.name ?? `Netzwerk ${sequence}`,
		description: '',
		actionFields: network.actionFields ?? ['language'],
		coordinatingOrganisationId: null
	});
	for (const member of network.members ?? []) {
		const memberId = await addMember(db, editor, id, {
			organisationId: member.organisationId ?? null,
			contactId: member.contactId ?? null,
			role: member.role ?? 'member',
			joinedOn: member.joinedOn ?? '2026-01-01'
		});
		if (member.leftOn) await endMember(db, editor, id, memberId, member.leftOn);
	}
	return id;
}
