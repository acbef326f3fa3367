// Synthetic offers for the bench, made from the demo offers (content/demo): each copies one demo
// offer's texts, facets, schedule (weekly, fortnightly and monthly series, one-off dates, by
// appointment) and translations, at a municipality of the district picked by the square root of
// its population (towns have more offers, every village some), from one of 200 providers.
import type { Kysely } from 'kysely';
import type { DB } from '../src/lib/server/db/schema.js';
import { toOfferInput } from '../src/lib/server/demo/demo.offer-input.js';
import { buildLookup, type Lookup } from '../src/lib/server/demo/demo.lookup.js';
import type { DemoOffer } from '../src/lib/server/demo/demo.schema.js';
import { textSearchFor } from '../src/lib/server/db/text-search.js';
import { setSetting } from '../src/lib/server/db/settings.repository.js';
import {
	SEARCH_ANALYSIS_SETTING,
	type OfferInput
} from '../src/lib/server/offers/offers.schema.js';
import {
	materialisedDates,
	offerColumns,
	validateOffer
} from '../src/lib/server/offers/offers.service.js';
import type { Occurrence } from '../src/lib/server/offers/schedule.js';
import { listPlaces } from '../src/lib/server/places/places.repository.js';
import { sourceHash } from '../src/lib/server/translations/translations.service.js';
import { ANALYSIS_VERSION } from '../src/lib/shared/text/analysis/analyse.js';
import { isListed, readDemoContent } from './relevance/set.js';
import { cache, searchEntryMaker } from './search-entry.js';

const PROVIDERS = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 4294967296;
		return state / 4294967296;
	};
}

export interface BenchPlace {
	id: number;
	districtId: number;
	name: string;
	amt: string | null;
	population: number | null;
}

export interface SyntheticOffer {
	input: OfferInput;
	place: BenchPlace | null;
	translations: { locale: string; field: 'title' | 'summary' | 'description'; value: string }[];
}

/**
 * One synthetic offer from a demo offer, entered `daysAgo` days before `now`: its series start
 * and its one-off dates count from that day, as the demo's count from the seeding day.
 */
export function syntheticOffer(
	template: DemoOffer,
	organisationId: number,
	place: BenchPlace,
	lookup: Lookup,
	now: Date,
	daysAgo: number
): SyntheticOffer {
	const entered = new Date(now.getTime() - daysAgo * DAY_MS);
	const input = toOfferInput(template, organisationId, lookup, entered);
	const online = input.location.kind === 'online';
	if (input.location.kind === 'address')
		input.location = { kind: 'address', street: input.location.street, placeId: place.id };
	const translations = Object.entries(template.translations ?? {}).flatMap(([locale, fields]) =>
		(['title', 'summary', 'description'] as const).map((field) => ({
			locale,
			field,
			value: fields[field]
		}))
	);
	return { input, place: online ? null : place, translations };
}

/** Picks a place with a chance growing with the square root of its population. */
function placePicker(places: BenchPlace[], next: () => number) {
	let total = 0;
	const bounds = places.map((place) => (total += Math.sqrt(place.population ?? 100)));
	return () => {
		const target = next() * total;
		// The first bound reaching the target, halving the range: thousands of places a country has.
		let [low, high] = [0, bounds.length];
		while (low < high) {
			const middle = (low + high) >> 1;
			if (bounds[middle]! >= target) high = middle;
			else low = middle + 1;
		}
		return places[low < bounds.length ? low : 0]!;
	};
}

async function providers(
	db: Kysely<DB>,
	count: number,
	pickPlace: () => BenchPlace,
	now: string
): Promise<{ id: number; name: string; districtId: number }[]> {
	const made = await db
		.selectFrom('organisations')
		.select(['id', 'name', 'districtId'])
		.where('slug', 'like', 'bench-org-%')
		.orderBy('id')
		.execute();
	const rows = Array.from({ length: Math.max(0, count - made.length) }, (_, offset) => {
		const place = pickPlace();
		const index = made.length + offset;
		return {
			districtId: place.districtId,
			slug: `bench-org-${index}`,
			name: `Träger ${index}`,
			kind: 'provider',
			placeId: place.id,
			createdAt: now,
			updatedAt: now
		};
	});
	for (let at = 0; at < rows.length; at += 1000) {
		const batch = rows.slice(at, at + 1000);
		const ids = await db.insertInto('organisations').values(batch).returning('id').execute();
		made.push(
			...batch.map(({ name, districtId }, index) => ({ id: ids[index]!.id, name, districtId }))
		);
	}
	return made;
}

export interface GenerateOptions {
	/** How many providers offer them (a district's 200 unless given). */
	providers?: number;
	/** Each offer at a place of its provider's district, as with several districts. */
	localPlaces?: boolean;
	/**
	 * Materialises their dates with them, many rows per statement, as the date refresh would now:
	 * offer by offer the refresh takes minutes per 100,000 offers.
	 */
	withDates?: boolean;
}

/**
 * The dates the refresh materialises for a schedule from `now` on; worked out once per schedule,
 * as the offers repeat a few thousand (a template's, entered on one of 120 days).
 */
function datesMaker(now: Date) {
	const made = cache<string, Occurrence[]>();
	return (schedule: OfferInput['schedule']): Occurrence[] =>
		schedule.kind === 'appointment'
			? []
			: made(JSON.stringify(schedule.entries), () => materialisedDates(schedule.entries, now));
}

/**
 * Inserts `count` published synthetic offers in batches, with relations, schedules,
 * translations and search entries; their dates are materialised by `refreshAllOccurrences`, as
 * the app does at start and every six hours, unless `withDates` makes them here. Called again
 * with the number already made as `first`, it adds more of the same kind (the gap matrix's bench
 * grows one database), reusing the providers the first call made.
 */
export async function generateOffers(
	db: Kysely<DB>,
	count: number,
	contentDir: string,
	first = 0,
	{
		providers: providerCount = PROVIDERS,
		localPlaces = false,
		withDates = false
	}: GenerateOptions = {}
): Promise<void> {
	const next = random(42 + first);
	const templates = readDemoContent(contentDir).offers.filter(isListed);
	const lookup = await buildLookup(db);
	const places = await listPlaces(db);
	const pickPlace = placePicker(places, next);
	const now = new Date();
	const timestamp = now.toISOString();
	const organisations = await providers(db, providerCount, pickPlace, timestamp);
	const datesOf = datesMaker(now);
	const pickerIn = cache<number, () => BenchPlace>();
	const placeOf = (districtId: number) =>
		localPlaces
			? pickerIn(districtId, () =>
					placePicker(
						places.filter((place) => place.districtId === districtId),
						next
					)
				)()
			: pickPlace();
	const search = textSearchFor(db);
	const entryOf = searchEntryMaker<DemoOffer>();
	const BATCH = 500;
	for (let start = 0; start < count; start += BATCH) {
		const offers = Array.from({ length: Math.min(BATCH, count - start) }, () => {
			const organisation = organisations[Math.floor(next() * organisations.length)]!;
			const template = templates[Math.floor(next() * templates.length)]!;
			const made = syntheticOffer(
				template,
				organisation.id,
				placeOf(organisation.districtId),
				lookup,
				now,
				Math.floor(next() * 120)
			);
			const valid = validateOffer(made.input);
			return {
				...made,
				template,
				organisation,
				valid,
				dates: withDates ? datesOf(valid.schedule) : []
			};
		});
		await db.transaction().execute(async (trx) => {
			const inserted = await trx
				.insertInto('offers')
				.values(
					offers.map(({ valid, organisation, dates }, offset) => ({
						...offerColumns(valid),
						// As the offers context does: an offer belongs to its provider's district.
						districtId: organisation.districtId,
						organisationId: organisation.id,
						slug: `bench-${first + start + offset}`,
						status: 'published',
						nextStartsAt: dates[0]?.startsAt ?? null,
						createdAt: timestamp,
						updatedAt: timestamp,
						lastVerifiedAt: timestamp
					}))
				)
				.returning('id')
				.execute();
			const ids = inserted.map((row) => row.id);
			const each = <T>(rows: (offer: (typeof offers)[number], id: number) => T[]) =>
				offers.flatMap((offer, index) => rows(offer, ids[index]!));
			const relation = async <T>(
				table: 'offerActionFields' | 'offerTargetGroups' | 'offerLanguages' | 'offerAccessibility',
				rows: T[]
			) => {
				if (rows.length > 0)
					await trx
						.insertInto(table)
						.values(rows as never)
						.execute();
			};
			await relation(
				'offerActionFields',
				each(({ valid }, offerId) =>
					valid.actionFields.map((actionField) => ({ offerId, actionField }))
				)
			);
			await relation(
				'offerTargetGroups',
				each(({ valid }, offerId) =>
					valid.targetGroups.map((targetGroup) => ({ offerId, targetGroup }))
				)
			);
			await relation(
				'offerLanguages',
				each(({ valid }, offerId) => valid.languages.map((language) => ({ offerId, language })))
			);
			await relation(
				'offerAccessibility',
				each(({ valid }, offerId) => valid.accessibility.map((feature) => ({ offerId, feature })))
			);
			const schedules = each(({ valid }, offerId) =>
				valid.schedule.kind === 'appointment'
					? []
					: valid.schedule.entries.map((entry) => ({
							offerId,
							startsAt: entry.startsAt,
							endsAt: entry.endsAt ?? null,
							rrule: entry.rrule ?? null
						}))
			);
			if (schedules.length > 0) await trx.insertInto('offerSchedules').values(schedules).execute();
			const dates = each(({ dates }, offerId) =>
				dates.map(({ startsAt, endsAt }) => ({ offerId, startsAt, endsAt: endsAt ?? null }))
			);
			for (let at = 0; at < dates.length; at += 5000)
				await trx
					.insertInto('offerOccurrences')
					.values(dates.slice(at, at + 5000))
					.onConflict((oc) => oc.columns(['offerId', 'startsAt']).doNothing())
					.execute();
			const translations = each(({ valid, translations }, entityId) =>
				translations.map(({ locale, field, value }) => ({
					entity: 'offer',
					entityId,
					locale,
					field,
					value,
					status: 'reviewed',
					sourceHash: sourceHash(valid[field]),
					updatedAt: timestamp
				}))
			);
			if (translations.length > 0)
				await trx.insertInto('translations').values(translations).execute();
			await search.insertMany(
				trx,
				offers.map(({ template, valid, place, organisation, translations }, index) => ({
					offerId: ids[index]!,
					document: entryOf(
						template,
						{
							...valid,
							organisationName: organisation.name,
							placeName: place?.name ?? null,
							amt: place?.amt ?? null
						},
						translations
					)
				}))
			);
		});
	}
	// The entries are made by the current text analysis: a starting app need not rebuild them.
	await setSetting(db, SEARCH_ANALYSIS_SETTING, ANALYSIS_VERSION);
}
