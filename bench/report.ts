// The yearly report's generation time (issue 10): a district with 200 measures, a concept with
// computed and entered indicators, beside the 100,000 offers the rest of the bench generates.
import type { Kysely } from 'kysely';
import { createAccount } from '../src/lib/server/accounts/accounts.service.js';
import { ACTION_FIELDS } from '../src/lib/server/action-fields/action-fields.js';
import type { DB } from '../src/lib/server/db/schema.js';
import { createConceptVersion } from '../src/lib/server/measures/concept.service.js';
import { listFundingSources } from '../src/lib/server/measures/funding-sources.service.js';
import { createGoal } from '../src/lib/server/measures/goals.service.js';
import { createIndicator, recordValue } from '../src/lib/server/measures/indicators.service.js';
import {
	addMilestone,
	setBudget,
	setMilestoneDoneOn,
	setReach
} from '../src/lib/server/measures/measure-parts.service.js';
import { MEASURE_STATUSES } from '../src/lib/server/measures/measures.schema.js';
import { createMeasure, type MeasureActor } from '../src/lib/server/measures/measures.service.js';
import { snapshotClosedPeriods } from '../src/lib/server/measures/indicator-snapshots.js';
import { reportFile } from '../src/lib/server/reports/yearly-report-files.service.js';

const MEASURES = Number(process.env.BENCH_MEASURES ?? 200);

/** The last closed year: the report a coordinator makes for the funder. */
const YEAR = new Date().getUTCFullYear() - 1;

const nullReach = {
	diverse: null,
	ageMinors: null,
	ageYoungAdults: null,
	ageAdults: null,
	ageSeniors: null
};

/**
 * The target for the first generation, which computes and freezes every figure: the coordinator
 * clicks once and waits for the download, so it must finish well inside the 30 s after which
 * browsers and proxies commonly give up, and within the ten seconds after which people stop
 * waiting for a single task (Nielsen's limit). Later files only lay out the frozen figures.
 */
export const REPORT_TARGET_SECONDS = 10;

/** The first district's coordinator, the concept with two indicators per action field, measures. */
export async function generateMeasures(db: Kysely<DB>): Promise<MeasureActor> {
	const { id: districtId } = await db
		.selectFrom('districts')
		.select('id')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const id = await createAccount(db, {
		districtId,
		email: 'bench.coordinator@kitz.example',
		name: 'Bench Coordinator',
		role: 'coordinator',
		organisationIds: []
	});
	const actor: MeasureActor = { id, role: 'coordinator', districtId, organisationIds: [] };
	const organisations = await db
		.selectFrom('organisations')
		.select('id')
		.where('districtId', '=', districtId)
		.limit(20)
		.execute();
	const version = await createConceptVersion(db, actor, {
		title: 'Wir sind Vielfalt',
		adoptedOn: `${YEAR - 2}-03-01`,
		periodFrom: YEAR - 2,
		periodTo: YEAR + 2,
		documentUrl: ''
	});
	const goals: number[] = [];
	for (const actionField of ACTION_FIELDS) {
		const goal = await createGoal(db, actor, version, {
			actionField,
			parentId: null,
			text: `Leitziel im Handlungsfeld ${actionField}`
		});
		goals.push(goal);
		const indicator = (name: string, computation: 'published_offers' | null) => ({
			name,
			unit: 'Anzahl',
			direction: 'higher' as const,
			periodKind: 'year' as const,
			baselineValue: '10',
			baselineOn: `${YEAR - 3}-12-31`,
			targetValue: '100',
			targetYear: String(YEAR + 2),
			computation,
			computationParameter: null
		});
		await createIndicator(
			db,
			actor,
			goal,
			indicator('Veröffentlichte Angebote', 'published_offers')
		);
		const entered = await createIndicator(db, actor, goal, indicator('Teilnehmende', null));
		for (const year of [YEAR - 2, YEAR - 1, YEAR])
			await recordValue(db, actor, entered, { period: String(year), value: String(year - 2000) });
	}
	const sources = await listFundingSources(db, actor, {});
	for (let index = 0; index < MEASURES; index++) {
		const field = ACTION_FIELDS[index % ACTION_FIELDS.length]!;
		const measure = await createMeasure(
			db,
			actor,
			{
				title: `Maßnahme ${index + 1}`,
				description: 'Eine Maßnahme des Benchmarks.',
				actionFields: [field],
				goalIds: [goals[index % goals.length]!],
				leadOrganisationId: organisations[index % organisations.length]?.id ?? null,
				partnerOrganisationIds: [],
				responsibleContactId: null,
				startsOn: `${YEAR - 1}-01-01`,
				endsOn: `${YEAR + 1}-12-31`,
				progressMode: 'milestones',
				isPublic: index % 2 === 0,
				links: [],
				decisionId: null
			},
			{
				status: MEASURE_STATUSES[index % MEASURE_STATUSES.length]!,
				statusOn: `${YEAR - 1}-01-01`,
				reason: 'Beschluss des Netzwerks'
			}
		);
		for (const quarter of [1, 2, 3]) {
			const milestone = await addMilestone(db, actor, measure, {
				title: `Meilenstein ${quarter}`,
				dueOn: `${YEAR}-0${quarter * 3}-28`,
				decisionId: null
			});
			if (quarter < 3)
				await setMilestoneDoneOn(db, actor, measure, milestone, `${YEAR}-0${quarter * 3}-20`);
		}
		for (const year of [YEAR, YEAR + 1])
			await setBudget(db, actor, measure, {
				fundingSourceId: sources[index % sources.length]!.id,
				year,
				plannedCents: 10_000_00 + index * 100_00,
				spentCents: year === YEAR ? 5_000_00 : 0
			});
		for (const quarter of [1, 2, 3, 4])
			await setReach(db, actor, measure, {
				period: `${YEAR}-Q${quarter}`,
				participants: 10 + ((index + quarter) % 20),
				women: 5,
				men: 5,
				...nullReach
			});
	}
	return actor;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Times the report of the last closed year: the first PDF computes every section and freezes it,
 * later files read the snapshot and only lay out the documents.
 */
export async function measureReport(db: Kysely<DB>, actor: MeasureActor): Promise<number> {
	// In the running app the hourly job freezes the closed periods' computed indicators within an
	// hour of their end, long before anyone reports on them; timed apart, as that job's cost.
	const job = performance.now();
	await snapshotClosedPeriods(db);
	console.log(
		`  indicator snapshots of the closed years (hourly job) ${seconds(performance.now() - job)}`
	);
	const timed = async (name: string) => {
		const started = performance.now();
		await reportFile(db, actor, String(YEAR), name, 'de');
		return performance.now() - started;
	};
	const first = await timed('report.pdf');
	const pdf = await timed('report.pdf');
	const docx = await timed('report.docx');
	const xlsx = await timed('measures.xlsx');
	console.log(
		`  report ${YEAR} (${MEASURES} measures): first PDF ${seconds(first)} (computes and freezes; ` +
			`target ≤ ${REPORT_TARGET_SECONDS} s), ` +
			`again PDF ${seconds(pdf)}, DOCX ${seconds(docx)}, a table's XLSX ${seconds(xlsx)}`
	);
	return first;
}
