import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Actor } from '../../src/lib/server/accounts/authorization.js';
import { ACTION_FIELDS } from '../../src/lib/server/action-fields/action-fields.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { seedDemo } from '../../src/lib/server/demo/demo.js';
import { currentConceptVersion } from '../../src/lib/server/measures/concept.service.js';
import { goalsOfVersion } from '../../src/lib/server/measures/goals.service.js';
import { goalIndicatorSeries } from '../../src/lib/server/measures/indicators.service.js';
import { getMeasure } from '../../src/lib/server/measures/measure-detail.service.js';
import { listMeasures } from '../../src/lib/server/measures/measures.service.js';
import { MEASURE_STATUSES } from '../../src/lib/server/measures/measures.table.js';
import { getMinutes } from '../../src/lib/server/minutes/minutes.service.js';
import { FIGURE_SECTION_KEYS } from '../../src/lib/server/reports/report-figures.js';
import { yearlyReport } from '../../src/lib/server/reports/yearly-report.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { describeEachDialect } from '../support/databases.js';
import {
	getCommittee,
	listCommittees
} from '../../src/lib/server/committees/committees.service.js';

const CONTENT = resolve('content');
const NOW = new Date('2026-12-01T09:00:00Z');
const PASSWORD = 'demo-password-for-tests';
const SEEDED_TABLES = [
	'organisations',
	'offers',
	'translations',
	'pages',
	'contactPersons',
	'users',
	'contacts',
	'networks',
	'meetings'
] as const satisfies readonly (keyof DB)[];

let broken: string;

async function staff(db: Kysely<DB>, email: string) {
	const user = await db
		.selectFrom('users')
		.select(['id', 'role', 'districtId'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return {
		id: user.id,
		role: user.role as Actor['role'],
		districtId: user.districtId,
		organisationIds: []
	};
}

/** Whether a report section holds any figure above zero, however deep. */
const hasFigures = (value: unknown): boolean =>
	typeof value === 'number'
		? value > 0
		: typeof value === 'object' && value !== null && Object.values(value).some(hasFigures);

/** A copy of the content whose last demo file fails after everything before it was written. */
beforeAll(async () => {
	broken = await mkdtemp(join(tmpdir(), 'kitz-demo-'));
	await cp(join(CONTENT, 'demo'), join(broken, 'demo'), { recursive: true });
	const file = join(broken, 'demo', 'contacts.json');
	const content = JSON.parse(await readFile(file, 'utf8'));
	content.contacts.at(-1).consents.push({
		purpose: 'no-such-purpose',
		givenOn: '2026-01-01',
		source: 'written'
	});
	await writeFile(file, JSON.stringify(content));
});

afterAll(async () => {
	await rm(broken, { recursive: true, force: true });
});

describeEachDialect(
	'demo seeding',
	({ database }) => {
		const rowCounts = async () => {
			const db = database().db;
			const counts: Record<string, number> = {};
			for (const table of SEEDED_TABLES)
				counts[table] = Number(
					(
						await db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			return counts;
		};

		it('leaves nothing behind when it fails part-way, and seeds fully on the next start', async () => {
			const db = database().db;
			await expect(seedDemo(db, { contentDir: broken, password: PASSWORD }, NOW)).rejects.toThrow(
				/no-such-purpose/
			);
			expect(await rowCounts()).toEqual(
				Object.fromEntries(SEEDED_TABLES.map((table) => [table, 0]))
			);

			await seedDemo(db, { contentDir: CONTENT, password: PASSWORD }, NOW);
			const counts = await rowCounts();
			expect(counts.offers).toBe(197);
			expect(counts.users).toBe(5);
			expect(counts.contactPersons).toBeGreaterThan(0);
			expect(counts.contacts).toBeGreaterThan(0);
			expect(counts.networks).toBeGreaterThan(0);
		}, 120_000);

		// The tests below read the demo the first one seeded.
		it('has a past: offers entered over 30 months, some taken off last year', async () => {
			const offers = await database()
				.db.selectFrom('offers')
				.select(['createdAt', 'status', 'validFrom'])
				.execute();
			const created = offers.map((offer) => offer.createdAt).sort();
			expect(created[0]! < '2024-07-01').toBe(true);
			expect(created.filter((at) => at < '2026-01-01').length).toBeGreaterThan(100);
			// Each is valid from the day it was entered, so past periods count it.
			expect(offers.every((offer) => offer.validFrom === offer.createdAt.slice(0, 10))).toBe(true);
			expect(offers.filter((offer) => offer.status === 'archived')).toHaveLength(5);
		});

		it('has the concept: 2–3 goals per action field, indicators with values for the last three years', async () => {
			const db = database().db;
			const admin = await staff(db, 'admin@kitz.example');
			const version = (await currentConceptVersion(db, admin.districtId, NOW))!;
			expect(version).toMatchObject({ periodFrom: 2023, periodTo: 2028 });
			const fields = await goalsOfVersion(db, admin, version.id);
			expect(fields.map((field) => field.actionField).sort()).toEqual([...ACTION_FIELDS].sort());
			for (const field of fields) {
				expect(field.guiding).not.toBeNull();
				expect(field.subGoals.length).toBeGreaterThanOrEqual(2);
				expect(field.subGoals.length).toBeLessThanOrEqual(3);
				const indicators = (
					await Promise.all(
						field.subGoals.map((goal) => goalIndicatorSeries(db, admin, goal.id, NOW))
					)
				).flat();
				expect(indicators.length).toBeGreaterThan(0);
				for (const indicator of indicators) {
					const years = new Set(indicator.values.map((value) => value.period.slice(0, 4)));
					expect([...years]).toEqual(expect.arrayContaining(['2023', '2024', '2025']));
					if (indicator.computation) {
						// Past years frozen as a running KITZ would have kept them, this year computed.
						expect(indicator.values.find((v) => v.period === '2025')?.kind).toBe('snapshot');
						expect(indicator.values.find((v) => v.period === '2026')?.kind).toBe('live');
					}
				}
			}
		});

		it('has 25+ measures in every status across all fields, with partners, offers and decisions', async () => {
			const db = database().db;
			const coordinator = await staff(db, 'koordination@kitz.example');
			const measures = await listMeasures(db, coordinator, {}, NOW);
			expect(measures.length).toBeGreaterThanOrEqual(25);
			expect(new Set(measures.map((m) => m.status))).toEqual(new Set(MEASURE_STATUSES));
			expect(new Set(measures.flatMap((m) => m.actionFields))).toEqual(new Set(ACTION_FIELDS));
			expect(measures.every((m) => m.leadOrganisationName !== null)).toBe(true);
			// The traffic light has history to judge: not every measure is green.
			expect(new Set(measures.map((m) => m.light)).size).toBeGreaterThan(1);
			const details = await Promise.all(
				measures.map((m) => getMeasure(db, coordinator, m.id, NOW))
			);
			expect(details.filter((m) => m.offers.length > 0).length).toBeGreaterThanOrEqual(15);
			expect(details.filter((m) => m.partners.length > 0).length).toBeGreaterThanOrEqual(10);
			expect(details.filter((m) => m.budget?.length).length).toBeGreaterThanOrEqual(20);
			expect(details.filter((m) => m.reach.length > 0).length).toBeGreaterThanOrEqual(15);
			expect(details.filter((m) => m.history.length > 1).length).toBeGreaterThanOrEqual(20);

			// Meeting → decision → measure: the decision stands in the meeting's minutes.
			const decided = details.filter((m) => m.decision);
			expect(decided.length).toBeGreaterThanOrEqual(2);
			for (const measure of decided) {
				const minutes = await getMinutes(db, coordinator, measure.decision!.meetingId, NOW);
				expect(minutes.general.decisions.map((d) => d.id)).toContain(measure.decisionId);
				// An idea has no start yet; it was entered after the meeting.
				const since = measure.startsOn ?? measure.statusOn;
				expect(measure.decision!.meetingStartsAt < since).toBe(true);
			}
			expect(await db.selectFrom('mailOutbox').select('id').execute()).toEqual([]);
		});

		it('has 15 committees with a current and a previous term, members with consent and small figures', async () => {
			const db = database().db;
			const coordinator = await staff(db, 'koordination@kitz.example');
			const committees = await listCommittees(db, coordinator, undefined, NOW);
			expect(committees).toHaveLength(15);
			expect(new Set(committees.map((c) => c.type)).size).toBe(8);
			expect(committees.some((c) => c.isPublic) && committees.some((c) => !c.isPublic)).toBe(true);
			const details = await Promise.all(
				committees.map((c) => getCommittee(db, coordinator, c.id, NOW))
			);
			expect(details.every((c) => c.currentTerm !== null)).toBe(true);
			expect(details.filter((c) => c.terms.length === 2)).toHaveLength(14);
			expect(
				details.flatMap((c) => c.terms.flatMap((t) => t.members ?? [])).length
			).toBeGreaterThan(10);
			const counts = details.flatMap((c) => c.terms.flatMap((t) => (t.figures ? [t.figures] : [])));
			expect(counts.length).toBeGreaterThan(15);
			expect(counts.some((f) => f.figures.counts.migrationHistory === 'fewer_than_5')).toBe(true);
			expect(counts.some((f) => typeof f.figures.counts.migrationHistory === 'number')).toBe(true);
		});

		it('fills a report for last year: every section has figures, and they changed from the year before', async () => {
			const db = database().db;
			const viewer = await staff(db, 'leitung@kitz.example');
			const report = await yearlyReport(db, viewer, '2025', NOW);
			for (const key of FIGURE_SECTION_KEYS)
				expect([key, hasFigures(report.current.figures[key])]).toEqual([key, true]);
			expect(report.current.figures.offers.total).toBeGreaterThan(
				report.previous.figures.offers.total
			);
			expect(report.current.figures.meetings.networks.every((n) => n.meetings > 0)).toBe(true);
			expect(report.current.figures.meetings.networks.some((n) => n.attendances > 0)).toBe(true);
		});
	},
	async ({ db }) => {
		await loadReferencePlaces(db, CONTENT);
	}
);
