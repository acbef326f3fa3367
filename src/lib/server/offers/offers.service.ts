import { slugify } from '../../shared/text/slugify.js';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Locale } from '../../i18n/locales.js';
import type { DB, Db } from '../db/schema.js';
import { findAllTranslations, saveTranslation } from '../translations/translations.service.js';
import { textSearchFor } from '../db/text-search.js';
import { getSetting, setSetting } from '../db/settings.repository.js';
import {
	ANALYSIS_VERSION,
	textLanguageOf,
	textTokens
} from '../../shared/text/analysis/analyse.js';
import { recordPublishedBase } from './base-revision.js';
import { expandSchedule, type Occurrence } from './schedule.js';
import { InvalidRecurrenceError, parseRecurrence } from '../../shared/time/recurrence.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import {
	OfferNotFoundError,
	OfferValidationError,
	UnknownOrganisationError
} from './offers.errors.js';
import { findOrganisationDistrict } from '../organisations/organisations.service.js';
import {
	findSchedules,
	findSearchSource,
	insertOffer,
	insertRelations,
	insertSchedules,
	listAllOfferIds,
	listOfferIdsOfOrganisation,
	listOfferIdsWithSchedules,
	deleteRelationsAndSchedules,
	markOffersChanged,
	replaceOccurrences,
	setOfferSlug,
	updateOfferRow
} from './offers.repository.js';
import {
	offerInputSchema,
	SEARCH_ANALYSIS_SETTING,
	type OfferInput,
	type ScheduleEntry
} from './offers.schema.js';

// Exchange and search read the published offers' relations and schedules in bulk; chains read
// what their stages select offers by, and check that the offers a stage names exist; the search
// index belongs to an offers version.
export {
	findOfferDistricts,
	findOffersVersion,
	findOfferTexts,
	findPublishedOfferFacts,
	findPublishedRelationRows,
	findRelations,
	findSchedules,
	NO_OFFERS_VERSION
} from './offers.repository.js';

/** How far ahead occurrences are materialised for the calendar and "next date" sorting. */
export const OCCURRENCE_HORIZON_DAYS = 400;

export const TRANSLATABLE_OFFER_FIELDS = ['title', 'summary', 'description'] as const;
export type OfferTextField = (typeof TRANSLATABLE_OFFER_FIELDS)[number];

/**
 * Validates and stores a new offer with its schedule, occurrences and search entry, inside the
 * caller's transaction, so several offers commit together.
 */
export async function createOfferIn(
	trx: Transaction<DB>,
	input: OfferInput,
	now = new Date()
): Promise<number> {
	return insertValidOffer(trx, validateOffer(input), now);
}

/** The parsed offer, or OfferValidationError listing every problem (schema and recurrence rules). */
export function validateOffer(input: OfferInput): ValidOffer {
	const parsed = offerInputSchema.safeParse(input);
	if (!parsed.success) {
		throw new OfferValidationError(
			parsed.error.issues.map((issue) => ({
				path: issue.path.join('.'),
				message: issue.message,
				code: issue.code,
				...('maximum' in issue ? { limit: Number(issue.maximum) } : {}),
				...('minimum' in issue ? { limit: Number(issue.minimum) } : {})
			}))
		);
	}
	const offer = parsed.data;
	const entries = offer.schedule.kind === 'appointment' ? [] : offer.schedule.entries;
	for (const [index, entry] of entries.entries()) {
		if (offer.schedule.kind === 'recurring' && !entry.rrule)
			throw new OfferValidationError([
				{ path: `schedule.entries.${index}.rrule`, message: 'required' }
			]);
		if (entry.rrule) {
			try {
				parseRecurrence(entry.rrule, entry.startsAt);
			} catch (error) {
				if (!(error instanceof InvalidRecurrenceError)) throw error;
				throw new OfferValidationError([
					{ path: `schedule.entries.${index}.rrule`, message: error.message }
				]);
			}
		}
	}
	return offer;
}

type ValidOffer = z.output<typeof offerInputSchema>;

async function insertValidOffer(trx: Transaction<DB>, offer: ValidOffer, now: Date) {
	const entries = offer.schedule.kind === 'appointment' ? [] : offer.schedule.entries;
	const districtId = await findOrganisationDistrict(trx, offer.organisationId);
	if (districtId === undefined) throw new UnknownOrganisationError(offer.organisationId);
	const timestamp = now.toISOString();
	const id = await insertOffer(trx, {
		...offerColumns(offer),
		districtId,
		organisationId: offer.organisationId,
		slug: `pending-${timestamp}-${Math.random()}`,
		status: offer.status,
		nextStartsAt: null,
		createdAt: timestamp,
		updatedAt: timestamp,
		lastVerifiedAt: timestamp
	});
	// The id makes the readable slug unique without a retry loop.
	await setOfferSlug(trx, id, `${slugify(offer.title)}-${id}`);
	await insertRelations(trx, id, offer);
	await insertSchedules(trx, id, entries);
	await refreshOfferOccurrences(trx, id, now);
	await reindexOffer(trx, id);
	await markOffersChanged(trx);
	if (offer.status === 'published') await recordPublishedBase(trx, id, now);
	return id;
}

/** The offers-row columns an offer's content decides (not its owner, status or timestamps). */
export function offerColumns(offer: ValidOffer) {
	return {
		title: offer.title,
		summary: offer.summary,
		description: offer.description,
		costKind: offer.cost.kind,
		costCents: offer.cost.kind === 'free' ? null : offer.cost.cents,
		costNote: offer.cost.kind === 'free' ? null : (offer.cost.note ?? null),
		access: offer.access,
		languageLevel: offer.languageLevel,
		languageLevelExit: offer.languageLevelExit,
		locationKind: offer.location.kind,
		street: offer.location.kind === 'address' ? offer.location.street : null,
		placeId: offer.location.kind === 'address' ? offer.location.placeId : null,
		onlineUrl: offer.location.kind === 'online' ? offer.location.url : null,
		scheduleKind: offer.schedule.kind,
		validFrom: offer.validFrom ?? null,
		validTo: offer.validTo ?? null,
		contactName: offer.contact.name ?? null,
		contactPhone: offer.contact.phone ?? null,
		contactEmail: offer.contact.email ?? null
	};
}

/**
 * Replaces an offer's content (fields, relations, dates) inside the caller's transaction and
 * refreshes its occurrences; the caller updates the search entry once translations are in place.
 */
export async function replaceOfferContentIn(
	trx: Transaction<DB>,
	offerId: number,
	input: OfferInput,
	now = new Date()
): Promise<void> {
	const offer = validateOffer(input);
	const timestamp = now.toISOString();
	await updateOfferRow(trx, offerId, {
		...offerColumns(offer),
		organisationId: offer.organisationId,
		updatedAt: timestamp
	});
	await deleteRelationsAndSchedules(trx, offerId);
	await insertRelations(trx, offerId, offer);
	await insertSchedules(
		trx,
		offerId,
		offer.schedule.kind === 'appointment' ? [] : offer.schedule.entries
	);
	await refreshOfferOccurrences(trx, offerId, now);
}

/** Stores translations of an offer's text fields and updates its search entry. */
export async function translateOffer(
	db: Kysely<DB>,
	offerId: number,
	locale: Locale,
	fields: Partial<Record<OfferTextField, string>>,
	status: 'machine' | 'reviewed',
	now = new Date()
): Promise<void> {
	await db
		.transaction()
		.execute((trx) => translateOfferIn(trx, offerId, locale, fields, status, now));
}

/** The same as translateOffer inside the caller's transaction. */
export async function translateOfferIn(
	trx: Transaction<DB>,
	offerId: number,
	locale: Locale,
	fields: Partial<Record<OfferTextField, string>>,
	status: 'machine' | 'reviewed',
	now = new Date()
): Promise<void> {
	const source = await findSearchSource(trx, offerId);
	if (!source) throw new OfferNotFoundError(offerId);
	for (const field of TRANSLATABLE_OFFER_FIELDS) {
		const value = fields[field]?.trim();
		if (!value) continue;
		const sourceText = field === 'description' ? source.description : source[field];
		await saveTranslation(
			trx,
			{ entity: 'offer', entityId: offerId, locale, field, value, status, sourceText },
			now
		);
	}
	await reindexOffer(trx, offerId);
	await markOffersChanged(trx);
	await recordPublishedBase(trx, offerId, now);
}

/**
 * Rebuilds the search entry from the German source and every translation (each analysed in its
 * own language), provider and place.
 */
export async function reindexOffer(db: Db, offerId: number): Promise<void> {
	const source = await findSearchSource(db, offerId);
	if (!source) return;
	const translated = await findAllTranslations(db, 'offer', offerId);
	await textSearchFor(db).index(db, offerId, searchEntryOf(source, translated));
}

/** What an offer's search entry is made of, besides its translations. */
export interface SearchEntrySource {
	title: string;
	summary: string;
	description: string;
	organisationName: string;
	placeName: string | null;
	amt: string | null;
}

/** An offer's search entry: its German texts, provider and place, and its translations. */
export function searchEntryOf(
	source: SearchEntrySource,
	translated: { locale: string; field: string; value: string }[]
): { title: string; summary: string; body: string } {
	const tokensOf = (field: OfferTextField, german: (string | null)[]) =>
		[
			...german
				.filter((text): text is string => Boolean(text))
				.map((text) => textTokens(text, 'de')),
			...translated
				.filter((row) => row.field === field)
				.map((row) => textTokens(row.value, textLanguageOf(row.locale)))
		]
			.flat()
			.join(' ');
	return {
		title: tokensOf('title', [source.title]),
		summary: tokensOf('summary', [source.summary]),
		body: tokensOf('description', [
			source.description,
			source.organisationName,
			source.placeName,
			source.amt
		])
	};
}

/**
 * Rebuilds every search entry when text analysis changed since they were made (a new word list or
 * rule); entries of an older analysis would not meet the queries of the new one.
 */
export async function reindexAllOffersIfAnalysisChanged(db: Kysely<DB>): Promise<boolean> {
	if ((await getSetting(db, SEARCH_ANALYSIS_SETTING)) === ANALYSIS_VERSION) return false;
	await db.transaction().execute(async (trx) => {
		for (const offerId of await listAllOfferIds(trx)) await reindexOffer(trx, offerId);
		await setSetting(trx, SEARCH_ANALYSIS_SETTING, ANALYSIS_VERSION);
		await markOffersChanged(trx);
	});
	return true;
}

/** A renamed organisation: its offers' search entries carry the name, so they follow it. */
export async function reindexOffersOfOrganisation(db: Db, organisationId: number): Promise<void> {
	for (const offerId of await listOfferIdsOfOrganisation(db, organisationId))
		await reindexOffer(db, offerId);
	await markOffersChanged(db);
}

/** Recomputes an offer's dates from its schedules; returns whether its next date changed. */
async function refreshOfferOccurrences(
	db: Db,
	offerId: number,
	now = new Date()
): Promise<boolean> {
	const schedules = await findSchedules(db, [offerId]);
	const occurrences = materialisedDates(
		schedules.map((s) => ({
			startsAt: s.startsAt,
			endsAt: s.endsAt ?? undefined,
			rrule: s.rrule ?? undefined
		})),
		now
	);
	return replaceOccurrences(db, offerId, occurrences);
}

/** The dates the date refresh keeps for schedule entries: from today on, for the horizon. */
export function materialisedDates(entries: ScheduleEntry[], now = new Date()): Occurrence[] {
	const from = berlinToday(now) + 'T00:00';
	return expandSchedule(entries, from, addDays(from, OCCURRENCE_HORIZON_DAYS));
}

/**
 * Offers refreshed per transaction: at 100,000 offers one transaction held the write lock (and,
 * on SQLite, the event loop) for minutes; between batches other requests get their turn.
 */
const REFRESH_BATCH = 100;

/**
 * Rolls every offer's materialised dates forward, in id order; run at start and every six hours
 * by the jobs context. Returns how many offers' next date changed: only then is the offers version
 * changed, which makes every app process rebuild its search index. An aborted `signal` (the app
 * shutting down) ends it after the batch under way; the next run does the rest.
 */
export async function refreshAllOccurrences(
	db: Kysely<DB>,
	now = new Date(),
	signal?: AbortSignal
): Promise<number> {
	const ids = await listOfferIdsWithSchedules(db);
	let changed = 0;
	for (let at = 0; at < ids.length && !signal?.aborted; at += REFRESH_BATCH) {
		const batch = ids.slice(at, at + REFRESH_BATCH);
		changed += await db.transaction().execute(async (trx) => {
			let inBatch = 0;
			for (const id of batch) if (await refreshOfferOccurrences(trx, id, now)) inBatch++;
			return inBatch;
		});
		await new Promise((resolve) => setImmediate(resolve));
	}
	if (changed > 0) await markOffersChanged(db);
	return changed;
}
