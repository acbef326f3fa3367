// The gap matrix of issue 11: every chain × stage × municipality of the district, at 100,000
// offers and 1,000 places, against p95 ≤ 200 ms; how it grows with offers and with places; and
// the first computation after a change, which reads and matches the offers once per offers
// version and works out the columns once per places list.
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { createAccount } from '../src/lib/server/accounts/accounts.service.js';
import type { ChainEditor } from '../src/lib/server/chains/chain-access.js';
import type { ChainInput, StageInput } from '../src/lib/server/chains/chains.schema.js';
import { createChain } from '../src/lib/server/chains/chains.service.js';
import { gapMatrix } from '../src/lib/server/chains/coverage.service.js';
import { createStage } from '../src/lib/server/chains/stages.service.js';
import { openDatabase } from '../src/lib/server/db/database.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';
import type { DB } from '../src/lib/server/db/schema.js';
import { setSetting } from '../src/lib/server/db/settings.repository.js';
import { OFFERS_VERSION_SETTING } from '../src/lib/server/offers/offers.schema.js';
import { forgetPlaces } from '../src/lib/server/places/places.service.js';
import { loadReferencePlaces } from '../src/lib/server/places/reference.js';
import { generateOffers } from './generate.js';
import { percentile } from './figures.js';

export const GAP_MATRIX_TARGET_MS = 200;
const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const PLACES = Number(process.env.BENCH_PLACES ?? 1_000);
const RUNS = Number(process.env.BENCH_CHAIN_RUNS ?? 50);

/** Deterministic pseudo-random numbers, so every run measures the same district. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 4294967296;
		return state / 4294967296;
	};
}

/**
 * Fills the first district up to `count` places with synthetic ones inside its bounding box:
 * each its own municipality (a key of its own), most in one of a dozen Ämter, populations from
 * a few hundred to a small town's, skewed as villages are. Places are reference data without a
 * service that writes them (they load from content/places), so they are written directly.
 */
async function fillDistrict(db: Kysely<DB>, count: number): Promise<number> {
	const { id: districtId } = await db
		.selectFrom('districts')
		.select('id')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const known = await db
		.selectFrom('places')
		.select(['lat', 'lon'])
		.where('districtId', '=', districtId)
		.execute();
	const lats = known.map((place) => place.lat);
	const lons = known.map((place) => place.lon);
	const [south, north, west, east] = [
		Math.min(...lats),
		Math.max(...lats),
		Math.min(...lons),
		Math.max(...lons)
	];
	const next = random(7);
	const rows = Array.from({ length: Math.max(0, count - known.length) }, (_, index) => ({
		districtId,
		ags: `0105${String(9000 + index).padStart(4, '0')}`,
		name: `Testdorf ${index + 1}`,
		amt: next() < 0.85 ? `Amt Bench ${1 + Math.floor(next() * 12)}` : null,
		lat: south + next() * (north - south),
		lon: west + next() * (east - west),
		population: Math.round(150 * Math.exp(next() * next() * 5)),
		geonamesId: null
	}));
	for (let start = 0; start < rows.length; start += 200)
		await db
			.insertInto('places')
			.values(rows.slice(start, start + 200))
			.execute();
	return districtId;
}

type BenchStage = Partial<StageInput> & { key: string; title: string; after?: string[] };

/** Three chains like the demo's, with rules that select among the generated offers' topics. */
const CHAINS: { title: string; actionFields: ChainInput['actionFields']; stages: BenchStage[] }[] =
	[
		{
			title: 'Sprache bis Arbeit',
			actionFields: ['language', 'work'],
			stages: [
				{
					key: 'beratung',
					title: 'Beratung und Einstufung',
					rules: { actionFields: ['language'], keywords: ['Beratung'] },
					reachKm: 30
				},
				{
					key: 'cafe',
					title: 'Deutsch üben im Sprachcafé',
					rules: { actionFields: ['language'], keywords: ['Sprachcafé'], cost: 'free' },
					reachKm: 15,
					after: ['beratung']
				},
				{
					key: 'kurs',
					title: 'Integrationskurs',
					rules: {
						actionFields: ['language'],
						entryLevelMax: 'none',
						keywords: ['Integrationskurs', 'Deutschkurs']
					},
					after: ['beratung', 'cafe']
				},
				{
					key: 'anerkennung',
					title: 'Anerkennung',
					rules: { actionFields: ['work'], keywords: ['Anerkennungsberatung'] },
					reachKm: 40,
					onlineCounts: true,
					after: ['kurs']
				},
				{
					key: 'arbeit',
					title: 'Arbeit finden',
					rules: { actionFields: ['work'], keywords: ['Bewerbungstraining'] },
					after: ['anerkennung', 'kurs']
				}
			]
		},
		{
			title: 'Ankommen und Wohnen',
			actionFields: ['housing'],
			stages: [
				{
					key: 'beratung',
					title: 'Erste Beratung',
					rules: { targetGroups: ['refugees', 'newcomers'], keywords: ['Beratung'] }
				},
				{
					key: 'wohnen',
					title: 'Wohnungssuche',
					rules: { actionFields: ['housing'] },
					reachKm: 20,
					after: ['beratung']
				},
				{
					key: 'miete',
					title: 'Mietrecht',
					rules: { actionFields: ['housing'], keywords: ['Mietrechtsberatung'], cost: 'free' },
					onlineCounts: true,
					after: ['wohnen']
				},
				{
					key: 'gesund',
					title: 'Gesundheit',
					rules: { actionFields: ['health'], keywords: ['Gesundheitslotsen'] },
					after: ['beratung']
				}
			]
		},
		{
			title: 'Teilhabe von Frauen',
			actionFields: ['women'],
			stages: [
				{
					key: 'treff',
					title: 'Treffpunkt für Frauen',
					rules: { actionFields: ['women'], keywords: ['Frauentreff'], onlineAllowed: false },
					reachKm: 20
				},
				{
					key: 'eltern',
					title: 'Elterncafé',
					rules: { targetGroups: ['women', 'families'], keywords: ['Elterncafé'] },
					after: ['treff']
				},
				{
					key: 'rad',
					title: 'Mobil werden',
					rules: { keywords: ['Fahrradwerkstatt'] },
					after: ['treff']
				},
				{
					key: 'beruf',
					title: 'Berufliche Orientierung',
					rules: { actionFields: ['work'], targetGroups: ['women'] },
					reachKm: 30,
					after: ['eltern', 'rad']
				}
			]
		}
	];

async function createChains(db: Kysely<DB>, districtId: number): Promise<ChainEditor> {
	const id = await createAccount(db, {
		districtId,
		email: 'bench.chains@kitz.example',
		name: 'Bench Chains',
		role: 'coordinator',
		organisationIds: []
	});
	const editor: ChainEditor = { id, role: 'coordinator', districtId, organisationIds: [] };
	for (const chain of CHAINS) {
		const chainId = await createChain(db, editor, {
			title: chain.title,
			publicTitle: chain.title,
			introduction: '',
			actionFields: chain.actionFields,
			isPublic: false
		});
		const ids = new Map<string, number>();
		for (const { key, after = [], ...stage } of chain.stages)
			ids.set(
				key,
				await createStage(db, editor, chainId, {
					achieves: '',
					isOptional: false,
					reachKm: 25,
					onlineCounts: false,
					...stage,
					rules: stage.rules!,
					follows: after.map((other) => ids.get(other)!)
				})
			);
	}
	return editor;
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

/**
 * Leaves `count` places in the district, moving the newest to the neighbouring one: their offers
 * stay and still count across the line, as Flensburg's do, while the matrix has fewer rows.
 * Places are reference data no service writes, so this is a direct write too.
 */
async function shrinkDistrict(db: Kysely<DB>, districtId: number, count: number): Promise<void> {
	const { id: neighbour } = await db
		.selectFrom('districts')
		.select('id')
		.where('id', '!=', districtId)
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const surplus = await db
		.selectFrom('places')
		.select('id')
		.where('districtId', '=', districtId)
		.orderBy('id', 'desc')
		.execute();
	const moved = surplus.slice(0, Math.max(0, surplus.length - count)).map((row) => row.id);
	for (let start = 0; start < moved.length; start += 500)
		await db
			.updateTable('places')
			.set({ districtId: neighbour })
			.where('id', 'in', moved.slice(start, start + 500))
			.execute();
	forgetPlaces(db);
}

/** The first computation after a change, then RUNS more; one line of figures. */
async function timeMatrix(
	db: Kysely<DB>,
	actor: ChainEditor,
	offers: number,
	places: number
): Promise<number> {
	let started = performance.now();
	const first = await gapMatrix(db, actor, {}, 'de');
	const cold = performance.now() - started;
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		started = performance.now();
		await gapMatrix(db, actor, {}, 'de');
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const [p50, p95] = [percentile(times, 0.5), percentile(times, 0.95)];
	const stages = first.chains.reduce((sum, chain) => sum + chain.stages.length, 0);
	// The target holds at the full size; a reduced run (BENCH_OFFERS, BENCH_PLACES) only shows.
	const full = offers === OFFERS && places === PLACES;
	const verdict = !full
		? ''
		: OFFERS >= 100_000 && PLACES >= 1_000
			? `  target p95 ≤ ${GAP_MATRIX_TARGET_MS} ms: ${p95 <= GAP_MATRIX_TARGET_MS ? 'pass' : 'FAIL'}`
			: `  (reduced size; the target is for 100,000 offers and 1,000 places)`;
	console.log(
		`  ${offers.toLocaleString('en').padStart(7)} offers ${String(places).padStart(5)} places` +
			` (${stages} stages × ${first.rows.length} municipalities)` +
			`  first ${ms(cold)}  p50 ${ms(p50)}  p95 ${ms(p95)}${verdict}`
	);
	return p95;
}

/**
 * Prints the gap matrix's figures on one SQLite database that grows: offers at a tenth, half and
 * all of BENCH_OFFERS (each step a new offers version, so the first computation reads and
 * matches them all again), then the district shrunk to half and a quarter of its places; returns
 * the p95 at all offers and places.
 */
export async function benchChains(folder: string): Promise<number> {
	console.log(
		`\nGap matrix of the support chains, every chain × stage × municipality (SQLite, ${RUNS} runs after the first)`
	);
	const database = openDatabase(`sqlite://${join(folder, 'chains.sqlite')}`);
	const db = database.db;
	let full = 0;
	try {
		await migrateToLatest(db);
		await loadReferencePlaces(db, resolve('content'));
		const districtId = await fillDistrict(db, PLACES);
		const actor = await createChains(db, districtId);
		let made = 0;
		for (const share of [0.1, 0.5, 1]) {
			const total = Math.round(OFFERS * share);
			await generateOffers(db, total - made, resolve('content'), made);
			made = total;
			// Generated rows bypass the offers service, which would mark the change itself.
			await setSetting(db, OFFERS_VERSION_SETTING, `bench-${made}`);
			full = await timeMatrix(db, actor, made, PLACES);
		}
		for (const share of [0.5, 0.25]) {
			const places = Math.round(PLACES * share);
			await shrinkDistrict(db, districtId, places);
			await timeMatrix(db, actor, made, places);
		}
	} finally {
		await database.close();
	}
	return full;
}
