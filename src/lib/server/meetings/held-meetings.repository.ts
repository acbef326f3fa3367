import type { Db } from '../db/schema.js';

/**
 * Meetings of a district's networks filed under an action field that were not cancelled and
 * began within `from`…`before` (Berlin wall-clock `YYYY-MM-DDTHH:mm`, `before` excluded), with
 * how many invitees attended each.
 */
export async function findHeldMeetings(
	db: Db,
	where: { districtId: number; actionField: string; from: string; before: string }
): Promise<{ id: number; present: number }[]> {
	const rows = await db
		.selectFrom('meetings')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.leftJoin('meetingInvitees', (join) =>
			join
				.onRef('meetingInvitees.meetingId', '=', 'meetings.id')
				.on('meetingInvitees.attendance', '=', 'present')
		)
		.select((eb) => ['meetings.id', eb.fn.count('meetingInvitees.id').as('present')])
		.where('networks.districtId', '=', where.districtId)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('networkActionFields')
					.select('networkActionFields.networkId')
					.whereRef('networkActionFields.networkId', '=', 'networks.id')
					.where('networkActionFields.actionField', '=', where.actionField)
			)
		)
		.where('meetings.status', '!=', 'cancelled')
		.where('meetings.startsAt', '>=', where.from)
		.where('meetings.startsAt', '<', where.before)
		.groupBy('meetings.id')
		.orderBy('meetings.id')
		.execute();
	return rows.map((row) => ({ id: row.id, present: Number(row.present) }));
}
