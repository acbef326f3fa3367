import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { translator } from '../../src/lib/i18n/messages.js';
import { getMeasure } from '../../src/lib/server/measures/measure-detail.service.js';
import {
	actionToMeasure,
	actionToTask,
	addAction
} from '../../src/lib/server/opening/actions.service.js';
import { compareRounds } from '../../src/lib/server/opening/compare.service.js';
import { districtView, exportDistrictView } from '../../src/lib/server/opening/district.service.js';
import {
	currentInstrument,
	DEFAULT_INSTRUMENT,
	saveInstrument
} from '../../src/lib/server/opening/instrument.service.js';
import {
	OpeningValidationError,
	RoundSubmittedError
} from '../../src/lib/server/opening/opening.errors.js';
import {
	getRound,
	reopenRound,
	saveAnswers,
	startRound
} from '../../src/lib/server/opening/rounds.service.js';
import { listUnits } from '../../src/lib/server/opening/units.service.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import type { TestActor } from '../factories/account.factory.js';
import { answersFor, createTestUnit, submitTestRound } from '../factories/opening.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-11-10T10:00:00.000Z');
const LATER = new Date('2026-11-20T10:00:00.000Z');
const actors = {} as Record<'coordinator' | 'viewer' | 'vhsPartner' | 'awoPartner', TestActor>;
const ids = { district: 0, vhs: 0, awo: 0, vhsUnit: 0, awoUnit: 0, office: 0 };

async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	Object.assign(ids, { district: world.districtId, vhs: world.vhs, awo: world.awo });
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.vhsPartner = await world.staff('partner_editor', [world.vhs]);
	actors.awoPartner = await world.staff('partner_editor', [world.awo]);
	ids.vhsUnit = await createTestUnit(db, { districtId: ids.district, organisationId: world.vhs });
	ids.awoUnit = await createTestUnit(db, { districtId: ids.district, organisationId: world.awo });
	ids.office = await createTestUnit(db, { districtId: ids.district });
}

async function issuesOf(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(OpeningValidationError);
	return (error as OpeningValidationError).issues;
}

const ITEM_COUNT = DEFAULT_INSTRUMENT.dimensions.flatMap((d) => d.items).length;

describeEachDialect(
	'intercultural opening',
	({ database }) => {
		it('keeps the version a round was answered with and writes the next one on edit', async () => {
			const db = database().db;
			expect(await currentInstrument(db, actors.coordinator)).toMatchObject({
				id: null,
				version: 1,
				inUse: false
			});
			const edited = structuredClone(DEFAULT_INSTRUMENT);
			edited.dimensions[0]!.title.de = 'Leitbild';
			// Not used yet: the first stored version is the edited one.
			expect(await saveInstrument(db, actors.coordinator, edited, NOW)).toBe(1);
			const roundId = await startRound(db, actors.vhsPartner, ids.vhsUnit, { label: '2025' }, NOW);
			edited.dimensions[0]!.title.de = 'Leitbild und Ziele';
			edited.dimensions[0]!.items.push({ key: 'mission-4', text: { de: 'Neu', en: 'New' } });
			expect(await saveInstrument(db, actors.coordinator, edited, NOW)).toBe(2);
			// Version 2 is unused, so a further edit changes it in place.
			expect(await saveInstrument(db, actors.coordinator, edited, NOW)).toBe(2);
			const round = await getRound(db, actors.vhsPartner, roundId);
			expect(round.instrumentVersion).toBe(1);
			expect(round.content.dimensions[0]!.title.de).toBe('Leitbild');
			expect(round.content.dimensions[0]!.items).toHaveLength(3);
			const current = await currentInstrument(db, actors.coordinator);
			expect(current).toMatchObject({ version: 2, inUse: false });
			expect(current.content.dimensions[0]!.items).toHaveLength(4);
			await expect(saveInstrument(db, actors.vhsPartner, edited, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			edited.dimensions[1]!.title.en = '';
			expect(await issuesOf(saveInstrument(db, actors.coordinator, edited, NOW))).toEqual([
				{ path: 'dimensions.1.title.en', code: 'too_small' }
			]);
		});

		it('saves a draft, refuses an incomplete submission naming every gap, then locks the round', async () => {
			const db = database().db;
			const roundId = await startRound(db, actors.vhsPartner, ids.vhsUnit, { label: '2026' }, NOW);
			const draft = answersFor({ mission: 3 }).map((answer, index) =>
				index < 3
					? { ...answer, comment: index === 0 ? 'Im Leitbild seit 2024' : '' }
					: { ...answer, level: null }
			);
			await saveAnswers(db, actors.vhsPartner, roundId, draft, false, NOW);
			let round = await getRound(db, actors.vhsPartner, roundId);
			expect(round.status).toBe('draft');
			expect(round.answers.filter((answer) => answer.level !== null)).toHaveLength(3);
			expect(round.answers[0]!.comment).toBe('Im Leitbild seit 2024');

			const issues = await issuesOf(saveAnswers(db, actors.vhsPartner, roundId, draft, true, NOW));
			expect(issues).toHaveLength(ITEM_COUNT - 3);
			expect(issues.every((issue) => issue.code === 'missing')).toBe(true);
			expect(issues[0]).toEqual({ path: 'rating.staff-ads', code: 'missing' });
			// Nothing of the refused submission was saved.
			round = await getRound(db, actors.vhsPartner, roundId);
			expect(round.status).toBe('draft');

			const outOfRange = answersFor({}).map((a, i) => (i === 0 ? { ...a, level: 5 } : a));
			expect(
				await issuesOf(saveAnswers(db, actors.vhsPartner, roundId, outOfRange, true, NOW))
			).toEqual([{ path: 'rating.mission-statement', code: 'level', params: { max: 4 } }]);

			const tooLong = answersFor({}).map((a, i) =>
				i === 1 ? { ...a, comment: 'x'.repeat(2001) } : a
			);
			expect(
				await issuesOf(saveAnswers(db, actors.vhsPartner, roundId, tooLong, false, NOW))
			).toEqual([{ path: 'rating.mission-leadership', code: 'comment_length' }]);

			// "Not applicable" counts as answered and stays out of the score.
			const complete = answersFor({ mission: 3, complaints: 'na' });
			await saveAnswers(db, actors.vhsPartner, roundId, complete, true, NOW);
			round = await getRound(db, actors.vhsPartner, roundId);
			expect(round.status).toBe('submitted');
			expect(round.scores.dimensions.find((d) => d.key === 'complaints')).toMatchObject({
				score: null,
				notApplicable: 3
			});
			expect(round.scores.overall).toBeCloseTo((3 + 2 * 5) / 6, 10);

			await expect(
				saveAnswers(db, actors.vhsPartner, roundId, complete, false, NOW)
			).rejects.toBeInstanceOf(RoundSubmittedError);
			await expect(reopenRound(db, actors.vhsPartner, roundId, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await reopenRound(db, actors.coordinator, roundId, NOW);
			expect((await getRound(db, actors.vhsPartner, roundId)).status).toBe('draft');
		});

		it('compares two rounds of a unit per dimension', async () => {
			const db = database().db;
			const first = await submitTestRound(
				db,
				{
					districtId: ids.district,
					unitId: ids.office,
					label: '2024',
					answers: answersFor({ staff: 1 })
				},
				NOW
			);
			const second = await submitTestRound(
				db,
				{
					districtId: ids.district,
					unitId: ids.office,
					label: '2026',
					answers: answersFor({ staff: 3, training: 'na' })
				},
				LATER
			);
			const comparison = await compareRounds(db, actors.coordinator, ids.office, [second, first]);
			expect(comparison.earlier.label).toBe('2024');
			expect(comparison.later.label).toBe('2026');
			const byKey = Object.fromEntries(comparison.rows.map((row) => [row.key, row]));
			expect(byKey.staff).toMatchObject({ earlier: 1, later: 3, difference: 2 });
			expect(byKey.training).toMatchObject({ earlier: 2, later: null, difference: null });
			expect(byKey.mission).toMatchObject({ difference: 0 });
			expect(
				await issuesOf(compareRounds(db, actors.coordinator, ids.office, [first, first]))
			).toEqual([{ path: 'rounds', code: 'two_rounds' }]);
		});

		it('shows a dimension of the district only where at least three units answered, in the file too', async () => {
			const db = database().db;
			const submit = (unitId: number, label: string, answers = answersFor({}), at = NOW) =>
				submitTestRound(db, { districtId: ids.district, unitId, label, answers }, at);
			// Two units: nothing about any dimension leaves the server.
			await submit(ids.vhsUnit, '2024', answersFor({ staff: 1 }));
			await submit(ids.awoUnit, '2024', answersFor({ staff: 4 }));
			let view = await districtView(db, actors.viewer);
			expect(view.answered).toBe(2);
			expect(view.dimensions.every((d) => d.latest === null && d.change === null)).toBe(true);
			const t = translator('de');
			let rows = await readXlsx(
				(await exportDistrictView(db, actors.viewer, t)).body as Uint8Array
			);
			for (const row of rows.slice(1)) {
				expect(row[1]).toBe('weniger als 3 Einheiten – keine Angabe');
				expect(row.slice(2, 7).every((cell) => cell === '')).toBe(true);
			}
			expect(rows.flat().join(' ')).not.toMatch(/\b4\b|\b1\b/);

			// A third unit answers everything but complaints: that dimension still has two units.
			await submit(ids.office, '2024', answersFor({ staff: 2, complaints: 'na' }));
			view = await districtView(db, actors.coordinator);
			const byKey = Object.fromEntries(view.dimensions.map((d) => [d.key, d]));
			expect(byKey.staff!.latest).toEqual({
				units: 3,
				min: 1,
				lowerQuartile: 1.5,
				median: 2,
				upperQuartile: 3,
				max: 4
			});
			expect(byKey.complaints!.latest).toBeNull();
			rows = await readXlsx(
				(await exportDistrictView(db, actors.coordinator, t)).body as Uint8Array
			);
			const complaints = rows.find((row) => row[0] === 'Beschwerden und Rückmeldungen')!;
			expect(complaints.slice(1, 7)).toEqual([
				'weniger als 3 Einheiten – keine Angabe',
				'',
				'',
				'',
				'',
				''
			]);
			const staff = rows.find((row) => row[0] === 'Personal und Gewinnung')!;
			expect(staff.slice(1, 7)).toEqual(['3', '1', '1.5', '2', '3', '4']);

			// The change: only once three units have two rounds each.
			await submit(ids.vhsUnit, '2026', answersFor({ staff: 2 }), LATER);
			await submit(ids.awoUnit, '2026', answersFor({ staff: 4 }), LATER);
			expect(
				(await districtView(db, actors.coordinator)).dimensions.every((d) => d.change === null)
			).toBe(true);
			await submit(ids.office, '2026', answersFor({ staff: 3, complaints: 'na' }), LATER);
			view = await districtView(db, actors.coordinator);
			const staffChange = view.dimensions.find((d) => d.key === 'staff')!.change;
			expect(staffChange).toEqual({ units: 3, previous: 2, latest: 3, difference: 1 });
			expect(view.dimensions.find((d) => d.key === 'complaints')!.change).toBeNull();
		});

		it('lets partners see only their own organisation’s units and rounds; viewers only the district', async () => {
			const db = database().db;
			const roundId = await startRound(db, actors.vhsPartner, ids.vhsUnit, { label: '2026' }, NOW);
			await expect(getRound(db, actors.awoPartner, roundId)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				startRound(db, actors.awoPartner, ids.vhsUnit, { label: '2026' }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			expect((await listUnits(db, actors.vhsPartner)).map((unit) => unit.id)).toEqual([
				ids.vhsUnit
			]);
			expect(await listUnits(db, actors.coordinator)).toHaveLength(3);
			await expect(listUnits(db, actors.viewer)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(getRound(db, actors.viewer, roundId)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(districtView(db, actors.vhsPartner)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				exportDistrictView(db, actors.vhsPartner, translator('de'))
			).rejects.toBeInstanceOf(ForbiddenError);
			// Staff fill in for a unit without accounts of its own.
			await startRound(db, actors.coordinator, ids.office, { label: '2026' }, NOW);
		});

		it('turns an improvement action into a measure and a task, linked back, and audits every step', async () => {
			const db = database().db;
			const roundId = await submitTestRound(
				db,
				{ districtId: ids.district, unitId: ids.vhsUnit, label: '2026', answers: answersFor({}) },
				NOW
			);
			expect(
				await issuesOf(
					addAction(
						db,
						actors.vhsPartner,
						roundId,
						{ what: '', who: '', organisationId: null, dueOn: 'soon' },
						NOW
					)
				)
			).toEqual([
				{ path: 'what', code: 'too_small' },
				{ path: 'dueOn', code: 'day' },
				{ path: 'who', code: 'who' }
			]);
			const words = await addAction(
				db,
				actors.vhsPartner,
				roundId,
				{
					what: 'Flyer in Ukrainisch und Arabisch',
					who: 'Öffentlichkeitsarbeit',
					organisationId: null,
					dueOn: null
				},
				NOW
			);
			const owned = await addAction(
				db,
				actors.vhsPartner,
				roundId,
				{ what: 'Fortbildung für das Team', who: '', organisationId: ids.vhs, dueOn: '2027-03-31' },
				NOW
			);
			await expect(actionToMeasure(db, actors.vhsPartner, words, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			const measureId = await actionToMeasure(db, actors.coordinator, words, NOW);
			const measure = await getMeasure(db, actors.coordinator, measureId, NOW);
			expect(measure).toMatchObject({ title: 'Flyer in Ukrainisch und Arabisch', status: 'idea' });
			expect(measure.actionFields).toEqual(['intercultural_opening']);
			expect(await issuesOf(actionToMeasure(db, actors.coordinator, words, NOW))).toEqual([
				{ path: 'action', code: 'already_measure' }
			]);
			expect(await issuesOf(actionToTask(db, actors.coordinator, words, NOW))).toEqual([
				{ path: 'action', code: 'task_owner' },
				{ path: 'action', code: 'task_due' }
			]);
			const taskId = await actionToTask(db, actors.coordinator, owned, NOW);
			const round = await getRound(db, actors.vhsPartner, roundId);
			expect(round.actions.map((a) => [a.what, a.who, a.measureId, a.taskId])).toEqual([
				['Flyer in Ukrainisch und Arabisch', 'Öffentlichkeitsarbeit', measureId, null],
				['Fortbildung für das Team', 'Volkshochschule Kappeln', null, taskId]
			]);
			const task = await db
				.selectFrom('tasks')
				.select(['title', 'ownerOrganisationId', 'dueOn', 'actionField'])
				.where('id', '=', taskId)
				.executeTakeFirstOrThrow();
			expect(task).toEqual({
				title: 'Fortbildung für das Team',
				ownerOrganisationId: ids.vhs,
				dueOn: '2027-03-31',
				actionField: 'intercultural_opening'
			});
			const audit = await db
				.selectFrom('auditLog')
				.select(['action', 'entityId'])
				.where('action', 'like', 'opening.%')
				.orderBy('id')
				.execute();
			expect(audit.map((row) => row.action)).toEqual([
				'opening.unit.create',
				'opening.unit.create',
				'opening.unit.create',
				'opening.instrument.version',
				'opening.round.start',
				'opening.round.submit',
				'opening.action.create',
				'opening.action.create',
				'opening.action.measure',
				'opening.action.task'
			]);
		});
	},
	seed,
	{ isolation: 'test' }
);
