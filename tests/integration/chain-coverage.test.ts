import { expect, it } from 'vitest';
import {
	gapMatrix,
	stageOffers,
	whatIf,
	type GapMatrix
} from '../../src/lib/server/chains/coverage.service.js';
import { getChain } from '../../src/lib/server/chains/chains.service.js';
import { updateStage } from '../../src/lib/server/chains/stages.service.js';
import type { StageView } from '../../src/lib/server/chains/chain-views.js';
import type { Database } from '../../src/lib/server/db/database.js';
import type { OfferInput } from '../../src/lib/server/offers/offers.schema.js';
import type { TestActor } from '../factories/account.factory.js';
import { createTestChain } from '../factories/chain.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

/**
 * Six municipalities of Schleswig-Flensburg (Kappeln, Schleswig, Harrislee, Süderbrarup, Gelting,
 * Kropp) and Flensburg next door. Distances (haversine, km): Kappeln–Schleswig 28.60,
 * Harrislee–Flensburg 4.01, Süderbrarup–Kappeln 10.01, Gelting–Kappeln 10.07, Kropp–Schleswig
 * 11.97, Harrislee–Schleswig 32.95, Gelting–Schleswig 33.59, Kropp–Kappeln 38.14.
 */
const NOW = new Date('2026-11-10T10:00:00.000Z');
let viewer: TestActor;
let coordinator: TestActor;
const ids = { chain: 0, vhs: 0, awo: 0, kappelnCourse: 0, schleswigCourse: 0, online: 0 };
const stage = {} as Record<'course' | 'job', number>;

async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	ids.vhs = world.vhs;
	ids.awo = world.awo;
	viewer = await world.staff('viewer');
	coordinator = await world.staff('coordinator');
	const place = world.places.place;
	const course = (fields: Partial<OfferInput> & { organisationId: number; placeId?: number }) =>
		createOffer(db, { actionFields: ['language'], ...fields }, NOW);
	ids.kappelnCourse = await course({
		organisationId: world.vhs,
		placeId: await place('Kappeln'),
		title: 'Integrationskurs in Kappeln',
		languages: ['de', 'ar'],
		languageLevelExit: 'B1',
		cost: { kind: 'reduced', cents: 22_900 }
	});
	ids.schleswigCourse = await course({
		organisationId: world.awo,
		placeId: await place('Schleswig'),
		title: 'Integrationskurs Schleswig',
		languageLevelExit: 'B1'
	});
	await course({
		organisationId: world.vhs,
		placeId: await place('Schleswig'),
		title: 'Berufssprachkurs Pflege',
		languages: ['de', 'ru'],
		languageLevel: 'B1',
		languageLevelExit: 'B2'
	});
	ids.online = await course({
		organisationId: world.vhs,
		title: 'Deutsch online für Eltern',
		languages: ['de', 'uk'],
		languageLevelExit: 'A2'
	});
	const flensburg = await createOrganisation(db, {
		districtId: world.places.districts.flensburg,
		name: 'Sprachschule Flensburg'
	});
	await course({
		organisationId: flensburg,
		placeId: await place('Flensburg'),
		title: 'Integrationskurs Flensburg',
		languages: ['de', 'tr']
	});
	await createOffer(db, {
		organisationId: world.awo,
		placeId: await place('Kropp'),
		actionFields: ['health'],
		title: 'Gesundheitslotsen Kropp'
	});
	const chain = await createTestChain(
		db,
		{
			districtId: world.districtId,
			stages: [
				{
					key: 'course',
					title: 'Integrationskurs',
					rules: {
						actionFields: ['language'],
						entryLevelMax: 'none',
						keywords: ['Integrationskurs'],
						onlineAllowed: false
					}
				},
				{
					key: 'job',
					title: 'Berufssprachkurs B2',
					follows: ['course'],
					rules: { exitLevelMin: 'B2' },
					reachKm: 30,
					onlineCounts: true
				}
			]
		},
		NOW
	);
	ids.chain = chain.chainId;
	Object.assign(stage, chain.stages);
}

const column = (matrix: GapMatrix, title: string) =>
	matrix.chains[0]!.stages.findIndex((s) => s.title === title);

/** Per municipality: the nearest offer's distance rounded to 0.01 km, or "gap". */
function cellsOf(matrix: GapMatrix, title: string): Record<string, string> {
	const index = column(matrix, title);
	return Object.fromEntries(
		matrix.rows.map((row) => {
			const cell = row.cells[index]!;
			const km = cell.nearest ? cell.nearest.distanceKm.toFixed(2) : '–';
			return [row.municipality.name, cell.covered ? km : `gap ${km}`];
		})
	);
}

async function stageView(database: Database, key: keyof typeof stage): Promise<StageView> {
	const chain = await getChain(database.db, viewer, ids.chain);
	return chain.stages.find((s) => s.id === stage[key])!;
}

describeEachDialect(
	'support chains: matching offers and coverage per municipality',
	({ database }) => {
		it('lists a stage’s offers with the reasons each matched', async () => {
			const offers = await stageOffers(
				database().db,
				viewer,
				await stageView(database(), 'course'),
				'de',
				NOW
			);
			expect(offers.map((o) => [o.offer.title.text, o.placeName, o.reasons])).toEqual([
				[
					'Integrationskurs Flensburg',
					'Flensburg',
					[
						{ rule: 'actionField', value: 'language' },
						{ rule: 'entryLevel', value: 'none' },
						{ rule: 'keyword', value: 'Integrationskurs' }
					]
				],
				[
					'Integrationskurs in Kappeln',
					'Kappeln',
					[
						{ rule: 'actionField', value: 'language' },
						{ rule: 'entryLevel', value: 'none' },
						{ rule: 'keyword', value: 'Integrationskurs' }
					]
				],
				[
					'Integrationskurs Schleswig',
					'Schleswig',
					[
						{ rule: 'actionField', value: 'language' },
						{ rule: 'entryLevel', value: 'none' },
						{ rule: 'keyword', value: 'Integrationskurs' }
					]
				]
			]);
			const job = await stageOffers(
				database().db,
				viewer,
				await stageView(database(), 'job'),
				'de',
				NOW
			);
			expect(job.map((o) => [o.offer.title.text, o.reasons])).toEqual([
				['Berufssprachkurs Pflege', [{ rule: 'exitLevel', value: 'B2' }]]
			]);
		});

		it('finds the nearest offer per municipality, across the district line, and the gaps', async () => {
			const matrix = await gapMatrix(database().db, viewer, { chainId: ids.chain }, 'de', NOW);
			// By Amt (Geltinger Bucht, Kropp-Stapelholm, Süderbrarup), then the towns without one.
			expect(matrix.rows.map((row) => row.municipality.name)).toEqual([
				'Gelting',
				'Kropp',
				'Süderbrarup',
				'Harrislee',
				'Kappeln',
				'Schleswig'
			]);
			expect(cellsOf(matrix, 'Integrationskurs')).toEqual({
				Kappeln: '0.00',
				Schleswig: '0.00',
				Harrislee: '4.01',
				Süderbrarup: '10.01',
				Gelting: '10.07',
				Kropp: '11.97'
			});
			expect(cellsOf(matrix, 'Berufssprachkurs B2')).toEqual({
				Kappeln: '28.60',
				Schleswig: '0.00',
				Harrislee: 'gap 32.95',
				Süderbrarup: '19.08',
				Gelting: 'gap 33.59',
				Kropp: '11.97'
			});
			const job = matrix.chains[0]!.stages[1]!;
			expect(job.gaps).toEqual({
				municipalities: 2,
				inhabitants: 11_596 + 1_867,
				unknownPopulation: 0
			});
			expect(matrix.rows[1]!.cells[0]!.nearestOffer?.title.text).toBe('Integrationskurs Schleswig');
		});

		it('counts only offers in the chosen language, and sorts the gaps first', async () => {
			const matrix = await gapMatrix(
				database().db,
				viewer,
				{ chainId: ids.chain, language: 'ar', sort: `stage-${stage.course}` },
				'de',
				NOW
			);
			expect(cellsOf(matrix, 'Integrationskurs')).toEqual({
				Harrislee: 'gap 38.42',
				Kropp: 'gap 38.14',
				Schleswig: 'gap 28.60',
				Gelting: '10.07',
				Süderbrarup: '10.01',
				Kappeln: '0.00'
			});
			expect(matrix.chains[0]!.stages[0]!.gaps).toEqual({
				municipalities: 3,
				inhabitants: 24_114 + 11_596 + 6_320,
				unknownPopulation: 0
			});
			expect(Object.keys(cellsOf(matrix, 'Integrationskurs'))).toEqual([
				'Harrislee',
				'Kropp',
				'Schleswig',
				'Gelting',
				'Süderbrarup',
				'Kappeln'
			]);
		});

		it('an online offer covers every municipality where the chain says online counts', async () => {
			const db = database().db;
			const job = await stageView(database(), 'job');
			await updateStage(
				db,
				coordinator,
				job.id,
				{ ...job, follows: job.follows, includedOfferIds: [ids.online] },
				NOW
			);
			const matrix = await gapMatrix(db, viewer, { chainId: ids.chain }, 'de', NOW);
			const cells = matrix.rows.map((row) => row.cells[1]!);
			expect(cells.every((cell) => cell.covered && cell.onlineExists)).toBe(true);
			expect(matrix.chains[0]!.stages[1]!.gaps.municipalities).toBe(0);
		});

		it('says which municipalities lose a stage if an offer or an organisation ends', async () => {
			const db = database().db;
			const offer = await whatIf(db, viewer, { offerId: ids.kappelnCourse }, 'de', NOW);
			expect(offer.offers.map((o) => o.title.text)).toEqual(['Integrationskurs in Kappeln']);
			expect(
				offer.losses.map((loss) => [
					loss.stageTitle,
					loss.municipalities.map((m) => m.name),
					loss.inhabitants
				])
			).toEqual([['Integrationskurs', ['Gelting', 'Kappeln'], 1_867 + 9_677]]);
			const organisation = await whatIf(db, viewer, { organisationId: ids.awo }, 'de', NOW);
			expect(organisation.losses.map((loss) => loss.municipalities.map((m) => m.name))).toEqual([
				['Kropp', 'Schleswig']
			]);
		});
	},
	seed,
	{ isolation: 'test' }
);
