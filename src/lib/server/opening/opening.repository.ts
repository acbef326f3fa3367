import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type {
	OpeningInstrumentsTable,
	OpeningRatingsTable,
	OpeningRoundsTable,
	OpeningUnitsTable
} from './opening.table.js';

/** Kysely code of the instrument versions, the units, their rounds and the rounds' ratings. */

export type InstrumentRow = Selectable<OpeningInstrumentsTable>;
export type UnitRow = Selectable<OpeningUnitsTable>;
export type RoundRow = Selectable<OpeningRoundsTable>;
export type RatingRow = Selectable<OpeningRatingsTable>;

const INSTRUMENT_COLUMNS = [
	'id',
	'districtId',
	'version',
	'content',
	'createdBy',
	'createdAt',
	'updatedAt'
] as const;
const UNIT_COLUMNS = [
	'id',
	'districtId',
	'kind',
	'name',
	'organisationId',
	'createdAt',
	'updatedAt'
] as const;
const ROUND_COLUMNS = [
	'id',
	'unitId',
	'instrumentId',
	'label',
	'status',
	'submittedAt',
	'submittedBy',
	'createdAt',
	'updatedAt'
] as const;

export async function findLatestInstrumentRow(
	db: Db,
	districtId: number
): Promise<InstrumentRow | undefined> {
	return db
		.selectFrom('openingInstruments')
		.select(INSTRUMENT_COLUMNS)
		.where('districtId', '=', districtId)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export async function findInstrumentRows(db: Db, ids: readonly number[]): Promise<InstrumentRow[]> {
	if (!ids.length) return [];
	return db
		.selectFrom('openingInstruments')
		.select(INSTRUMENT_COLUMNS)
		.where('id', 'in', [...ids])
		.execute();
}

export async function insertInstrumentRow(
	db: Db,
	row: Insertable<OpeningInstrumentsTable>
): Promise<number> {
	const { id } = await db
		.insertInto('openingInstruments')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateInstrumentRow(
	db: Db,
	id: number,
	patch: Updateable<OpeningInstrumentsTable>
): Promise<void> {
	await db.updateTable('openingInstruments').set(patch).where('id', '=', id).execute();
}

/** Whether any round (draft or submitted) was started with the version: then it stays as it is. */
export async function instrumentInUse(db: Db, instrumentId: number): Promise<boolean> {
	const row = await db
		.selectFrom('openingRounds')
		.select('id')
		.where('instrumentId', '=', instrumentId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function listUnitRows(
	db: Db,
	districtId: number,
	organisationIds?: readonly number[]
): Promise<UnitRow[]> {
	let query = db
		.selectFrom('openingUnits')
		.select(UNIT_COLUMNS)
		.where('districtId', '=', districtId);
	if (organisationIds)
		query = organisationIds.length
			? query.where('organisationId', 'in', [...organisationIds])
			: query.where('id', '=', 0);
	return query.orderBy('name').orderBy('id').execute();
}

export async function findUnitRow(db: Db, id: number): Promise<UnitRow | undefined> {
	return db.selectFrom('openingUnits').select(UNIT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertUnitRow(db: Db, row: Insertable<OpeningUnitsTable>): Promise<number> {
	const { id } = await db
		.insertInto('openingUnits')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Rounds of the units, oldest first. */
export async function listRoundRows(db: Db, unitIds: readonly number[]): Promise<RoundRow[]> {
	if (!unitIds.length) return [];
	return db
		.selectFrom('openingRounds')
		.select(ROUND_COLUMNS)
		.where('unitId', 'in', [...unitIds])
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
}

export async function findRoundRow(db: Db, id: number): Promise<RoundRow | undefined> {
	return db
		.selectFrom('openingRounds')
		.select(ROUND_COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function insertRoundRow(db: Db, row: Insertable<OpeningRoundsTable>): Promise<number> {
	const { id } = await db
		.insertInto('openingRounds')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateRoundRow(
	db: Db,
	id: number,
	patch: Updateable<OpeningRoundsTable>
): Promise<void> {
	await db.updateTable('openingRounds').set(patch).where('id', '=', id).execute();
}

export async function findRatingRows(db: Db, roundIds: readonly number[]): Promise<RatingRow[]> {
	if (!roundIds.length) return [];
	return db
		.selectFrom('openingRatings')
		.select(['roundId', 'itemKey', 'level', 'notApplicable', 'comment'])
		.where('roundId', 'in', [...roundIds])
		.execute();
}

export async function replaceRatingRows(
	db: Db,
	roundId: number,
	rows: Insertable<OpeningRatingsTable>[]
): Promise<void> {
	await db.deleteFrom('openingRatings').where('roundId', '=', roundId).execute();
	if (rows.length) await db.insertInto('openingRatings').values(rows).execute();
}
