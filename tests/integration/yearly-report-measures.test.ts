import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database.js';
import { createConceptVersion } from '../../src/lib/server/measures/concept.service.js';
import { listFundingSources } from '../../src/lib/server/measures/funding-sources.service.js';
import { createGoal } from '../../src/lib/server/measures/goals.service.js';
import { createIndicator, recordValue } from '../../src/lib/server/measures/indicators.service.js';
import {
	addMilestone,
	setBudget,
	setMilestoneDoneOn,
	setReach
} from '../../src/lib/server/measures/measure-parts.service.js';
import type { MeasureInput } from '../../src/lib/server/measures/measures.schema.js';
import {
	createMeasure,
	type MeasureActor
} from '../../src/lib/server/measures/measures.service.js';
import { reportFile } from '../../src/lib/server/reports/yearly-report-files.service.js';
import { yearlyReport } from '../../src/lib/server/reports/yearly-report.service.js';
import { reportView, type ReportTable } from '../../src/lib/server/reports/yearly-report.view.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import { describeEachDialect } from '../support/databases.js';
import { docxText, pdfText } from '../support/documents.js';
import { districtWithPartners } from '../support/scenarios.js';

// 2025 is closed; 2026 runs.
const NOW = new Date('2026-03-10T10:00:00.000Z');
const LATER = new Date('2026-03-20T10:00:00.000Z');
let coordinator: MeasureActor;
const ids = {} as Record<'vhs' | 'goal' | 'indicator' | 'computed' | 'cafe' | 'source', number>;

const measure = (overrides: Partial<MeasureInput>): MeasureInput => ({
	title: 'Sprachcafé für Frauen',
	description: '',
	actionFields: ['language', 'women'],
	goalIds: [ids.goal],
	leadOrganisationId: ids.vhs,
	partnerOrganisationIds: [],
	responsibleContactId: null,
	startsOn: '2025-01-01',
	endsOn: '2026-12-31',
	progressMode: 'milestones',
	isPublic: false,
	links: [],
	decisionId: null,
	...overrides
});

const reach = (period: string, participants: number, women: number | null = null) => ({
	period,
	participants,
	women,
	men: null,
	diverse: null,
	ageMinors: null,
	ageYoungAdults: null,
	ageAdults: null,
	ageSeniors: null
});

async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	ids.vhs = world.vhs;
	coordinator = await world.staff('coordinator');
	const at = new Date('2025-02-01T09:00:00.000Z');
	const version = await createConceptVersion(
		db,
		coordinator,
		{
			title: 'Wir sind Vielfalt',
			adoptedOn: '2025-01-15',
			periodFrom: 2025,
			periodTo: 2027,
			documentUrl: ''
		},
		at
	);
	const guiding = await createGoal(db, coordinator, version, {
		actionField: 'language',
		parentId: null,
		text: 'Alle lernen Deutsch, so gut sie es brauchen.'
	});
	ids.goal = await createGoal(db, coordinator, version, {
		actionField: 'language',
		parentId: guiding,
		text: 'Sprachkurse mit Kinderbetreuung in jedem Amt.'
	});
	ids.indicator = await createIndicator(
		db,
		coordinator,
		ids.goal,
		{
			name: 'Kurse mit Kinderbetreuung',
			unit: 'Kurse',
			direction: 'higher',
			periodKind: 'year',
			baselineValue: '2',
			baselineOn: '2024-12-31',
			targetValue: '10',
			targetYear: '2027',
			computation: null,
			computationParameter: null
		},
		at
	);
	await recordValue(db, coordinator, ids.indicator, { period: '2025', value: '5' }, NOW);
	ids.computed = await createIndicator(
		db,
		coordinator,
		guiding,
		{
			name: 'Veröffentlichte Sprachangebote',
			unit: 'Angebote',
			direction: 'higher',
			periodKind: 'year',
			baselineValue: '',
			baselineOn: '',
			targetValue: '',
			targetYear: '',
			computation: 'published_offers',
			computationParameter: null
		},
		at
	);

	ids.cafe = await createMeasure(
		db,
		coordinator,
		measure({}),
		{ status: 'running', statusOn: '2025-01-01', reason: '' },
		NOW
	);
	// Starts after 2025: not in its report.
	await createMeasure(
		db,
		coordinator,
		measure({ title: 'Elternabende', startsOn: '2026-06-01', endsOn: null }),
		{ status: 'planned', statusOn: '2026-02-01', reason: '' },
		NOW
	);
	const done = await addMilestone(
		db,
		coordinator,
		ids.cafe,
		{ title: 'Räume finden', dueOn: '2025-03-01', decisionId: null },
		NOW
	);
	await addMilestone(
		db,
		coordinator,
		ids.cafe,
		{ title: 'Abschlussfest', dueOn: '2026-12-01', decisionId: null },
		NOW
	);
	await setMilestoneDoneOn(db, coordinator, ids.cafe, done, '2025-02-20', NOW);
	// Reported per quarter, and for the whole year too: the year's figure counts, not both.
	await setReach(db, coordinator, ids.cafe, reach('2025-Q1', 10, 7), NOW);
	await setReach(db, coordinator, ids.cafe, reach('2025-Q2', 12, 8), NOW);
	await setReach(db, coordinator, ids.cafe, reach('2025', 18, 11), NOW);
	ids.source = (await listFundingSources(db, coordinator, {}, NOW))[0]!.id;
	await setBudget(
		db,
		coordinator,
		ids.cafe,
		{ fundingSourceId: ids.source, year: 2025, plannedCents: 2_500_00, spentCents: 1_250_50 },
		NOW
	);
	await setBudget(
		db,
		coordinator,
		ids.cafe,
		{ fundingSourceId: ids.source, year: 2026, plannedCents: 9_000_00, spentCents: 0 },
		NOW
	);
}

const tablesOf = async (db: Database['db'], period: string, now = NOW) =>
	reportView(await yearlyReport(db, coordinator, period, now), 'de').sections.flatMap(
		(section) => section.tables
	);
const table = (tables: ReportTable[], key: string) => tables.find((t) => t.key === key)!;

describeEachDialect(
	'yearly report: concept, measures and budget',
	({ database }) => {
		it('shows goals with indicator values against the target, measures with reach, the budget', async () => {
			const db = database().db;
			const view = reportView(await yearlyReport(db, coordinator, '2025', NOW), 'de');
			const tables = view.sections.flatMap((section) => section.tables);
			const concept = view.sections.find((section) => section.key === 'concept-language')!;
			expect(concept.notes).toContain('Leitziel: Alle lernen Deutsch, so gut sie es brauchen.');
			expect(table(tables, 'goals-language').rows).toEqual([
				[
					'Alle lernen Deutsch, so gut sie es brauchen.',
					'Veröffentlichte Sprachangebote',
					'Angebote',
					'',
					0,
					'2025',
					'',
					''
				],
				[
					'Sprachkurse mit Kinderbetreuung in jedem Amt.',
					'Kurse mit Kinderbetreuung',
					'Kurse',
					2,
					5,
					'2025',
					10,
					'2027'
				]
			]);
			// A computed indicator: the closed year frozen, the running one not in a closed year's report.
			expect(table(tables, `indicator-${ids.computed}`).rows).toEqual([['2025', 0]]);
			const running = await tablesOf(db, '2026');
			expect(table(running, `indicator-${ids.computed}`).rows).toEqual([
				['2025', 0],
				['2026', 0]
			]);
			const series = table(tables, `indicator-${ids.indicator}`);
			expect(series.rows).toEqual([['2025', 5, 10, 2]]);
			expect(series.chart?.svg).toContain('<svg');

			const measures = table(tables, 'measures').rows;
			expect(measures).toEqual([
				[
					'Sprachcafé für Frauen',
					'Volkshochschule Kappeln',
					'Läuft (1. Januar 2025)',
					50,
					'Grün',
					18
				],
				['Insgesamt', '', '', '', '', 18]
			]);
			expect(table(tables, 'measures-reach').rows).toEqual([
				['Sprachcafé für Frauen', 'Sprache, Frauen', 18, 11, '', ''],
				['Insgesamt', '', 18, 11, 0, 0]
			]);
			// All green: no table of reasons.
			expect(table(tables, 'measures-attention')).toBeUndefined();
			expect(table(tables, 'measures-by-status').rows).toContainEqual(['Läuft', 0, 0, 1, 1]);
			// The first half-year sums its quarters.
			const half = await tablesOf(db, '2025-H1');
			expect(table(half, 'measures').rows[0]![5]).toBe(22);

			const budget = table(tables, 'budget-by-source');
			expect(budget.rows).toEqual([
				[expect.any(String), 2500, 1250.5, 1249.5],
				['Insgesamt', 2500, 1250.5, 1249.5]
			]);
			// In English: the same figures in English words, the goal's German text where untranslated.
			const english = reportView(await yearlyReport(db, coordinator, '2025', NOW), 'en');
			const englishTables = english.sections.flatMap((section) => section.tables);
			expect(table(englishTables, 'measures').rows).toEqual([
				[
					'Sprachcafé für Frauen',
					'Volkshochschule Kappeln',
					'Running (January 1, 2025)',
					50,
					'Green',
					18
				],
				['Total', '', '', '', '', 18]
			]);
			expect(table(englishTables, 'goals-language').rows[1]![0]).toBe(
				'Sprachkurse mit Kinderbetreuung in jedem Amt.'
			);
			expect(english.sections.map((section) => section.heading)).toContain(
				'Language: goals and indicators'
			);
			const summary = Object.fromEntries(view.summary);
			expect(summary['Maßnahmen im Zeitraum']).toBe('1 (vorher 0, Veränderung +1)');
			expect(summary['Teilnehmende an Maßnahmen']).toBe('18 (vorher 0, Veränderung +18)');
			expect(summary['Budget 2025']).toBe('geplant 2.500,00\u00a0€, ausgegeben 1.250,50\u00a0€');
			expect(summary['Ziele und Indikatoren']).toBe('2 Ziele, 2 Indikatoren');
		});

		it('keeps a closed period as frozen when values, reach and budget change later', async () => {
			const db = database().db;
			const before = await tablesOf(db, '2025', NOW);
			await recordValue(db, coordinator, ids.indicator, { period: '2025', value: '7' }, LATER);
			await setReach(db, coordinator, ids.cafe, reach('2025', 40), LATER);
			await setBudget(
				db,
				coordinator,
				ids.cafe,
				{ fundingSourceId: ids.source, year: 2025, plannedCents: 3_000_00, spentCents: 3_000_00 },
				LATER
			);
			expect(await tablesOf(db, '2025', LATER)).toEqual(before);
			// The running year is live: it sees the change of its budget.
			await setBudget(
				db,
				coordinator,
				ids.cafe,
				{ fundingSourceId: ids.source, year: 2026, plannedCents: 9_500_00, spentCents: 0 },
				LATER
			);
			const running = await tablesOf(db, '2026', LATER);
			expect(table(running, 'budget-by-source').rows.at(-1)).toEqual(['Insgesamt', 9500, 0, 9500]);
		});

		it('writes the new tables as XLSX with numbers, and the DOCX and PDF with their charts', async () => {
			const db = database().db;
			const file = (name: string) => reportFile(db, coordinator, '2025', name, 'de', NOW);
			const workbook = (await file('budget-by-source.xlsx')).body as Uint8Array;
			const sheet = new ExcelJS.Workbook();
			await sheet.xlsx.load(Buffer.from(workbook) as never);
			expect(sheet.worksheets[0]!.getCell('C2').value).toBe(1250.5);
			expect((await readXlsx(workbook))[0]).toEqual([
				'Fördermittelquelle',
				'Geplant',
				'Ausgegeben',
				'Verbleibend'
			]);
			const series = await file(`indicator-${ids.indicator}.csv`);
			expect(series.body).toContain('2025');
			const docx = await docxText((await file('report.docx')).body as Uint8Array);
			const pdf = (await pdfText((await file('report.pdf')).body as Uint8Array)).text;
			for (const text of [docx.text, pdf]) {
				expect(text).toContain('Sprache: Ziele und Indikatoren');
				expect(text).toContain('Kurse mit Kinderbetreuung (Kurse)');
				expect(text).toContain('Sprachcafé für Frauen');
				expect(text).toContain('geplant 2.500,00 €, ausgegeben 1.250,50 €');
			}
			// Charts as pictures: the two indicators, measures by status, offers, budget.
			expect(docx.xml.match(/<pic:pic\b/g)).toHaveLength(5);
		}, 60_000);
	},
	seed,
	{ isolation: 'test' }
);
