import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/i18n/locales.js';
import { seedDemoContent } from '../../src/lib/server/demo/demo.seed.js';
import { getPage } from '../../src/lib/server/pages/pages.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');

describeEachDialect(
	'demo content',
	({ database }) => {
		it('is rich enough to show the finder', async () => {
			const db = database().db;
			const count = async (query: Promise<{ n: number | string }>) => Number((await query).n);
			const offers = await count(
				db
					.selectFrom('offers')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			);
			const providers = await count(
				db
					.selectFrom('organisations')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			);
			const municipalities = await count(
				db
					.selectFrom('offers')
					.select((eb) => eb.fn.count<number>('placeId').distinct().as('n'))
					.executeTakeFirstOrThrow()
			);
			const translated = await count(
				db
					.selectFrom('translations')
					.select((eb) => eb.fn.count<number>('entityId').distinct().as('n'))
					.where('entity', '=', 'offer')
					.where('field', '=', 'title')
					.where('locale', 'in', ['en', 'uk', 'ar'])
					.executeTakeFirstOrThrow()
			);
			const recurring = await count(
				db
					.selectFrom('offerSchedules')
					.select((eb) => eb.fn.count<number>('offerId').distinct().as('n'))
					.where('rrule', 'is not', null)
					.executeTakeFirstOrThrow()
			);
			expect(offers).toBeGreaterThanOrEqual(150);
			expect(providers).toBeGreaterThanOrEqual(40);
			expect(municipalities).toBeGreaterThanOrEqual(25);
			expect(translated * 3).toBeGreaterThanOrEqual(offers);
			expect(recurring).toBeGreaterThanOrEqual(20);
			const fields = await db
				.selectFrom('offerActionFields')
				.select('actionField')
				.distinct()
				.execute();
			expect(fields).toHaveLength(9);
		});

		it('says which level its language courses lead to, for the support chains', async () => {
			const courses = await database()
				.db.selectFrom('offers')
				.select(['languageLevel', 'languageLevelExit'])
				.where('languageLevelExit', 'is not', null)
				.execute();
			const exits = new Set(courses.map((course) => course.languageLevelExit));
			expect(exits).toEqual(new Set(['A1', 'A2', 'B1', 'B2', 'C1']));
			expect(courses.filter((course) => course.languageLevelExit === 'B1').length).toBeGreaterThan(
				4
			);
		});

		it('finds German courses near Kappeln in Arabic, across both districts', async () => {
			const { filters } = parseSearchParams(
				new URLSearchParams({ q: 'دورة اللغة الألمانية', near: 'Kappeln', radius: '25' })
			);
			const result = await searchOffers(database().db, filters, 'ar');
			expect(result.total).toBeGreaterThan(2);
			expect(result.items[0]!.title.text).toContain('دورة اللغة الألمانية');
			const border = await searchOffers(
				database().db,
				parseSearchParams(new URLSearchParams({ near: 'Harrislee', radius: '10' })).filters,
				'de'
			);
			expect(new Set(border.items.map((item) => item.districtName))).toEqual(
				new Set(['Flensburg', 'Kreis Schleswig-Flensburg'])
			);
		});

		it('shows on the KITZ page only what the office publishes: two persons and the address', async () => {
			const page = await getPage(database().db, 'kitz', 'fa');
			expect(page?.title.lang).toBe('fa');
			expect(page?.contacts.map((contact) => contact.name)).toEqual([
				'Dagmar Kistner',
				'Joanna Wilkonska-Malla'
			]);
			// The district publishes no personal phone, room or e-mail for them.
			for (const contact of page?.contacts ?? [])
				expect(contact).toMatchObject({ phone: null, email: null, room: null, languages: [] });
			expect(page?.contacts[0]?.role.lang).toBe('fa');
			expect(page?.office).toEqual({
				name: 'Kreis Schleswig-Flensburg, Regionale Integration',
				street: 'Flensburger Straße 7',
				postcode: '24837',
				placeName: 'Schleswig',
				email: null,
				phone: null,
				website: null
			});
			// No invented phone numbers, rooms or office hours in the text of any language.
			for (const locale of LOCALES) {
				const text = await getPage(database().db, 'kitz', locale);
				for (const field of [text!.title, text!.summary, text!.body])
					expect(field.text).not.toMatch(
						/\d{3,}[ /-]?\d{2,}|Raum \d|\d{1,2}(:\d\d)? ?(bis|–|-) ?\d{1,2}/
					);
			}
		});

		it('is seeded once: a second run adds nothing', async () => {
			const again = await database()
				.db.transaction()
				.execute((trx) => seedDemoContent(trx, CONTENT));
			expect(again.size).toBe(0);
		});
	},
	async (database) => {
		await loadReferencePlaces(database.db, CONTENT);
		await database.db.transaction().execute((trx) => seedDemoContent(trx, CONTENT));
	}
);
