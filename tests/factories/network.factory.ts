import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import type { MemberRole } from '../../src/lib/server/networks/networks.table.js';
import {
	insertMember,
	insertNetwork,
	replaceActionFields,
	setMemberLeftOn
} from '../../src/lib/server/networks/networks.repository.js';

let sequence = 0;
const stamp = () => new Date().toISOString();

export interface TestMember {
	organisationId?: number;
	contactId?: number;
	role?: MemberRole;
	joinedOn?: string;
	/** A former member from this day on. */
	leftOn?: string;
}

/**
 * The one way tests make a network: through the networks context's write path (no access
 * check, no audit), with action fields (`language` unless given) and members.
 */
export async function createTestNetwork(
	db: Kysely<DB>,
	network: {
		districtId: number;
		name?: string;
		actionFields?: string[];
		members?: TestMember[];
	}
): Promise<number> {
	sequence++;
	const id = await insertNetwork(db, {
		districtId: network.districtId,
		slug: `netzwerk-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
		name: network.name ?? `Netzwerk ${sequence}`,
		description: '',
		coordinatingOrganisationId: null,
		createdAt: stamp()
	});
	await replaceActionFields(db, id, network.actionFields ?? ['language']);
	for (const member of network.members ?? []) {
		const memberId = await insertMember(db, {
			networkId: id,
			organisationId: member.organisationId ?? null,
			contactId: member.contactId ?? null,
			role: member.role ?? 'member',
			joinedOn: member.joinedOn ?? '2026-01-01'
		});
		if (member.leftOn) await setMemberLeftOn(db, memberId, member.leftOn);
	}
	return id;
}
