import type { Db } from '../db/schema.js';
import { berlinInstant } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { countMeetingsHeld } from './meetings.repository.js';

export interface NetworkMeetingFigures {
	networkId: number;
	networkName: string;
	/** Meetings that took place: not cancelled, started within the days and before now. */
	meetings: number;
	/** Attendances recorded as present, summed over those meetings. */
	attendances: number;
}

/**
 * Meetings held per network of the district between two days (both included), up to `now`
 * (Berlin wall clock `YYYY-MM-DDTHH:mm`). Networks count that existed in those days or met in
 * them, so a network without a meeting shows as a gap. For reports: the caller authorises.
 */
export async function meetingFiguresByNetwork(
	db: Db,
	districtId: number,
	days: { from: string; to: string },
	now: string
): Promise<NetworkMeetingFigures[]> {
	const end = `${addDays(days.to, 1)}T00:00`;
	const rows = await countMeetingsHeld(db, districtId, {
		from: `${days.from}T00:00`,
		until: end < now ? end : now
	});
	const createdBefore = berlinInstant(end).toISOString();
	const archivedFrom = berlinInstant(`${days.from}T00:00`).toISOString();
	return rows
		.filter(
			(row) =>
				Number(row.meetings) > 0 ||
				(row.createdAt < createdBefore &&
					(row.archivedAt === null || row.archivedAt >= archivedFrom))
		)
		.map((row) => ({
			networkId: row.id,
			networkName: row.name,
			meetings: Number(row.meetings),
			attendances: Number(row.present)
		}))
		.sort((a, b) => a.networkName.localeCompare(b.networkName, 'de'));
}
