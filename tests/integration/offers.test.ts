import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database.js';
import { offerCalendar } from '../../src/lib/server/offers/offer-calendar.js';
import { getPublishedOffer } from '../../src/lib/server/offers/offer-page.service.js';
import {
	OfferNotFoundError,
	OfferValidationError
} from '../../src/lib/server/offers/offers.errors.js';
import { getSetting } from '../../src/lib/server/db/settings.repository.js';
import { OFFERS_VERSION_SETTING } from '../../src/lib/server/offers/offers.schema.js';
import {
	refreshAllOccurrences,
	translateOffer
} from '../../src/lib/server/offers/offers.service.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const ids = {} as Record<'weekly' | 'draft', number>;
let slug = '';

async function seed(database: Database) {
	const db = database.db;
	const places = await createDistrictsAndPlaces(db);
	const organisationId = await createOrganisation(db, {
		districtId: places.districts.schleswigFlensburg,
		name: 'Volkshochschule Kappeln'
	});
	ids.weekly = await createOffer(
		db,
		{
			organisationId,
			placeId: await places.place('Kappeln'),
			title: 'Abendkurs Deutsch',
			summary: 'Deutsch am Abend.',
			description: 'Mit **Kinderbetreuung**.',
			schedule: {
				kind: 'recurring',
				entries: [
					{
						startsAt: '2026-06-02T18:00',
						endsAt: '2026-06-02T19:30',
						rrule: 'FREQ=WEEKLY;BYDAY=TU,TH'
					}
				]
			}
		},
		NOW
	);
	ids.draft = await createOffer(db, { organisationId, title: 'Entwurf', status: 'draft' }, NOW);
	await translateOffer(
		db,
		ids.weekly,
		'ar',
		{ title: 'دورة مسائية للغة الألمانية' },
		'machine',
		NOW
	);
	slug = (
		await db
			.selectFrom('offers')
			.select('slug')
			.where('id', '=', ids.weekly)
			.executeTakeFirstOrThrow()
	).slug;
}

describeEachDialect(
	'offer page',
	({ database }) => {
		it('shows a published offer with its next dates, rhythm and address', async () => {
			const offer = await getPublishedOffer(database().db, slug, 'de', NOW);
			expect(slug).toMatch(/^abendkurs-deutsch-\d+$/);
			expect(offer.nextDates.slice(0, 3).map((date) => date.startsAt)).toEqual([
				'2026-06-02T18:00',
				'2026-06-04T18:00',
				'2026-06-09T18:00'
			]);
			expect(offer.schedule.series[0]!.recurrence).toEqual({
				kind: 'weekly',
				interval: 1,
				weekdays: [1, 3]
			});
			expect(offer.location).toMatchObject({
				kind: 'address',
				placeName: 'Kappeln',
				postcode: '24376'
			});
			expect(offer.organisation.name).toBe('Volkshochschule Kappeln');
		});

		it('rolls dates forward and makes the search indexes rebuild only when a next date changed', async () => {
			const db = database().db;
			const version = () => getSetting(db, OFFERS_VERSION_SETTING);
			const nextDate = async () =>
				(await getPublishedOffer(db, slug, 'de', NOW)).nextDates[0]!.startsAt;
			const before = await version();
			// Another process, or the next run, finds the same dates: nothing to rebuild.
			expect(await refreshAllOccurrences(db, NOW)).toBe(0);
			expect(await version()).toBe(before);
			// An app shutting down stops before the next batch of offers: nothing done yet.
			const later = new Date('2026-06-03T08:00:00Z');
			expect(await refreshAllOccurrences(db, later, AbortSignal.abort())).toBe(0);
			expect(await version()).toBe(before);
			// Two days later Tuesday's date has passed.
			expect(await refreshAllOccurrences(db, later)).toBe(1);
			expect(await nextDate()).toBe('2026-06-04T18:00');
			expect(await version()).not.toBe(before);
			// Back to the suite's day for the tests that follow.
			expect(await refreshAllOccurrences(db, NOW)).toBe(1);
			expect(await nextDate()).toBe('2026-06-02T18:00');
		});

		it('localises per field and marks what is still German', async () => {
			const offer = await getPublishedOffer(database().db, slug, 'ar', NOW);
			expect(offer.title).toMatchObject({
				text: 'دورة مسائية للغة الألمانية',
				lang: 'ar',
				status: 'machine'
			});
			expect(offer.summary).toMatchObject({
				text: 'Deutsch am Abend.',
				lang: 'de',
				fallback: true
			});
		});

		it('shows translated content with the digits 0–9 of the rest of the page', async () => {
			await translateOffer(
				database().db,
				ids.weekly,
				'fa',
				{ summary: 'سه‌شنبه‌ها از ساعت ۱۸ تا ۱۹:۳۰' },
				'reviewed',
				NOW
			);
			const offer = await getPublishedOffer(database().db, slug, 'fa', NOW);
			expect(offer.summary).toMatchObject({ text: 'سه‌شنبه‌ها از ساعت 18 تا 19:30', lang: 'fa' });
		});

		it('never shows drafts or unknown offers', async () => {
			const draft = await database()
				.db.selectFrom('offers')
				.select('slug')
				.where('id', '=', ids.draft)
				.executeTakeFirstOrThrow();
			await expect(getPublishedOffer(database().db, draft.slug, 'de', NOW)).rejects.toThrow(
				OfferNotFoundError
			);
			await expect(getPublishedOffer(database().db, 'gibt-es-nicht', 'de', NOW)).rejects.toThrow(
				OfferNotFoundError
			);
		});

		it('writes a valid calendar file in Berlin time that keeps 18:00 across daylight saving', async () => {
			const offer = await getPublishedOffer(database().db, slug, 'de', NOW);
			const ics = offerCalendar(offer, 'https://example.org/de/offers/x', 'example.org');
			expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260602T180000');
			expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH');
			// RFC 5545: DTSTAMP is a UTC time.
			expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r?\n/);
			const calendar = new ICAL.Component(ICAL.parse(ics));
			const timezone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
			const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
			event.startDate.zone = timezone;
			const iterator = event.iterator();
			const starts: string[] = [];
			for (let next = iterator.next(); next && starts.length < 60; next = iterator.next()) {
				next.zone = timezone;
				starts.push(next.toString());
			}
			// Late October (after the switch to winter time) still starts at 18:00 local time.
			expect(starts).toContain('2026-10-27T18:00:00');
			expect(new Set(starts.map((start) => start.slice(11)))).toEqual(new Set(['18:00:00']));
		});

		it('refuses an invalid recurrence rule with a specific message and stores nothing', async () => {
			const before = await database()
				.db.selectFrom('offers')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			const organisationId = (
				await database().db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()
			).id;
			await expect(
				createOffer(database().db, {
					organisationId,
					title: 'Kaputt',
					schedule: {
						kind: 'recurring',
						entries: [{ startsAt: '2026-06-02T18:00', rrule: 'jeden Dienstag' }]
					}
				})
			).rejects.toThrow(OfferValidationError);
			const after = await database()
				.db.selectFrom('offers')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(after.n)).toBe(Number(before.n));
		});
	},
	seed
);
