import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../src/lib/server/db/schema.js';
import { TARGET_GROUPS } from '../src/lib/server/offers/offers.schema.js';
import { DELIVERY_LANGUAGES } from '../src/lib/server/organisations/organisations.schema.js';
import { ACTION_FIELDS } from '../src/lib/server/action-fields/action-fields.js';
import { listPlaces } from '../src/lib/server/places/places.repository.js';
import { textSearchFor } from '../src/lib/server/db/text-search.js';
import { setSetting } from '../src/lib/server/db/settings.repository.js';
import { SEARCH_ANALYSIS_SETTING } from '../src/lib/server/offers/offers.schema.js';
import { ANALYSIS_VERSION, textTokens } from '../src/lib/shared/text/analysis/analyse.js';

export const TOPICS = [
	'Deutschkurs',
	'Sprachcafé',
	'Beratung',
	'Frauentreff',
	'Bewerbungstraining',
	'Hausaufgabenhilfe',
	'Mietrechtsberatung',
	'Gesundheitslotsen',
	'Fahrradwerkstatt',
	'Elterncafé',
	'Integrationskurs',
	'Anerkennungsberatung'
];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 4294967296;
		return state / 4294967296;
	};
}

/** Summaries and descriptions of the demo offers, so word frequencies are those of real texts. */
async function realTexts(contentDir: string): Promise<{ summary: string; description: string }[]> {
	const files = (await readdir(join(contentDir, 'demo'))).filter((name) =>
		name.startsWith('offers-')
	);
	const texts: { summary: string; description: string }[] = [];
	for (const file of files) {
		const content = JSON.parse(await readFile(join(contentDir, 'demo', file), 'utf8')) as {
			offers: { summary: string; description: string }[];
		};
		texts.push(...content.offers.map(({ summary, description }) => ({ summary, description })));
	}
	return texts;
}

/**
 * Inserts `count` published synthetic offers in batches, with relations and search entries.
 * Called again with the number already made as `first`, it adds more of the same kind (the gap
 * matrix's bench grows one database), reusing the providers the first call made.
 */
export async function generateOffers(
	db: Kysely<DB>,
	count: number,
	contentDir: string,
	first = 0
): Promise<void> {
	const next = random(42 + first);
	const texts = await realTexts(contentDir);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	const places = await listPlaces(db);
	const now = new Date().toISOString();
	const organisationIds = (
		await db.selectFrom('organisations').select('id').where('slug', 'like', 'bench-org-%').execute()
	).map((row) => row.id);
	for (let index = organisationIds.length; index < 200; index++) {
		const place = pick(places);
		const row = await db
			.insertInto('organisations')
			.values({
				districtId: place.districtId,
				slug: `bench-org-${index}`,
				name: `Träger ${index}`,
				kind: 'provider',
				placeId: place.id,
				createdAt: now,
				updatedAt: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		organisationIds.push(row.id);
	}
	const search = textSearchFor(db);
	const BATCH = 500;
	for (let start = 0; start < count; start += BATCH) {
		await db.transaction().execute(async (trx) => {
			const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => {
				const number = first + start + offset;
				const place = pick(places);
				const online = next() < 0.05;
				const topic = pick(TOPICS);
				const text = pick(texts);
				const day = 1 + Math.floor(next() * 90);
				return {
					districtId: place.districtId,
					organisationId: pick(organisationIds),
					slug: `bench-${number}`,
					title: `${topic} ${place.name} ${number}`,
					summary: text.summary,
					description: text.description,
					costKind: next() < 0.7 ? 'free' : 'amount',
					costCents: null,
					costNote: null,
					access: 'walk_in',
					languageLevel: 'none',
					locationKind: online ? 'online' : 'address',
					street: online ? null : 'Hauptstraße 1',
					placeId: online ? null : place.id,
					onlineUrl: online ? 'https://example.org' : null,
					scheduleKind: next() < 0.5 ? 'dates' : 'appointment',
					validFrom: null,
					validTo: null,
					contactName: null,
					contactPhone: null,
					contactEmail: null,
					status: 'published',
					nextStartsAt:
						next() < 0.5 ? `2027-01-${String((day % 28) + 1).padStart(2, '0')}T10:00` : null,
					createdAt: now,
					updatedAt: now,
					lastVerifiedAt: now
				};
			});
			const inserted = await trx
				.insertInto('offers')
				.values(rows)
				.returning(['id', 'title', 'summary', 'description'])
				.execute();
			const fields = inserted.flatMap((offer) => {
				const chosen = new Set([pick(ACTION_FIELDS), pick(ACTION_FIELDS)]);
				return [...chosen].map((actionField) => ({ offerId: offer.id, actionField }));
			});
			await trx.insertInto('offerActionFields').values(fields).execute();
			await trx
				.insertInto('offerLanguages')
				.values(
					inserted.flatMap((offer) =>
						[...new Set(['de', pick(DELIVERY_LANGUAGES)])].map((language) => ({
							offerId: offer.id,
							language
						}))
					)
				)
				.execute();
			await trx
				.insertInto('offerTargetGroups')
				.values(inserted.map((offer) => ({ offerId: offer.id, targetGroup: pick(TARGET_GROUPS) })))
				.execute();
			for (const offer of inserted) {
				await search.index(trx, offer.id, {
					title: textTokens(offer.title, 'de').join(' '),
					summary: textTokens(offer.summary, 'de').join(' '),
					body: textTokens(offer.description, 'de').join(' ')
				});
			}
		});
	}
	// The entries are made by the current text analysis: a starting app need not rebuild them.
	await setSetting(db, SEARCH_ANALYSIS_SETTING, ANALYSIS_VERSION);
}
