import { expect, it } from 'vitest';
import { loadChain } from '../../src/lib/server/chains/chains.service.js';
import { publicChains, publicWay } from '../../src/lib/server/chains/public-chains.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import type { OfferInput } from '../../src/lib/server/offers/offers.schema.js';
import { saveTranslation } from '../../src/lib/server/translations/translations.service.js';
import { createTestChain } from '../factories/chain.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const DISTRICT = 'schleswig-flensburg';
const ids = { kappeln: 0, kappelnArabic: 0, suederbrarup: 0, gelting: 0, schleswig: 0, online: 0 };
let stages: Record<string, number> = {};
let hiddenSlug = '';

/**
 * Kappeln (24376) and language courses around it: two in Kappeln, Süderbrarup and Gelting about
 * 10 km off, Schleswig 28 km off (beyond the 25 km reach), one online; first orientation only
 * in Schleswig; no offer at all for the optional stage.
 */
async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	const place = world.places.place;
	const chain = await createTestChain(db, {
		districtId: world.districtId,
		publicTitle: 'Ihr Weg zum Deutschkurs',
		introduction: 'Vom Ankommen bis zum Beruf.',
		isPublic: true,
		stages: [
			{
				key: 'Erstorientierung',
				achieves: 'Sie kennen die ersten Wege.',
				rules: { actionFields: ['culture_values'] }
			},
			{ key: 'Integrationskurs', follows: ['Erstorientierung'], onlineCounts: true },
			{
				key: 'Berufssprachkurs',
				follows: ['Integrationskurs'],
				rules: { actionFields: ['work'] }
			},
			{
				key: 'Wohnungssuche',
				follows: ['Integrationskurs'],
				isOptional: true,
				rules: { actionFields: ['housing'] }
			}
		]
	});
	stages = chain.stages;
	const hidden = await createTestChain(db, {
		districtId: world.districtId,
		title: 'Intern',
		publicTitle: 'Nur für das Büro',
		isPublic: false,
		stages: [{ key: 'Intern' }]
	});
	hiddenSlug = (await loadChain(db, hidden.chainId)).slug;
	const course = async (
		title: string,
		placeName: string | null,
		languages: OfferInput['languages'] = ['de']
	) =>
		createOffer(db, {
			organisationId: world.vhs,
			title,
			actionFields: ['language'],
			languages,
			...(placeName ? { placeId: await place(placeName) } : {})
		});
	ids.kappeln = await course('Deutschkurs Kappeln', 'Kappeln');
	ids.kappelnArabic = await course('Deutsch für Arabischsprachige', 'Kappeln', ['de', 'ar']);
	ids.suederbrarup = await course('Deutschkurs Süderbrarup', 'Süderbrarup');
	ids.gelting = await course('Deutschkurs Gelting', 'Gelting');
	ids.schleswig = await course('Deutschkurs Schleswig', 'Schleswig');
	ids.online = await course('Deutsch online', null);
	await createOffer(db, {
		organisationId: world.awo,
		title: 'Erstberatung Schleswig',
		actionFields: ['culture_values'],
		placeId: await place('Schleswig')
	});
	await createOffer(db, {
		organisationId: world.awo,
		title: 'Bewerbungstraining',
		actionFields: ['work'],
		placeId: await place('Kappeln')
	});
	await saveTranslation(db, {
		entity: 'chain',
		entityId: chain.chainId,
		locale: 'ar',
		field: 'publicTitle',
		value: 'طريقكم إلى دورة اللغة الألمانية',
		status: 'reviewed',
		sourceText: 'Ihr Weg zum Deutschkurs'
	});
	await saveTranslation(db, {
		entity: 'chain_stage',
		entityId: stages.Integrationskurs!,
		locale: 'ar',
		field: 'title',
		value: 'دورة الاندماج',
		status: 'machine',
		sourceText: 'Integrationskurs'
	});
}

const way = (db: Database['db'], near = '', locale: 'de' | 'ar' = 'de') =>
	publicWay(db, { districtSlug: DISTRICT, chainSlug: 'ihr-weg-zum-deutschkurs', near }, locale);
const stageOf = (found: Awaited<ReturnType<typeof way>>, key: string) =>
	found!.steps.flatMap((step) => step.stages).find((stage) => stage.id === stages[key])!;

describeEachDialect(
	'the portal\'s "Ihr Weg zu …"',
	({ database }) => {
		it('lists the public chains of the district, never one kept in the office', async () => {
			const page = await publicChains(database().db, DISTRICT, 'de');
			expect(page!.district.slug).toBe(DISTRICT);
			expect(page!.chains.map((chain) => chain.title.text)).toEqual(['Ihr Weg zum Deutschkurs']);
			expect(page!.chains[0]!.introduction.text).toBe('Vom Ankommen bis zum Beruf.');
			const unknownDistrict = await publicChains(database().db, 'nirgendwo', 'de');
			expect(unknownDistrict!.district.slug).toBe(DISTRICT);
			const hidden = await publicWay(
				database().db,
				{ districtSlug: DISTRICT, chainSlug: hiddenSlug, near: '' },
				'de'
			);
			expect(hidden).toBeNull();
		});

		it('numbers the steps, with branches side by side as alternatives', async () => {
			const found = await way(database().db);
			expect(
				found!.steps.map((step) => [step.number, step.stages.map((stage) => stage.title.text)])
			).toEqual([
				[1, ['Erstorientierung']],
				[2, ['Integrationskurs']],
				[3, ['Berufssprachkurs', 'Wohnungssuche']]
			]);
			expect(stageOf(found, 'Wohnungssuche').isOptional).toBe(true);
			expect(stageOf(found, 'Berufssprachkurs').isOptional).toBe(false);
			expect(stageOf(found, 'Erstorientierung').achieves.text).toBe('Sie kennen die ersten Wege.');
		});

		it('shows the nearest offers within reach of a postcode, nearest first, then online ones', async () => {
			const found = await way(database().db, ' 24376 ');
			expect(found!.place).toBe('24376 Kappeln');
			expect(found!.unknownPlace).toBe(false);
			const course = stageOf(found, 'Integrationskurs');
			const onSite = course.offers.filter((entry) => !entry.online);
			expect(onSite).toHaveLength(3);
			expect(onSite.slice(0, 2).map((entry) => entry.offer.id)).toEqual([
				ids.kappeln,
				ids.kappelnArabic
			]);
			expect(onSite.slice(0, 2).map((entry) => entry.distanceKm)).toEqual([0, 0]);
			expect(onSite[2]!.distanceKm).toBeGreaterThan(5);
			expect(onSite[2]!.distanceKm).toBeLessThan(15);
			expect([ids.suederbrarup, ids.gelting]).toContain(onSite[2]!.offer.id);
			expect(onSite[1]!.languages).toEqual(['ar', 'de']);
			expect(onSite[1]!.placeName).toBe('Kappeln');
			expect(course.offers.map((entry) => entry.offer.id)).not.toContain(ids.schleswig);
			expect(course.offers.at(-1)).toMatchObject({
				online: true,
				distanceKm: null,
				offer: { id: ids.online }
			});
			// Orientation exists only in Schleswig, 28 km off: known, but not within reach.
			expect(stageOf(found, 'Erstorientierung')).toMatchObject({ offers: [], hasOffers: true });
			expect(stageOf(found, 'Wohnungssuche')).toMatchObject({ offers: [], hasOffers: false });
			// A stage that does not count online offers lists none.
			expect(
				stageOf(found, 'Berufssprachkurs').offers.map((entry) => entry.offer.title.text)
			).toEqual(['Bewerbungstraining']);
		});

		it('finds a place by its name too', async () => {
			const found = await way(database().db, 'süderbrarup');
			expect(found!.place).toBe('Süderbrarup');
			expect(stageOf(found, 'Integrationskurs').offers[0]!.offer.id).toBe(ids.suederbrarup);
		});

		it('takes an unknown place as a notice with suggestions, and shows offers without distances', async () => {
			const found = await way(database().db, 'Kapeln');
			expect(found).toMatchObject({ unknownPlace: true, place: null, near: 'Kapeln' });
			expect(found!.placeSuggestions).toContain('Kappeln');
			const course = stageOf(found, 'Integrationskurs');
			expect(course.offers).toHaveLength(3);
			expect(course.offers.every((entry) => entry.distanceKm === null)).toBe(true);
			expect(stageOf(found, 'Erstorientierung').offers.map((entry) => entry.offer.id)).toHaveLength(
				1
			);
		});

		it('shows a few offers by title without any place', async () => {
			const found = await way(database().db);
			expect(found).toMatchObject({ unknownPlace: false, place: null, placeSuggestions: [] });
			const titles = stageOf(found, 'Integrationskurs').offers.map(
				(entry) => entry.offer.title.text
			);
			expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'de')));
			expect(titles).toHaveLength(3);
		});

		it("speaks the visitor's language where translated and German with a note elsewhere", async () => {
			const found = await way(database().db, '24376', 'ar');
			expect(found!.title).toMatchObject({
				text: 'طريقكم إلى دورة اللغة الألمانية',
				lang: 'ar',
				fallback: false
			});
			expect(stageOf(found, 'Integrationskurs').title).toMatchObject({
				text: 'دورة الاندماج',
				lang: 'ar',
				status: 'machine'
			});
			expect(stageOf(found, 'Erstorientierung').title).toMatchObject({
				text: 'Erstorientierung',
				lang: 'de',
				fallback: true
			});
			expect(found!.introduction).toMatchObject({ lang: 'de', fallback: true });
			const list = await publicChains(database().db, DISTRICT, 'ar');
			expect(list!.chains[0]!.title.text).toBe('طريقكم إلى دورة اللغة الألمانية');
		});
	},
	seed
);
