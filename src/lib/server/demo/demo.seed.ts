import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { saveTranslation } from '../translations/translations.service.js';
import { insertOrganisation } from '../organisations/organisations.repository.js';
import { createOfferIn, translateOfferIn } from '../offers/offers.service.js';
import { updateOfferRow } from '../offers/offers.repository.js';
import { loadDefaultThesaurus } from '../search/thesaurus/thesaurus.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { instantOn, offerPast } from './demo.history.js';
import { insertContact, insertPage } from '../pages/pages.repository.js';
import { buildLookup, placeOf, type Lookup } from './demo.lookup.js';
import { toOfferInput } from './demo.offer-input.js';
import { demoFileSchema, demoPageSchema, type DemoOrganisation } from './demo.schema.js';

/**
 * Seeds the demo organisations, offers and the KITZ page into a database that has no offers yet,
 * inside the caller's transaction (see seedDemo); returns the offers' ids by their demo key.
 * Offers were entered over the last 30 months (valid from then), a few taken off the portal since,
 * so a report for a past year has figures and changes to show.
 */
export async function seedDemoContent(
	db: Transaction<DB>,
	contentDir: string,
	now = new Date()
): Promise<Map<string, number>> {
	const offerIds = new Map<string, number>();
	// Tests and the relevance bench seed without starting the app; the search needs the thesaurus.
	await loadDefaultThesaurus(db, contentDir, now);
	const existing = await db.selectFrom('offers').select('id').limit(1).executeTakeFirst();
	if (existing) return offerIds;
	const today = berlinToday(now);
	const folder = join(contentDir, 'demo');
	const lookup = await buildLookup(db);
	const organisationIds = new Map<string, number>();
	await seedDemoPage(db, contentDir, now);

	const files = (await readdir(folder)).filter((name) => /^offers-.*\.json$/.test(name)).sort();
	for (const file of files) {
		const content = await readJson(join(folder, file), demoFileSchema);
		for (const organisation of content.organisations) {
			if (organisationIds.has(organisation.key))
				throw new Error(`${file}: organisation key "${organisation.key}" is used twice`);
			organisationIds.set(
				organisation.key,
				await createOrganisation(db, organisation, lookup, now)
			);
		}
		for (const offer of content.offers) {
			const organisationId = organisationIds.get(offer.organisation);
			if (organisationId === undefined)
				throw new Error(
					`${file}: offer "${offer.key}" names unknown organisation "${offer.organisation}"`
				);
			if (offerIds.has(offer.key))
				throw new Error(`${file}: offer key "${offer.key}" is used twice`);
			const past = offerPast(offer.key, today, offer.archivedMonthsAgo);
			const input = toOfferInput(offer, organisationId, lookup, now, past.createdOn);
			const id = await createOfferIn(db, input, now);
			for (const [locale, fields] of Object.entries(offer.translations))
				await translateOfferIn(db, id, locale as Locale, fields, 'reviewed', now);
			// Created "now" so its dates and occurrences start today; its past is written after.
			await updateOfferRow(db, id, {
				createdAt: instantOn(past.createdOn).toISOString(),
				...(past.archivedOn && {
					status: 'archived',
					validTo: past.archivedOn,
					updatedAt: instantOn(past.archivedOn).toISOString()
				})
			});
			offerIds.set(offer.key, id);
		}
	}
	return offerIds;
}

/** The KITZ page (content/demo/kitz.json) with its organisation and contact persons. */
export async function seedDemoPage(
	db: Transaction<DB>,
	contentDir: string,
	now = new Date()
): Promise<void> {
	const lookup = await buildLookup(db);
	const page = await readJson(join(contentDir, 'demo', 'kitz.json'), demoPageSchema);
	const kitzId = await createOrganisation(db, page.organisation, lookup, now);
	await seedKitzPage(db, page, kitzId, lookup, now);
}

/** A demo content file, checked against its schema; the first problem names file and field. */
export async function readJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
	const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return parsed.data;
}

async function createOrganisation(
	db: Transaction<DB>,
	organisation: DemoOrganisation,
	lookup: Lookup,
	now: Date
) {
	const place = organisation.place ? placeOf(lookup, organisation.place) : undefined;
	const districtId = place?.districtId ?? lookup.districtByAgs.get('01059')!;
	return insertOrganisation(db, {
		districtId,
		slug: organisation.key,
		name: organisation.name,
		kind: organisation.kind,
		email: organisation.email ?? null,
		phone: organisation.phone ?? null,
		website: organisation.website ?? null,
		street: organisation.street ?? null,
		postcode: organisation.postcode ?? null,
		placeId: place?.id ?? null,
		createdAt: now.toISOString(),
		updatedAt: now.toISOString()
	});
}

async function seedKitzPage(
	db: Transaction<DB>,
	content: z.infer<typeof demoPageSchema>,
	organisationId: number,
	lookup: Lookup,
	now: Date
): Promise<void> {
	const districtId = placeOf(lookup, content.organisation.place ?? '01059075').districtId;
	const pageId = await insertPage(db, {
		districtId,
		organisationId,
		slug: 'kitz',
		...content.page,
		updatedAt: now.toISOString()
	});
	for (const [locale, fields] of Object.entries(content.translations)) {
		for (const field of ['title', 'summary', 'body'] as const) {
			await saveTranslation(
				db,
				{
					entity: 'page',
					entityId: pageId,
					locale: locale as Locale,
					field,
					value: fields[field],
					status: 'reviewed',
					sourceText: content.page[field]
				},
				now
			);
		}
	}
	for (const [position, contact] of content.contacts.entries()) {
		const contactId = await insertContact(db, {
			organisationId,
			name: contact.name,
			role: contact.role,
			email: contact.email ?? null,
			phone: contact.phone ?? null,
			room: contact.room ?? null,
			languages: contact.languages.join(','),
			position
		});
		for (const [locale, role] of Object.entries(contact.roleTranslations)) {
			await saveTranslation(
				db,
				{
					entity: 'contact',
					entityId: contactId,
					locale: locale as Locale,
					field: 'role',
					value: role,
					status: 'reviewed',
					sourceText: contact.role
				},
				now
			);
		}
	}
}
