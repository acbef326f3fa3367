import type { Db } from '../db/schema.js';
import { berlinNow } from '../../shared/time/berlin-clock.js';
import { findHeldMeetings } from './held-meetings.repository.js';

/**
 * Meetings held by the networks of an action field between two days (both included), and the
 * participants recorded as present: a meeting counts once it has begun and was not cancelled.
 */
export async function heldMeetingsOfField(
	db: Db,
	where: { districtId: number; actionField: string; fromDay: string; toDay: string },
	now = new Date()
): Promise<{ meetings: number; participants: number }> {
	const dayAfter = `${where.toDay}T24:00`;
	const current = berlinNow(now);
	const rows = await findHeldMeetings(db, {
		districtId: where.districtId,
		actionField: where.actionField,
		from: `${where.fromDay}T00:00`,
		before: current < dayAfter ? current : dayAfter
	});
	return {
		meetings: rows.length,
		participants: rows.reduce((sum, row) => sum + row.present, 0)
	};
}
