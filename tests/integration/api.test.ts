import { expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database.js';
import type { ApiContext } from '../../src/lib/server/api/offers-api.service.js';
import { getOffer, listOffers } from '../../src/lib/server/api/offers-api.service.js';
import { offerListSchema, offerResponseSchema } from '../../src/lib/server/api/schemas.js';
import { OfferNotFoundError } from '../../src/lib/server/offers/offers.errors.js';
import { translateOffer } from '../../src/lib/server/offers/offers.service.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

// Tuesday 1 December 2026, 10:00 in Berlin.
const NOW = new Date('2026-12-01T09:00:00Z');
const CONTEXT: ApiContext = {
	origin: 'https://angebote.example.de',
	enabledLocales: ['de', 'de-x-easy', 'en', 'uk', 'ar', 'fa', 'ru', 'tr'],
	defaultLocale: 'de',
	freshnessReminderMonths: 6,
	freshnessOutdatedMonths: 2
};
const ids = {} as Record<'course' | 'counselling' | 'online' | 'old' | 'draft' | 'expired', number>;

async function seed(database: Database) {
	const db = database.db;
	const places = await createDistrictsAndPlaces(db);
	const { schleswigFlensburg, flensburg } = places.districts;
	const vhs = await createOrganisation(db, {
		districtId: schleswigFlensburg,
		name: 'Volkshochschule Kappeln',
		email: 'info@vhs.example'
	});
	const diakonie = await createOrganisation(db, {
		districtId: flensburg,
		name: 'Diakonie Flensburg'
	});
	const kappeln = await places.place('Kappeln');
	ids.course = await createOffer(
		db,
		{
			organisationId: vhs,
			placeId: kappeln,
			title: 'Deutschkurs A1 für Anfänger',
			summary: 'Deutsch lernen in kleinen Gruppen.',
			description: 'Mit **Kinderbetreuung**.',
			actionFields: ['language'],
			targetGroups: ['newcomers'],
			languages: ['de', 'ar'],
			accessibility: ['childcare'],
			cost: { kind: 'reduced', cents: 5000, note: 'Ermäßigung möglich' },
			access: 'registration',
			languageLevel: 'A1',
			languageLevelExit: 'A2',
			contact: { name: 'Frau Beispiel', phone: '04642 1234' },
			schedule: {
				kind: 'recurring',
				entries: [
					{
						startsAt: '2026-11-03T09:00',
						endsAt: '2026-11-03T12:00',
						rrule: 'FREQ=WEEKLY;BYDAY=TU'
					}
				]
			}
		},
		NOW
	);
	ids.counselling = await createOffer(
		db,
		{
			organisationId: diakonie,
			placeId: await places.place('Flensburg'),
			title: 'Migrationsberatung',
			summary: 'Beratung zu Aufenthalt, Arbeit und Familie.',
			actionFields: ['work'],
			languages: ['de', 'fa']
		},
		NOW
	);
	ids.online = await createOffer(
		db,
		{
			organisationId: diakonie,
			title: 'Online-Beratung Anerkennung',
			summary: 'Ausländische Abschlüsse anerkennen lassen.',
			actionFields: ['work'],
			location: { kind: 'online', url: 'https://beratung.example.org' }
		},
		NOW
	);
	// Last confirmed a year before NOW: the portal flags it as possibly outdated.
	ids.old = await createOffer(
		db,
		{
			organisationId: vhs,
			placeId: kappeln,
			title: 'Elterncafé',
			summary: 'Austausch für Eltern.',
			targetGroups: ['families']
		},
		new Date('2025-12-01T09:00:00Z')
	);
	ids.draft = await createOffer(
		db,
		{ organisationId: vhs, placeId: kappeln, title: 'Entwurf', status: 'draft' },
		NOW
	);
	ids.expired = await createOffer(
		db,
		{ organisationId: vhs, title: 'Vorbei', validFrom: '2025-01-01', validTo: '2025-12-31' },
		NOW
	);
	await translateOffer(
		db,
		ids.course,
		'en',
		{ title: 'German course A1 for beginners', summary: 'Learn German in small groups.' },
		'reviewed',
		NOW
	);
}

// One database per dialect: every test only reads the seeded offers through the API.
describeEachDialect(
	'public offers API',
	({ database }) => {
		const list = async (query: string) => {
			const response = await listOffers(database().db, new URLSearchParams(query), CONTEXT, NOW);
			// The documented schema must accept what the handler really sends.
			return offerListSchema.parse(response);
		};
		const detail = async (slug: string, query = '') =>
			offerResponseSchema.parse(
				await getOffer(database().db, slug, new URLSearchParams(query), CONTEXT, NOW)
			);
		const slugOf = async (id: number) =>
			(
				await database()
					.db.selectFrom('offers')
					.select('slug')
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).slug;

		it('lists published, valid offers only, as documented', async () => {
			const result = await list('');
			expect(result.items.map((item) => item.id).sort()).toEqual(
				[ids.course, ids.counselling, ids.online, ids.old].sort()
			);
			expect(result).toMatchObject({ lang: 'de', total: 4, page: 1, pageCount: 1, notices: [] });
			expect(result.facets.actionFields).toContainEqual({ value: 'work', count: 2 });
		});

		it('describes each offer as the portal card does, with a link to its page', async () => {
			const result = await list('near=Kappeln&radius=25');
			const course = result.items.find((item) => item.id === ids.course)!;
			expect(course).toMatchObject({
				url: `https://angebote.example.de/de/offers/${course.slug}`,
				title: { text: 'Deutschkurs A1 für Anfänger', lang: 'de', fallback: false },
				organisation: 'Volkshochschule Kappeln',
				place: 'Kappeln',
				district: 'Kreis Schleswig-Flensburg',
				online: false,
				free: false,
				byAppointment: false,
				nextStartsAt: '2026-12-01T09:00',
				distanceKm: 0,
				actionFields: ['language'],
				languages: expect.arrayContaining(['de', 'ar']),
				targetGroups: ['newcomers'],
				accessibility: ['childcare'],
				mayBeOutdated: false
			});
			expect(result.near).toEqual({ place: 'Kappeln', radiusKm: 25 });
			expect(result.sort).toBe('distance');
			expect(result.facets.places).toContainEqual(
				expect.objectContaining({ name: 'Kappeln', count: 2 })
			);
			expect(result.items.find((item) => item.id === ids.old)?.mayBeOutdated).toBe(true);
		});

		it('filters like the portal search', async () => {
			expect((await list('field=work&online=1')).items.map((item) => item.id)).toEqual([
				ids.online
			]);
			expect((await list('language=fa')).items.map((item) => item.id)).toEqual([ids.counselling]);
			expect((await list('q=deutschkurs')).items.map((item) => item.id)).toEqual([ids.course]);
			expect((await list('district=flensburg')).total).toBe(2);
		});

		it('localises texts and marks the German fallback', async () => {
			const result = await list('lang=en');
			expect(result.lang).toBe('en');
			const course = result.items.find((item) => item.id === ids.course)!;
			expect(course.title).toEqual({
				text: 'German course A1 for beginners',
				lang: 'en',
				fallback: false,
				status: 'reviewed'
			});
			expect(course.url).toMatch(/\/en\/offers\//);
			const counselling = result.items.find((item) => item.id === ids.counselling)!;
			expect(counselling.title).toEqual({
				text: 'Migrationsberatung',
				lang: 'de',
				fallback: true,
				status: 'missing'
			});
		});

		it('reports unknown values as notices in the asked language, never as an error', async () => {
			const result = await list('page=abc&radius=7&field=nope&lang=en&near=Atlantis');
			expect(result.total).toBe(4);
			expect(result.notices.map((notice) => notice.code).sort()).toEqual(
				['badPage', 'unknownPlace', 'unknownValue', 'unknownValue'].sort()
			);
			expect(result.notices).toContainEqual({
				code: 'unknownValue',
				message: 'The filter “field” with the value “nope” is unknown and is not used.',
				params: { name: 'field', value: 'nope' }
			});
			expect(result.near).toBeNull();
			expect(result.placeSuggestions).toEqual([]);
			// One typing mistake away is read as the place, and said so; further away, suggested.
			const mistyped = await list('near=Kapeln&field=work');
			expect(mistyped.notices.map((notice) => notice.code)).toEqual(['placeCorrected']);
			expect(mistyped.total).toBe((await list('near=Kappeln&field=work')).total);
			const misspelt = await list('near=Kaplnn&field=work');
			expect(misspelt.placeSuggestions).toEqual(['Kappeln']);
			expect(misspelt.total).toBe((await list('field=work')).total);
			const unknownLanguage = await list('lang=xx&page=99');
			expect(unknownLanguage.lang).toBe('de');
			expect(unknownLanguage.page).toBe(1);
			expect(unknownLanguage.notices).toEqual([
				expect.objectContaining({ code: 'unknownValue', params: { name: 'lang', value: 'xx' } }),
				expect.objectContaining({ code: 'pageOutOfRange', params: { page: 99, last: 1 } })
			]);
		});

		it('answers a disabled language in German with a notice', async () => {
			const response = await listOffers(
				database().db,
				new URLSearchParams('lang=ru'),
				{ ...CONTEXT, enabledLocales: ['de', 'en'] },
				NOW
			);
			expect(response.lang).toBe('de');
			expect(response.notices[0]?.params).toEqual({ name: 'lang', value: 'ru' });
		});

		it('shows one published offer in detail, as the portal page does', async () => {
			const slug = await slugOf(ids.course);
			const { lang, offer, notices } = await detail(slug, 'lang=en');
			expect(lang).toBe('en');
			expect(notices).toEqual([]);
			expect(offer).toMatchObject({
				id: ids.course,
				url: `https://angebote.example.de/en/offers/${slug}`,
				calendarUrl: `https://angebote.example.de/en/offers/${slug}/calendar.ics`,
				title: { text: 'German course A1 for beginners', fallback: false },
				description: { text: 'Mit **Kinderbetreuung**.', lang: 'de', fallback: true },
				languageLevel: 'A1',
				languageLevelExit: 'A2',
				cost: { kind: 'reduced', cents: 5000, note: 'Ermäßigung möglich' },
				access: 'registration',
				location: { kind: 'address', street: 'Hauptstraße 1', place: 'Kappeln' },
				district: 'Kreis Schleswig-Flensburg',
				schedule: { kind: 'recurring', series: [{ rrule: 'FREQ=WEEKLY;BYDAY=TU' }] },
				contact: { name: 'Frau Beispiel', phone: '04642 1234', email: null },
				organisation: { name: 'Volkshochschule Kappeln', email: 'info@vhs.example' },
				mayBeOutdated: false
			});
			expect(offer.location).toHaveProperty('postcode', '24376');
			// 10:00 on a Tuesday: today's lesson has begun, the next one is a week later.
			expect(offer.nextDates[0]).toEqual({
				startsAt: '2026-12-08T09:00',
				endsAt: '2026-12-08T12:00'
			});
			// Only what the portal page shows: no organisation address, no internal status.
			expect(offer.organisation).not.toHaveProperty('address');
			expect(offer).not.toHaveProperty('status');
		});

		it('describes an online offer without dates', async () => {
			const { offer } = await detail(await slugOf(ids.online));
			expect(offer.location).toEqual({ kind: 'online', url: 'https://beratung.example.org' });
			expect(offer.calendarUrl).toBeNull();
			expect(offer.languageLevelExit).toBeNull();
			expect(offer.schedule).toEqual({ kind: 'appointment', series: [] });
		});

		it('refuses unknown, draft and expired offers as not found', async () => {
			for (const slug of ['gibt-es-nicht', await slugOf(ids.draft), await slugOf(ids.expired)])
				await expect(detail(slug), slug).rejects.toBeInstanceOf(OfferNotFoundError);
		});
	},
	seed
);
