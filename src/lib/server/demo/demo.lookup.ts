import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { listDistricts, listPlaces } from '../places/places.repository.js';

/** Districts and places of the demo content by official key. */
export interface Lookup {
	districtByAgs: Map<string, number>;
	placeByAgs: Map<string, { id: number; districtId: number }>;
}

export async function buildLookup(db: Kysely<DB>): Promise<Lookup> {
	const districts = await listDistricts(db);
	const places = await listPlaces(db);
	return {
		districtByAgs: new Map(districts.map((d) => [d.ags, d.id])),
		// Where one key has two named places, the most populous (the main place) stands for it.
		placeByAgs: new Map(
			[...places]
				.sort((a, b) => (a.population ?? 0) - (b.population ?? 0))
				.map((p) => [p.ags, { id: p.id, districtId: p.districtId }])
		)
	};
}

export function placeOf(lookup: Lookup, ags: string) {
	const place = lookup.placeByAgs.get(ags);
	if (!place) throw new Error(`Demo content names unknown place ${ags}`);
	return place;
}

/** The demo organisations' ids by their key (their slug). */
export async function organisationIdsBySlug(db: Kysely<DB>): Promise<Map<string, number>> {
	const rows = await db.selectFrom('organisations').select(['id', 'slug']).execute();
	return new Map(rows.map((row) => [row.slug, row.id]));
}

/** The id a demo file's key stands for; an unknown key names what it should have been. */
export function lookUp(map: Map<string, number>, key: string, what: string): number {
	const id = map.get(key);
	if (id === undefined) throw new Error(`unknown ${what} "${key}"`);
	return id;
}

/** A past demo meeting named by its network's name and its title, with its day. */
export async function findPastMeeting(
	db: Kysely<DB>,
	named: { network: string; meeting: string },
	today: string
): Promise<{ id: number; day: string }> {
	const meeting = await db
		.selectFrom('meetings')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select(['meetings.id', 'meetings.startsAt'])
		.where('networks.name', '=', named.network)
		.where('meetings.title', '=', named.meeting)
		.executeTakeFirst();
	const day = meeting?.startsAt.slice(0, 10);
	if (!meeting || !day || day >= today)
		throw new Error(`no past meeting "${named.meeting}" of "${named.network}"`);
	return { id: meeting.id, day };
}
