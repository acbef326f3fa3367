import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import {
	actionFieldOverview,
	measuresByStatus,
	type StatusCounts
} from '../../src/lib/server/measures/action-field-overview.js';
import { createConceptVersion } from '../../src/lib/server/measures/concept.service.js';
import { createGoal } from '../../src/lib/server/measures/goals.service.js';
import { createIndicator, recordValue } from '../../src/lib/server/measures/indicators.service.js';
import type { MeasureInput } from '../../src/lib/server/measures/measures.schema.js';
import { createMeasure } from '../../src/lib/server/measures/measures.service.js';
import type { MeasureStatus } from '../../src/lib/server/measures/measures.table.js';
import {
	actionFieldCharts,
	fieldsByStatusChart
} from '../../src/lib/server/reports/overview.view.js';
import type { TestActor } from '../factories/account.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

// The concept covers 2025–2027; 2026 is running.
const NOW = new Date('2026-11-10T10:00:00.000Z');
const actors = {} as Record<'coordinator' | 'viewer' | 'partner', TestActor>;
const ids = {} as Record<
	| 'guiding'
	| 'courses'
	| 'jobs'
	| 'health'
	| 'indicator'
	| 'empty'
	| 'computed'
	| 'cafe'
	| 'jobCourse',
	number
>;

const counts = (figures: Partial<Record<MeasureStatus, number>>): StatusCounts =>
	(['idea', 'planned', 'running', 'completed', 'stopped'] as const).map((status) => ({
		status,
		count: figures[status] ?? 0
	}));

/** A concept with goals in two fields, an indicator with values, and measures in every field. */
async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.partner = await world.staff('partner_editor', [world.vhs]);
	const coordinator = actors.coordinator;
	const version = await createConceptVersion(
		db,
		coordinator,
		{
			title: 'Wir sind Vielfalt',
			adoptedOn: '2025-03-01',
			periodFrom: 2025,
			periodTo: 2027,
			documentUrl: ''
		},
		NOW
	);
	const goal = (actionField: 'language' | 'health', parentId: number | null, text: string) =>
		createGoal(db, coordinator, version, { actionField, parentId, text }, NOW);
	ids.guiding = await goal('language', null, 'Alle erreichen das Sprachniveau, das sie brauchen.');
	ids.courses = await goal('language', ids.guiding, 'Sprachkurse gibt es in jedem Amt.');
	ids.jobs = await goal('language', ids.guiding, 'Berufssprachkurse sind erreichbar.');
	ids.health = await goal('health', null, 'Gesundheitsangebote sind mehrsprachig.');

	const indicator = {
		unit: 'Personen',
		direction: 'higher' as const,
		periodKind: 'year' as const,
		computation: null,
		computationParameter: null
	};
	ids.indicator = await createIndicator(
		db,
		coordinator,
		ids.courses,
		{
			...indicator,
			name: 'Teilnehmende an Sprachkursen',
			baselineValue: '120',
			baselineOn: '2025-01-01',
			targetValue: '200',
			targetYear: '2027'
		},
		NOW
	);
	await recordValue(db, coordinator, ids.indicator, { period: '2025', value: '134' }, NOW);
	await recordValue(db, coordinator, ids.indicator, { period: '2026', value: '151' }, NOW);
	ids.empty = await createIndicator(
		db,
		coordinator,
		ids.guiding,
		{
			...indicator,
			name: 'Kursplätze',
			baselineValue: null,
			baselineOn: null,
			targetValue: null,
			targetYear: null
		},
		NOW
	);

	ids.computed = await createIndicator(
		db,
		coordinator,
		ids.jobs,
		{
			...indicator,
			name: 'Veröffentlichte Angebote',
			baselineValue: null,
			baselineOn: null,
			targetValue: null,
			targetYear: null,
			computation: 'published_offers'
		},
		NOW
	);

	const measure = (
		title: string,
		actionFields: MeasureInput['actionFields'],
		goalIds: number[],
		status: MeasureStatus
	) =>
		createMeasure(
			db,
			coordinator,
			{
				title,
				description: '',
				actionFields,
				goalIds,
				leadOrganisationId: world.vhs,
				partnerOrganisationIds: [],
				responsibleContactId: null,
				startsOn: '2026-01-01',
				endsOn: null,
				progressMode: 'milestones',
				isPublic: false,
				links: [],
				decisionId: null
			},
			{ status, statusOn: '2026-01-01', reason: '' },
			NOW
		);
	ids.cafe = await measure('Sprachcafé', ['language'], [ids.guiding, ids.courses], 'running');
	ids.jobCourse = await measure('Berufssprache', ['language', 'work'], [ids.jobs], 'planned');
	await measure('Gesundheitslotsen', ['health', 'language'], [ids.health], 'completed');
	await measure('Impfberatung', ['health'], [ids.health], 'idea');
}

describeEachDialect(
	'overview per action field',
	({ database }) => {
		const db = () => database().db;

		it('gives the field its goals, each measure with the goals it serves, and counts by status', async () => {
			const overview = await actionFieldOverview(db(), actors.viewer, 'language', 'de', NOW);
			expect(overview.version?.title).toBe('Wir sind Vielfalt');
			expect(overview.goals.map((goal) => goal.id)).toEqual([ids.guiding, ids.courses, ids.jobs]);
			// A measure serving a goal of another field is in the matrix without a mark in this one.
			expect(
				overview.measures.map((measure) => [measure.title, measure.goalIds.sort(), measure.status])
			).toEqual([
				['Berufssprache', [ids.jobs], 'planned'],
				['Gesundheitslotsen', [ids.health], 'completed'],
				['Sprachcafé', [ids.guiding, ids.courses].sort(), 'running']
			]);
			expect(overview.measures.every((measure) => measure.light === 'green')).toBe(true);
			expect(overview.byStatus).toEqual(counts({ planned: 1, running: 1, completed: 1 }));
		});

		it('charts each indicator with the numbers it stores, baseline and target beside them', async () => {
			const overview = await actionFieldOverview(db(), actors.coordinator, 'language', 'en', NOW);
			const [courses] = overview.goals[1]!.indicators;
			expect(courses).toMatchObject({
				id: ids.indicator,
				baseline: { value: 120, on: '2025-01-01' },
				target: { value: 200, year: 2027 }
			});
			expect(courses!.values.map((value) => [value.period, value.value])).toEqual([
				['2025', 134],
				['2026', 151]
			]);
			const charts = actionFieldCharts('en', overview);
			const table = charts.indicators[ids.indicator]!.table;
			expect(table.headers).toEqual([
				'Period',
				'Value',
				'Target 2027',
				'Baseline (January 1, 2025)'
			]);
			expect(table.rows.map((row) => [row.label, ...row.values])).toEqual([
				['2025', 134, 200, 120],
				['2026', 151, 200, 120]
			]);
			// A computed indicator's running period is marked: its value still changes.
			expect(
				charts.indicators[ids.computed]!.table.rows.map((row) => [row.label, ...row.values])
			).toEqual([
				['2025', 0],
				['2026 (still running)', 0]
			]);
			// An indicator without values gets a sentence, not an empty chart.
			expect(charts.indicators[ids.empty]).toBeNull();
			expect(charts.byStatus.table.rows.map((row) => [row.label, row.values[0]])).toEqual([
				['Idea', 0],
				['Planned', 1],
				['Running', 1],
				['Completed', 1],
				['Stopped', 0]
			]);
		});

		it('counts a measure in every field it works in, and once over the district', async () => {
			const byStatus = await measuresByStatus(db(), actors.coordinator, NOW);
			const of = (field: string) =>
				byStatus.fields.find((entry) => entry.actionField === field)!.counts;
			expect(of('language')).toEqual(counts({ planned: 1, running: 1, completed: 1 }));
			expect(of('health')).toEqual(counts({ idea: 1, completed: 1 }));
			expect(of('work')).toEqual(counts({ planned: 1 }));
			expect(of('housing')).toEqual(counts({}));
			expect(byStatus.district).toEqual(counts({ idea: 1, planned: 1, running: 1, completed: 1 }));
			const chart = fieldsByStatusChart('de', byStatus);
			expect(chart.table.rows).toHaveLength(9);
		});

		it('is for staff and viewers: a partner would learn of measures they may not see', async () => {
			await expect(
				actionFieldOverview(db(), actors.partner, 'language', 'de', NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(measuresByStatus(db(), actors.partner, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
		});
	},
	seed
);
