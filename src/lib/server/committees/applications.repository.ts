import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { ApplicationStatus, CommitteeApplicationsTable } from './calls.table.js';

/** All Kysely code of applications to calls. */

export interface ApplicationRow {
	id: number;
	callId: number;
	callTitle: string;
	committeeId: number;
	committeeName: string;
	termId: number | null;
	districtId: number;
	contactId: number;
	placeName: string | null;
	message: string;
	receivedAt: string;
	status: ApplicationStatus;
	updatedAt: string;
}

const selectApplications = (db: Db) =>
	db
		.selectFrom('committeeApplications')
		.innerJoin('committeeCalls', 'committeeCalls.id', 'committeeApplications.callId')
		.innerJoin('committees', 'committees.id', 'committeeCalls.committeeId')
		.leftJoin('places', 'places.id', 'committeeApplications.placeId')
		.select([
			'committeeApplications.id',
			'committeeApplications.callId',
			'committeeCalls.title as callTitle',
			'committees.id as committeeId',
			'committees.name as committeeName',
			'committeeCalls.termId',
			'committees.districtId',
			'committeeApplications.contactId',
			'places.name as placeName',
			'committeeApplications.message',
			'committeeApplications.receivedAt',
			'committeeApplications.status',
			'committeeApplications.updatedAt'
		]);

export async function findApplicationRow(db: Db, id: number): Promise<ApplicationRow | undefined> {
	return selectApplications(db).where('committeeApplications.id', '=', id).executeTakeFirst();
}

/** A district's applications, the newest first; of one call when asked. */
export async function listApplicationRows(
	db: Db,
	districtId: number,
	callId: number | null
): Promise<ApplicationRow[]> {
	let query = selectApplications(db).where('committees.districtId', '=', districtId);
	if (callId !== null) query = query.where('committeeApplications.callId', '=', callId);
	return query
		.orderBy('committeeApplications.receivedAt', 'desc')
		.orderBy('committeeApplications.id', 'desc')
		.execute();
}

export async function insertApplicationRow(
	db: Db,
	row: Insertable<CommitteeApplicationsTable>
): Promise<number> {
	return (
		await db
			.insertInto('committeeApplications')
			.values(row)
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

export async function setApplicationStatusRow(
	db: Db,
	id: number,
	status: ApplicationStatus,
	at: string
): Promise<void> {
	await db
		.updateTable('committeeApplications')
		.set({ status, updatedAt: at })
		.where('id', '=', id)
		.execute();
}

/** The active coordinators of a district: who hears of a new application. */
export async function coordinatorEmails(db: Db, districtId: number): Promise<string[]> {
	const rows = await db
		.selectFrom('users')
		.select('email')
		.where('districtId', '=', districtId)
		.where('role', '=', 'coordinator')
		.where('disabledAt', 'is', null)
		.orderBy('email')
		.execute();
	return rows.map((row) => row.email);
}
