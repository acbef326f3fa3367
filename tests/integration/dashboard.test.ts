import { expect, it } from 'vitest';
import { type Actor } from '../../src/lib/server/accounts/authorization.js';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { saveTranslation } from '../../src/lib/server/translations/translations.service.js';
import { translateOffer } from '../../src/lib/server/offers/offers.service.js';
import {
	canSeeDashboard,
	dashboardFigures
} from '../../src/lib/server/reports/dashboard.service.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const NOW = new Date('2026-08-01T06:00:00.000Z');
const CONFIG = {
	freshnessReminderMonths: 6,
	freshnessOutdatedMonths: 2,
	enabledLocales: ['de', 'en', 'uk', 'ar'] as const
};
let districtId = 0;
let coordinator: Actor;

async function seed(database: Database) {
	const db = database.db;
	const places = await createDistrictsAndPlaces(db);
	districtId = places.districts.schleswigFlensburg;
	coordinator = { role: 'coordinator', districtId, organisationIds: [] };
	const organisationId = await createOrganisation(db, { districtId });
	const elsewhere = await createOrganisation(db, { districtId: places.districts.flensburg });
	const [kappeln, schleswig, flensburg] = await Promise.all(
		['Kappeln', 'Schleswig', 'Flensburg'].map((name) => places.place(name))
	);
	const verified = (iso: string) => new Date(iso);

	// Fresh, in two action fields, translated into English (reviewed) and partly into Ukrainian.
	const course = await createOffer(
		db,
		{ organisationId, placeId: kappeln, actionFields: ['language', 'work'], title: 'Kurs' },
		verified('2026-07-01T00:00:00.000Z')
	);
	await translateOffer(
		db,
		course,
		'en',
		{ title: 'Course', summary: 'For all.', description: 'About it.' },
		'reviewed'
	);
	await translateOffer(db, course, 'uk', { title: 'Курс', summary: 'Для всіх.' }, 'reviewed');
	// Arabic made from an older German text: outdated, so it does not count.
	for (const field of ['title', 'summary', 'description'])
		await saveTranslation(db, {
			entity: 'offer',
			entityId: course,
			locale: 'ar',
			field,
			value: 'نص',
			status: 'reviewed',
			sourceText: 'ein älterer deutscher Text'
		});

	// Possibly outdated, without a description: title and summary are all it needs translated.
	const cafe = await createOffer(
		db,
		{ organisationId, placeId: kappeln, actionFields: ['language'], description: '' },
		verified('2025-10-01T00:00:00.000Z')
	);
	await translateOffer(db, cafe, 'en', { title: 'Café', summary: 'Open.' }, 'machine');

	// Due for verification.
	await createOffer(
		db,
		{ organisationId, placeId: schleswig, actionFields: ['health'] },
		verified('2026-01-15T00:00:00.000Z')
	);
	// Online and fresh.
	await createOffer(db, { organisationId, actionFields: ['women'] }, NOW);
	// Not counted: a draft, an expired offer, and an offer of another district.
	await createOffer(db, { organisationId, placeId: kappeln, status: 'draft' }, NOW);
	await createOffer(db, { organisationId, placeId: kappeln, validTo: '2026-07-31' }, NOW);
	await createOffer(db, { organisationId: elsewhere, placeId: flensburg }, NOW);
}

// One database per dialect: every test only reads the figures of the seeded offers.
describeEachDialect(
	'coordinators’ dashboard',
	({ database }) => {
		it('counts published offers per action field, municipality, language and freshness', async () => {
			const figures = await dashboardFigures(database().db, coordinator, CONFIG, NOW);
			expect(figures.publishedOffers).toBe(4);
			expect(Object.fromEntries(figures.actionFields.map((f) => [f.actionField, f.count]))).toEqual(
				{
					housing: 0,
					language: 2,
					work: 1,
					democracy: 0,
					culture_values: 0,
					associations: 0,
					women: 1,
					health: 1,
					intercultural_opening: 0
				}
			);
			// Every municipality of the district, those without offers too; Flensburg is another district.
			expect(figures.places.map((p) => [p.name, p.count])).toEqual([
				['Kappeln', 2],
				['Schleswig', 1],
				['Gelting', 0],
				['Harrislee', 0],
				['Kropp', 0],
				['Süderbrarup', 0]
			]);
			expect(figures.places.find((p) => p.name === 'Kropp')?.amt).toBe('Amt Kropp-Stapelholm');
			expect(figures.onlineOffers).toBe(1);
			expect(figures.coverage).toEqual([
				{ locale: 'en', translated: 2, reviewed: 1, share: 0.5 },
				{ locale: 'uk', translated: 0, reviewed: 0, share: 0 },
				{ locale: 'ar', translated: 0, reviewed: 0, share: 0 }
			]);
			expect(figures.freshness).toEqual({ fresh: 2, due: 1, may_be_outdated: 1 });
		});

		it('names the district it counts and the other districts the portal shows', async () => {
			const figures = await dashboardFigures(database().db, coordinator, CONFIG, NOW);
			expect(figures.district).toBe('Kreis Schleswig-Flensburg');
			// The portal counts every district: here the city of Flensburg's one offer too.
			expect(figures.otherDistricts).toEqual([{ name: 'Flensburg', count: 1 }]);
		});

		it('is for coordinators and administrators of the district only', async () => {
			const administrator: Actor = { role: 'administrator', districtId, organisationIds: [] };
			const viewer: Actor = { role: 'viewer', districtId, organisationIds: [] };
			const partner: Actor = { role: 'partner_editor', districtId, organisationIds: [1] };
			expect(canSeeDashboard(coordinator)).toBe(true);
			expect(canSeeDashboard(administrator)).toBe(true);
			expect(
				(await dashboardFigures(database().db, administrator, CONFIG, NOW)).publishedOffers
			).toBe(4);
			for (const actor of [viewer, partner]) {
				expect(canSeeDashboard(actor)).toBe(false);
				await expect(dashboardFigures(database().db, actor, CONFIG, NOW)).rejects.toThrow(
					ForbiddenError
				);
			}
		});
	},
	seed
);
