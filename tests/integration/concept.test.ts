import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { cancelMeeting } from '../../src/lib/server/meetings/meetings.service.js';
import { conceptOverview } from '../../src/lib/server/measures/concept-overview.js';
import { ConceptValidationError } from '../../src/lib/server/measures/concept.errors.js';
import {
	createConceptVersion,
	listConceptVersions,
	updateConceptVersion
} from '../../src/lib/server/measures/concept.service.js';
import type { Computation } from '../../src/lib/server/measures/computations.js';
import {
	createGoal,
	deleteGoal,
	getGoal,
	saveGoalTexts
} from '../../src/lib/server/measures/goals.service.js';
import { snapshotClosedPeriods } from '../../src/lib/server/measures/indicator-snapshots.js';
import {
	createIndicator,
	indicatorSeries,
	recordValue,
	updateIndicator,
	type IndicatorSeries
} from '../../src/lib/server/measures/indicators.service.js';
import type { IndicatorInput } from '../../src/lib/server/measures/concept.schema.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestMeasure, goalsOfMeasure } from '../factories/measure.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createTestTask, type TestTask } from '../factories/task.factory.js';
import { describeEachDialect } from '../support/databases.js';
import type { TestActor } from '../factories/account.factory.js';
import { districtWithPartners } from '../support/scenarios.js';

// 2026 is running, 2025 closed; the concept covers 2025–2027.
const NOW = new Date('2026-11-10T10:00:00.000Z');
const NEXT_YEAR = new Date('2027-01-02T10:00:00.000Z');
const actors = {} as Record<'coordinator' | 'viewer' | 'partner', TestActor>;
const ids = {
	district: 0,
	vhs: 0,
	version: 0,
	language: 0,
	sub: 0,
	other: 0,
	health: 0,
	kappeln: 0
};
const computed = {} as Record<Computation | 'km5' | 'quarterlyMeetings', number>;

const indicator = (overrides: Partial<IndicatorInput> = {}): IndicatorInput => ({
	name: 'Teilnehmende an Sprachkursen',
	unit: 'Personen',
	direction: 'higher',
	periodKind: 'year',
	baselineValue: '120',
	baselineOn: '2025-01-01',
	targetValue: '200',
	targetYear: '2027',
	computation: null,
	computationParameter: null,
	...overrides
});

/** The world every test starts from: a concept with goals, offers, meetings and tasks. */
async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	ids.district = world.districtId;
	ids.vhs = world.vhs;
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.partner = await world.staff('partner_editor', [world.vhs]);
	const place = world.places.place;
	ids.kappeln = await place('Kappeln');
	const offer = (fields: Record<string, unknown>, at: string) =>
		createOffer(
			db,
			{ organisationId: world.vhs, actionFields: ['language'], ...fields },
			new Date(at)
		);
	await offer({ placeId: ids.kappeln, languages: ['de', 'en', 'ar'] }, '2026-10-01T08:00:00Z');
	await offer(
		{ placeId: await place('Schleswig'), languages: ['de', 'en'] },
		'2025-12-01T08:00:00Z'
	);
	await offer({ languages: ['de', 'uk', 'ru', 'ar'] }, '2026-09-01T08:00:00Z');
	await offer({ placeId: await place('Gelting'), status: 'draft' }, '2026-09-01T08:00:00Z');
	await offer(
		{ placeId: await place('Harrislee'), actionFields: ['health'], languages: ['de', 'en', 'tr'] },
		'2026-09-01T08:00:00Z'
	);

	const people: number[] = [];
	for (let index = 0; index < 4; index++)
		people.push(await createTestContact(db, { districtId: world.districtId }));
	// The VHS is a member so that it can own the networks' tasks.
	const members = [{ organisationId: world.vhs }];
	const language = await createTestNetwork(db, {
		districtId: world.districtId,
		actionFields: ['language', 'work'],
		members
	});
	const health = await createTestNetwork(db, {
		districtId: world.districtId,
		actionFields: ['health'],
		members
	});
	const attended = (present: number, absent = 0) =>
		people.slice(0, present + absent).map((contactId, index) => ({
			contactId,
			attendance: index < present ? ('present' as const) : ('absent' as const)
		}));
	await createTestMeeting(db, {
		networkId: language,
		startsAt: '2025-05-05T10:00',
		invitees: attended(2)
	});
	await createTestMeeting(db, {
		networkId: language,
		startsAt: '2026-03-10T14:00',
		invitees: attended(2, 1)
	});
	await createTestMeeting(db, {
		networkId: language,
		startsAt: '2026-06-10T14:00',
		invitees: attended(1)
	});
	await createTestMeeting(db, { networkId: language, startsAt: '2026-12-01T14:00' });
	const cancelled = await createTestMeeting(db, {
		networkId: language,
		startsAt: '2026-04-01T14:00',
		invitees: attended(3)
	});
	await cancelMeeting(db, actors.coordinator, cancelled.id, {
		origin: 'https://kitz.example.org',
		from: 'kitz@example.org'
	});
	await createTestMeeting(db, {
		networkId: health,
		startsAt: '2026-02-02T10:00',
		invitees: attended(1)
	});

	// A task's own action field counts before its network's.
	const task = (fields: Omit<TestTask, 'districtId' | 'title' | 'ownerOrganisationId'>) =>
		createTestTask(db, {
			districtId: world.districtId,
			title: 'Aufgabe',
			ownerOrganisationId: world.vhs,
			...fields
		});
	await task({ networkId: health, actionField: 'language', dueOn: '2026-11-01' });
	await task({ networkId: language, status: 'in_progress', dueOn: '2026-12-01' });
	await task({ networkId: health, actionField: 'language', status: 'done', dueOn: '2026-01-01' });
	await task({ networkId: health, dueOn: '2026-01-01' });
	await task({ networkId: language, actionField: 'health', dueOn: '2026-01-01' });

	const coordinator = actors.coordinator;
	ids.version = await createConceptVersion(
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
	ids.language = await createGoal(db, coordinator, ids.version, {
		actionField: 'language',
		parentId: null,
		text: 'Alle Zugewanderten erreichen das Sprachniveau, das sie brauchen.'
	});
	ids.sub = await createGoal(db, coordinator, ids.version, {
		actionField: 'language',
		parentId: ids.language,
		text: 'Sprachkurse gibt es in jedem Amt.'
	});
	ids.other = await createGoal(db, coordinator, ids.version, {
		actionField: 'language',
		parentId: ids.language,
		text: 'Berufssprachkurse sind in zwei Monaten erreichbar.'
	});
	ids.health = await createGoal(db, coordinator, ids.version, {
		actionField: 'health',
		parentId: null,
		text: 'Gesundheitsangebote sind mehrsprachig.'
	});
	const computedIndicator = (computation: Computation, parameter: number | null = null) =>
		createIndicator(
			db,
			coordinator,
			ids.sub,
			indicator({ name: computation, computation, computationParameter: parameter }),
			NOW
		);
	for (const computation of [
		'published_offers',
		'multilingual_offer_share',
		'meetings_held',
		'meeting_participants',
		'open_tasks',
		'overdue_tasks',
		'offers_confirmed_recently'
	] as const)
		computed[computation] = await computedIndicator(computation);
	computed.municipalities_within_km = await computedIndicator('municipalities_within_km', 15);
	computed.km5 = await computedIndicator('municipalities_within_km', 5);
	computed.quarterlyMeetings = await createIndicator(
		db,
		coordinator,
		ids.sub,
		indicator({ name: 'Treffen je Quartal', periodKind: 'quarter', computation: 'meetings_held' }),
		NOW
	);
}

const valuesOf = (series: IndicatorSeries) =>
	Object.fromEntries(series.values.map((value) => [value.period, [value.value, value.kind]]));

const issuesOf = async (promise: Promise<unknown>) => {
	const failure = await promise.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(ConceptValidationError);
	return (failure as ConceptValidationError).issues;
};

describeEachDialect(
	'integration concept',
	({ database }) => {
		const db = () => database().db;

		it('computes each figure from the other contexts, the same on both dialects', async () => {
			const series = async (key: keyof typeof computed) =>
				valuesOf(await indicatorSeries(db(), actors.viewer, computed[key], NOW));
			// 2025 is frozen at its first read; stock figures are those of that moment.
			expect(await series('published_offers')).toEqual({
				2025: [3, 'snapshot'],
				2026: [3, 'live']
			});
			expect(await series('municipalities_within_km')).toEqual({
				2025: [5, 'snapshot'],
				2026: [5, 'live']
			});
			expect((await series('km5'))['2026']).toEqual([2, 'live']);
			expect((await series('multilingual_offer_share'))['2026']).toEqual([66.7, 'live']);
			expect(await series('meetings_held')).toEqual({ 2025: [1, 'snapshot'], 2026: [2, 'live'] });
			expect(await series('meeting_participants')).toEqual({
				2025: [2, 'snapshot'],
				2026: [3, 'live']
			});
			expect((await series('open_tasks'))['2026']).toEqual([2, 'live']);
			expect((await series('overdue_tasks'))['2026']).toEqual([1, 'live']);
			expect((await series('offers_confirmed_recently'))['2026']).toEqual([2, 'live']);
			// Per quarter: the cancelled April meeting and the one still to come in December do not count.
			expect(await series('quarterlyMeetings')).toEqual({
				'2025-Q1': [0, 'snapshot'],
				'2025-Q2': [1, 'snapshot'],
				'2025-Q3': [0, 'snapshot'],
				'2025-Q4': [0, 'snapshot'],
				'2026-Q1': [1, 'snapshot'],
				'2026-Q2': [1, 'snapshot'],
				'2026-Q3': [0, 'snapshot'],
				'2026-Q4': [0, 'live']
			});
		});

		it('keeps a closed period’s snapshot when the data changes later', async () => {
			const offers = () =>
				indicatorSeries(db(), actors.coordinator, computed.published_offers, NOW);
			const meetings = () => indicatorSeries(db(), actors.coordinator, computed.meetings_held, NOW);
			expect(valuesOf(await offers())['2025']).toEqual([3, 'snapshot']);
			await snapshotClosedPeriods(db(), NOW);
			expect(valuesOf(await meetings())['2025']).toEqual([1, 'snapshot']);
			await createOffer(db(), { organisationId: ids.vhs, actionFields: ['language'] }, NOW);
			const network = await createTestNetwork(db(), { districtId: ids.district });
			await createTestMeeting(db(), { networkId: network, startsAt: '2025-09-09T10:00' });
			expect(valuesOf(await offers())).toEqual({ 2025: [3, 'snapshot'], 2026: [4, 'live'] });
			expect(valuesOf(await meetings())['2025']).toEqual([1, 'snapshot']);

			// Once 2026 has closed, the job freezes it as it stood; later offers change only 2027.
			await snapshotClosedPeriods(db(), NEXT_YEAR);
			await createOffer(db(), { organisationId: ids.vhs, actionFields: ['language'] }, NEXT_YEAR);
			expect(
				valuesOf(
					await indicatorSeries(db(), actors.coordinator, computed.published_offers, NEXT_YEAR)
				)
			).toEqual({ 2025: [3, 'snapshot'], 2026: [4, 'snapshot'], 2027: [5, 'live'] });
		});

		it('records entered values and refuses periods outside the concept or of another kind', async () => {
			const id = await createIndicator(db(), actors.coordinator, ids.language, indicator(), NOW);
			await recordValue(
				db(),
				actors.coordinator,
				id,
				{ period: '2025', value: '134,5', source: 'VHS' },
				NOW
			);
			await recordValue(
				db(),
				actors.coordinator,
				id,
				{ period: '2025', value: '140', note: 'korrigiert' },
				NOW
			);
			const series = await indicatorSeries(db(), actors.partner, id, NOW);
			expect(series.values.map((value) => [value.period, value.value, value.note])).toEqual([
				['2025', 140, 'korrigiert']
			]);
			expect(series.baseline).toEqual({ value: 120, on: '2025-01-01' });
			expect(series.target).toEqual({ value: 200, year: 2027 });

			const refused = (value: Record<string, string>) =>
				issuesOf(
					recordValue(db(), actors.coordinator, id, { period: '2026', value: '1', ...value }, NOW)
				);
			expect(await refused({ period: '2024' })).toEqual([
				{ path: 'period', code: 'outside_concept' }
			]);
			expect(await refused({ period: '2028' })).toEqual([
				{ path: 'period', code: 'outside_concept' }
			]);
			expect(await refused({ period: '2026-Q1' })).toEqual([
				{ path: 'period', code: 'wrong_kind_year' }
			]);
			expect(await refused({ period: 'dieses Jahr' })).toEqual([
				{ path: 'period', code: 'invalid_period' }
			]);
			expect(await refused({ value: 'zwölf' })).toEqual([{ path: 'value', code: 'not_a_number' }]);
			expect(await refused({ value: '' })).toEqual([{ path: 'value', code: 'required' }]);
			expect(
				await issuesOf(
					recordValue(
						db(),
						actors.coordinator,
						computed.open_tasks,
						{ period: '2026', value: '3' },
						NOW
					)
				)
			).toEqual([{ path: 'value', code: 'computed' }]);
			expect((await indicatorSeries(db(), actors.viewer, id, NOW)).values).toHaveLength(1);
			const audited = await db()
				.selectFrom('auditLog')
				.select('after')
				.where('action', '=', 'concept.value.record')
				.orderBy('id')
				.execute();
			expect(audited.map((row) => JSON.parse(row.after!).value)).toEqual([134.5, 140]);
		});

		it('names each wrong indicator field and saves nothing', async () => {
			const refused = (overrides: Partial<IndicatorInput>) =>
				issuesOf(
					createIndicator(db(), actors.coordinator, ids.language, indicator(overrides), NOW)
				);
			expect(await refused({ targetYear: '2024' })).toEqual([
				{ path: 'targetYear', code: 'before_baseline' }
			]);
			expect(await refused({ baselineValue: 'viele', targetValue: '1.000,5' })).toEqual([
				{ path: 'baselineValue', code: 'not_a_number' },
				{ path: 'targetValue', code: 'not_a_number' }
			]);
			// Every problem at once: a word where a number belongs does not hide the year rule.
			expect(await refused({ targetValue: 'zweihundert', targetYear: '2024' })).toEqual([
				{ path: 'targetValue', code: 'not_a_number' },
				{ path: 'targetYear', code: 'before_baseline' }
			]);
			expect(await refused({ baselineOn: '' })).toEqual([
				{ path: 'baselineOn', code: 'baseline_pair' }
			]);
			expect(await refused({ computationParameter: '-5' })).toEqual([
				{ path: 'computationParameter', code: 'not_positive' }
			]);
			const overview = await conceptOverview(db(), actors.coordinator, null, 'de', NOW);
			const language = overview!.fields.find((field) => field.actionField === 'language')!;
			expect(language.guiding!.indicators).toEqual([]);
			expect(language.subGoals.map((goal) => goal.id)).toEqual([ids.sub, ids.other]);
		});

		it('keeps what an indicator’s values mean once it has some', async () => {
			const id = await createIndicator(db(), actors.coordinator, ids.language, indicator(), NOW);
			await recordValue(db(), actors.coordinator, id, { period: '2025', value: '130' }, NOW);
			expect(
				await issuesOf(
					updateIndicator(db(), actors.coordinator, id, indicator({ periodKind: 'half' }), NOW)
				)
			).toEqual([{ path: 'periodKind', code: 'has_values' }]);
			// Reading a computed indicator freezes 2025; its distance stays what that snapshot used.
			await indicatorSeries(db(), actors.coordinator, computed.km5, NOW);
			const changed = indicator({
				computation: 'municipalities_within_km',
				computationParameter: '20'
			});
			expect(
				await issuesOf(updateIndicator(db(), actors.coordinator, computed.km5, changed, NOW))
			).toEqual([{ path: 'computation', code: 'has_values' }]);
			await updateIndicator(
				db(),
				actors.coordinator,
				id,
				indicator({ name: 'Kursteilnahmen' }),
				NOW
			);
			expect((await indicatorSeries(db(), actors.viewer, id, NOW)).name).toBe('Kursteilnahmen');
		});

		it('checks versions and goals, and lets only staff change them', async () => {
			expect(
				await issuesOf(
					createConceptVersion(db(), actors.coordinator, {
						title: 'Fortschreibung',
						adoptedOn: '2027-02-01',
						periodFrom: '2028',
						periodTo: '2026',
						documentUrl: 'kreis-sl.de/konzept.pdf'
					})
				)
			).toEqual([
				{ path: 'documentUrl', code: 'invalid_url' },
				{ path: 'periodTo', code: 'before_from' }
			]);
			const id = await createIndicator(db(), actors.coordinator, ids.language, indicator(), NOW);
			await recordValue(db(), actors.coordinator, id, { period: '2025', value: '130' }, NOW);
			expect(
				await issuesOf(
					updateConceptVersion(db(), actors.coordinator, ids.version, {
						title: 'Wir sind Vielfalt',
						adoptedOn: '2025-03-01',
						periodFrom: 2026,
						periodTo: 2030,
						documentUrl: null
					})
				)
			).toEqual([{ path: 'periodFrom', code: 'values_outside' }]);
			expect(
				await issuesOf(
					createGoal(db(), actors.coordinator, ids.version, {
						actionField: 'language',
						parentId: null,
						text: 'Ein zweites Leitziel'
					})
				)
			).toEqual([{ path: 'parentId', code: 'guiding_exists' }]);
			await expect(
				createGoal(db(), actors.partner, ids.version, {
					actionField: 'work',
					parentId: null,
					text: 'Arbeit'
				})
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				recordValue(db(), actors.viewer, id, { period: '2026', value: '1' }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			// A version adopted for a later day waits; until then the earlier one stays current.
			await createConceptVersion(
				db(),
				actors.coordinator,
				{
					title: 'Fortschreibung 2028',
					adoptedOn: '2027-02-01',
					periodFrom: 2028,
					periodTo: 2032,
					documentUrl: 'https://kreis-sl.de/konzept-2028.pdf'
				},
				NOW
			);
			const current = (at: Date) =>
				listConceptVersions(db(), actors.partner, at).then((versions) =>
					versions.map((version) => [version.title, version.current])
				);
			expect(await current(NOW)).toEqual([
				['Fortschreibung 2028', false],
				['Wir sind Vielfalt', true]
			]);
			expect(await current(new Date('2027-02-01T08:00:00Z'))).toEqual([
				['Fortschreibung 2028', true],
				['Wir sind Vielfalt', false]
			]);
		});

		it('asks what becomes of the measures when a goal they serve is deleted', async () => {
			const coordinator = actors.coordinator;
			const measure = await createTestMeasure(db(), {
				districtId: ids.district,
				title: 'Sprachcafé Kappeln',
				goalIds: [ids.sub]
			});
			expect(await issuesOf(deleteGoal(db(), coordinator, ids.sub, null, NOW))).toEqual([
				{ path: 'measures', code: 'choose' }
			]);
			expect(
				await issuesOf(
					deleteGoal(db(), coordinator, ids.sub, { measures: 'move', toGoalId: ids.health }, NOW)
				)
			).toEqual([{ path: 'toGoalId', code: 'unknown' }]);
			expect((await getGoal(db(), coordinator, ids.sub)).measures).toHaveLength(1);

			await deleteGoal(db(), coordinator, ids.sub, { measures: 'move', toGoalId: ids.other }, NOW);
			expect(await goalsOfMeasure(db(), ids.district, measure)).toEqual([ids.other]);
			await expect(getGoal(db(), coordinator, ids.sub)).rejects.toThrow();

			// The guiding goal goes with its sub-goals; the measure, unlinked, stays.
			await deleteGoal(db(), coordinator, ids.language, { measures: 'unlink' }, NOW);
			expect(await goalsOfMeasure(db(), ids.district, measure)).toEqual([]);
			const measures = await db().selectFrom('measures').select('title').execute();
			expect(measures).toEqual([{ title: 'Sprachcafé Kappeln' }]);
			const audit = await db()
				.selectFrom('auditLog')
				.select(['action', 'entityId'])
				.where('action', '=', 'concept.goal.delete')
				.orderBy('id')
				.execute();
			expect(audit).toEqual([
				{ action: 'concept.goal.delete', entityId: ids.sub },
				{ action: 'concept.goal.delete', entityId: ids.language }
			]);
		});

		it('translates goals and marks translations outdated when the German changes', async () => {
			const coordinator = actors.coordinator;
			const text = 'Gesundheitsangebote sind mehrsprachig.';
			await saveGoalTexts(db(), coordinator, ids.health, {
				text,
				translations: { en: 'Health services are multilingual.' }
			});
			let goal = await getGoal(db(), coordinator, ids.health, 'en');
			expect(goal.translations.en).toEqual({
				value: 'Health services are multilingual.',
				status: 'reviewed'
			});
			expect(goal.translationStatus.ar).toBe('missing');
			expect(goal.localized).toMatchObject({
				text: 'Health services are multilingual.',
				lang: 'en'
			});

			await saveGoalTexts(db(), coordinator, ids.health, {
				text: 'Gesundheitsangebote sind mehrsprachig und barrierefrei.',
				translations: { en: 'Health services are multilingual.' }
			});
			goal = await getGoal(db(), coordinator, ids.health, 'en');
			expect(goal.translationStatus.en).toBe('outdated');
		});
	},
	seed,
	{ isolation: 'test' }
);
