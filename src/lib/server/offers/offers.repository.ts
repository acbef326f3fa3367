import { randomUUID } from 'node:crypto';
import { sql, type Updateable } from 'kysely';
import { getSetting, setSetting } from '../db/settings.repository.js';
import type { Db } from '../db/schema.js';
import { OFFERS_VERSION_SETTING, type OfferRelations } from './offers.schema.js';
import type { NewOfferRow, OffersTable } from './offers.table.js';

/** The offers version of a database whose offers never changed. */
export const NO_OFFERS_VERSION = 'initial';

/** Changes with every change a search or the start-up checks depend on (`markOffersChanged`). */
export async function findOffersVersion(db: Db): Promise<string> {
	return (await getSetting(db, OFFERS_VERSION_SETTING)) ?? NO_OFFERS_VERSION;
}

export async function markOffersChanged(db: Db): Promise<void> {
	await setSetting(db, OFFERS_VERSION_SETTING, randomUUID());
}

export async function insertOffer(db: Db, row: NewOfferRow): Promise<number> {
	return (await db.insertInto('offers').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateOfferRow(
	db: Db,
	offerId: number,
	values: Updateable<OffersTable>
): Promise<void> {
	await db.updateTable('offers').set(values).where('id', '=', offerId).execute();
}

/** Deletes an offer; relations, dates, revisions and tokens go with it (foreign keys cascade). */
export async function deleteOfferRow(db: Db, offerId: number): Promise<void> {
	await db.deleteFrom('offers').where('id', '=', offerId).execute();
}

/** Removes what replaceOfferContentIn inserts anew; occurrences follow the new schedules. */
export async function deleteRelationsAndSchedules(db: Db, offerId: number): Promise<void> {
	for (const table of [
		'offerActionFields',
		'offerTargetGroups',
		'offerLanguages',
		'offerAccessibility',
		'offerSchedules'
	] as const)
		await db.deleteFrom(table).where('offerId', '=', offerId).execute();
}

export async function setOfferSlug(db: Db, offerId: number, slug: string): Promise<void> {
	await db.updateTable('offers').set({ slug }).where('id', '=', offerId).execute();
}

export async function insertRelations(
	db: Db,
	offerId: number,
	relations: OfferRelations
): Promise<void> {
	const { actionFields, targetGroups, languages, accessibility } = relations;
	if (actionFields.length)
		await db
			.insertInto('offerActionFields')
			.values(actionFields.map((actionField) => ({ offerId, actionField })))
			.execute();
	if (targetGroups.length)
		await db
			.insertInto('offerTargetGroups')
			.values(targetGroups.map((targetGroup) => ({ offerId, targetGroup })))
			.execute();
	if (languages.length)
		await db
			.insertInto('offerLanguages')
			.values(languages.map((language) => ({ offerId, language })))
			.execute();
	if (accessibility.length)
		await db
			.insertInto('offerAccessibility')
			.values(accessibility.map((feature) => ({ offerId, feature })))
			.execute();
}

export async function findRelations(
	db: Db,
	offerIds: number[]
): Promise<Map<number, OfferRelations>> {
	const result = new Map<number, OfferRelations>(
		offerIds.map((id) => [
			id,
			{ actionFields: [], targetGroups: [], languages: [], accessibility: [] }
		])
	);
	if (offerIds.length === 0) return result;
	// One query, not one per table: on PostgreSQL each is a round trip, and a search page waits for it.
	const kind = (name: keyof OfferRelations) =>
		sql<keyof OfferRelations>`${sql.lit(name)}`.as('kind');
	const rows = await db
		.selectFrom('offerActionFields')
		.select(['offerId', kind('actionFields'), 'actionField as value'])
		.where('offerId', 'in', offerIds)
		.unionAll(
			db
				.selectFrom('offerTargetGroups')
				.select(['offerId', kind('targetGroups'), 'targetGroup as value'])
				.where('offerId', 'in', offerIds)
		)
		.unionAll(
			db
				.selectFrom('offerLanguages')
				.select(['offerId', kind('languages'), 'language as value'])
				.where('offerId', 'in', offerIds)
		)
		.unionAll(
			db
				.selectFrom('offerAccessibility')
				.select(['offerId', kind('accessibility'), 'feature as value'])
				.where('offerId', 'in', offerIds)
		)
		.execute();
	for (const row of rows) result.get(row.offerId)?.[row.kind].push(row.value);
	for (const relations of result.values()) for (const list of Object.values(relations)) list.sort();
	return result;
}

export async function insertSchedules(
	db: Db,
	offerId: number,
	entries: { startsAt: string; endsAt?: string | undefined; rrule?: string | undefined }[]
): Promise<void> {
	if (entries.length === 0) return;
	await db
		.insertInto('offerSchedules')
		.values(
			entries.map((entry) => ({
				offerId,
				startsAt: entry.startsAt,
				endsAt: entry.endsAt ?? null,
				rrule: entry.rrule ?? null
			}))
		)
		.execute();
}

export async function findSchedules(db: Db, offerIds: number[]) {
	if (offerIds.length === 0) return [];
	return db
		.selectFrom('offerSchedules')
		.select(['offerId', 'startsAt', 'endsAt', 'rrule'])
		.where('offerId', 'in', offerIds)
		.orderBy('id')
		.execute();
}

/**
 * Stores an offer's dates unless they are already stored as given; returns whether its next
 * date (what the search index sorts by) changed.
 */
export async function replaceOccurrences(
	db: Db,
	offerId: number,
	occurrences: { startsAt: string; endsAt: string | null }[]
): Promise<boolean> {
	const stored = await db
		.selectFrom('offerOccurrences')
		.select(['startsAt', 'endsAt'])
		.where('offerId', '=', offerId)
		.orderBy('startsAt')
		.execute();
	const same =
		stored.length === occurrences.length &&
		stored.every(
			(row, index) =>
				row.startsAt === occurrences[index]!.startsAt && row.endsAt === occurrences[index]!.endsAt
		);
	if (same) return false;
	await db.deleteFrom('offerOccurrences').where('offerId', '=', offerId).execute();
	for (let start = 0; start < occurrences.length; start += 200) {
		await db
			.insertInto('offerOccurrences')
			.values(occurrences.slice(start, start + 200).map((o) => ({ offerId, ...o })))
			.onConflict((oc) => oc.columns(['offerId', 'startsAt']).doNothing())
			.execute();
	}
	const nextStartsAt = occurrences[0]?.startsAt ?? null;
	const result = await db
		.updateTable('offers')
		.set({ nextStartsAt })
		.where('id', '=', offerId)
		.where((eb) =>
			nextStartsAt === null
				? eb('nextStartsAt', 'is not', null)
				: eb.or([eb('nextStartsAt', 'is', null), eb('nextStartsAt', '!=', nextStartsAt)])
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function listOfferIdsWithSchedules(db: Db): Promise<number[]> {
	// In id order: processes refreshing at once lock the offers' dates in the same order.
	const rows = await db
		.selectFrom('offerSchedules')
		.select('offerId')
		.distinct()
		.orderBy('offerId')
		.execute();
	return rows.map((row) => row.offerId);
}

/** The texts the search index holds for an offer, besides its translations. */
export async function findSearchSource(db: Db, offerId: number) {
	return db
		.selectFrom('offers')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.leftJoin('places', 'places.id', 'offers.placeId')
		.select([
			'offers.title',
			'offers.summary',
			'offers.description',
			'organisations.name as organisationName',
			'places.name as placeName',
			'places.amt as amt'
		])
		.where('offers.id', '=', offerId)
		.executeTakeFirst();
}

/** Every offer, whatever its status: each has a search entry. */
export async function listAllOfferIds(db: Db): Promise<number[]> {
	const rows = await db.selectFrom('offers').select('id').orderBy('id').execute();
	return rows.map((row) => row.id);
}

export async function listOfferIdsOfOrganisation(
	db: Db,
	organisationId: number
): Promise<number[]> {
	const rows = await db
		.selectFrom('offers')
		.select('id')
		.where('organisationId', '=', organisationId)
		.orderBy('id')
		.execute();
	return rows.map((row) => row.id);
}

/** The district of each of the given offers that exists. */
export async function findOfferDistricts(
	db: Db,
	offerIds: readonly number[]
): Promise<Map<number, number>> {
	if (offerIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('offers')
		.select(['id', 'districtId'])
		.where('id', 'in', [...offerIds])
		.execute();
	return new Map(rows.map((row) => [row.id, row.districtId]));
}

/** Published offers, and with `validOn` only those still valid on that day. */
function publishedOfferIds(db: Db, validOn?: string) {
	let query = db.selectFrom('offers').select('id').where('status', '=', 'published');
	if (validOn)
		query = query.where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', validOn)]));
	return query;
}

/**
 * The action fields, target groups and languages of the published offers as rows, one query per
 * list: the chains' catalogue reads them for every offer at once, the search's index for a chunk
 * of offers it read as published (`offerIds`) at a time, with their accessibility too: the offer
 * cards take their lists from the index.
 */
export async function findPublishedRelationRows(
	db: Db,
	{
		validOn,
		offerIds,
		withAccessibility = false
	}: { validOn?: string; offerIds?: number[]; withAccessibility?: boolean }
) {
	// A list of ids, not a subquery, for a chunk: SQLite would scan every relation row per chunk.
	const published = offerIds ?? publishedOfferIds(db, validOn);
	if (offerIds?.length === 0)
		return { actionFields: [], targetGroups: [], languages: [], accessibility: [] };
	const [actionFields, targetGroups, languages, accessibility] = await Promise.all([
		db
			.selectFrom('offerActionFields')
			.select(['offerId', 'actionField as value'])
			.where('offerId', 'in', published)
			.execute(),
		db
			.selectFrom('offerTargetGroups')
			.select(['offerId', 'targetGroup as value'])
			.where('offerId', 'in', published)
			.execute(),
		db
			.selectFrom('offerLanguages')
			.select(['offerId', 'language as value'])
			.where('offerId', 'in', published)
			.execute(),
		withAccessibility
			? db
					.selectFrom('offerAccessibility')
					.select(['offerId', 'feature as value'])
					.where('offerId', 'in', published)
					.execute()
			: []
	]);
	return { actionFields, targetGroups, languages, accessibility };
}

/**
 * The offers published and valid on `today` with what support chains select them by, in every
 * district (people cross district lines to the nearest course).
 */
export async function findPublishedOfferFacts(db: Db, today: string) {
	const [offers, relations] = await Promise.all([
		db
			.selectFrom('offers')
			.select([
				'id',
				'districtId',
				'organisationId',
				'placeId',
				'locationKind',
				'languageLevel',
				'languageLevelExit',
				'costKind'
			])
			.where('id', 'in', publishedOfferIds(db, today))
			.orderBy('id')
			.execute(),
		findPublishedRelationRows(db, { validOn: today })
	]);
	const listsOf = (rows: { offerId: number; value: string }[]) => {
		const lists = new Map<number, string[]>();
		for (const { offerId, value } of rows) {
			const list = lists.get(offerId);
			if (list) list.push(value);
			else lists.set(offerId, [value]);
		}
		return lists;
	};
	const fields = listsOf(relations.actionFields);
	const groups = listsOf(relations.targetGroups);
	const languages = listsOf(relations.languages);
	return offers.map((offer) => ({
		...offer,
		actionFields: fields.get(offer.id) ?? [],
		targetGroups: groups.get(offer.id) ?? [],
		languages: languages.get(offer.id) ?? []
	}));
}

const TEXT_CHUNK = 5_000;

/** The German title, summary and description of the given offers. */
export async function findOfferTexts(
	db: Db,
	offerIds: readonly number[]
): Promise<{ id: number; title: string; summary: string; description: string }[]> {
	const texts = [];
	for (let start = 0; start < offerIds.length; start += TEXT_CHUNK)
		texts.push(
			...(await db
				.selectFrom('offers')
				.select(['id', 'title', 'summary', 'description'])
				.where('id', 'in', offerIds.slice(start, start + TEXT_CHUNK))
				.execute())
		);
	return texts;
}
