import type { Db } from '../db/schema.js';
import { activeOn } from '../networks/active-members.js';

/** What the planning board needs beside the tasks: networks, their members and action fields. */

/** Current member organisations of every network of the district, for the board's rights. */
export async function findMemberOrganisationsByNetwork(
	db: Db,
	districtId: number,
	today: string
): Promise<Map<number, number[]>> {
	const rows = await db
		.selectFrom('networkMembers')
		.innerJoin('networks', 'networks.id', 'networkMembers.networkId')
		.select(['networkMembers.networkId', 'networkMembers.organisationId'])
		.where('networks.districtId', '=', districtId)
		.where('networkMembers.organisationId', 'is not', null)
		.where((eb) => activeOn(eb, today))
		.execute();
	const byNetwork = new Map<number, number[]>();
	for (const row of rows)
		byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row.organisationId!]);
	return byNetwork;
}

export async function findNetworkActionFields(db: Db, districtId: number) {
	const rows = await db
		.selectFrom('networkActionFields')
		.innerJoin('networks', 'networks.id', 'networkActionFields.networkId')
		.select(['networkActionFields.networkId', 'networkActionFields.actionField'])
		.where('networks.districtId', '=', districtId)
		.execute();
	const byNetwork = new Map<number, string[]>();
	for (const row of rows)
		byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row.actionField]);
	return byNetwork;
}

export async function findNetworks(db: Db, districtId: number) {
	return db
		.selectFrom('networks')
		.select(['id', 'name', 'archivedAt'])
		.where('districtId', '=', districtId)
		.orderBy('name')
		.execute();
}
