import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import {
	ChainValidationError,
	TransitionNotFoundError
} from '../../src/lib/server/chains/chains.errors.js';
import { getChain } from '../../src/lib/server/chains/chains.service.js';
import {
	getTransition,
	handOverOrganisationChoices,
	updateHandOver
} from '../../src/lib/server/chains/transitions.service.js';
import {
	acknowledgeFriction,
	frictionCounts,
	listFriction,
	reportFriction
} from '../../src/lib/server/chains/friction.service.js';
import {
	addReviewDecision,
	createReview,
	getReview,
	listReviews,
	reviewDecisionToTask,
	reviewMeetingChoices,
	updateReview
} from '../../src/lib/server/chains/reviews.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { getMeasure } from '../../src/lib/server/measures/measure-detail.service.js';
import { listBoard } from '../../src/lib/server/minutes/board.service.js';
import { MinutesReleasedError } from '../../src/lib/server/minutes/minutes.errors.js';
import { releaseMinutes } from '../../src/lib/server/minutes/minutes-release.service.js';
import { getMinutes } from '../../src/lib/server/minutes/minutes.service.js';
import type { TestActor } from '../factories/account.factory.js';
import { createTestChain } from '../factories/chain.factory.js';
import { createTestMeasure } from '../factories/measure.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-11-10T10:00:00.000Z');
const actors = {} as Record<
	'coordinator' | 'viewer' | 'vhsPartner' | 'awoPartner' | 'twoOrganisations',
	TestActor
>;
const ids = {
	district: 0,
	vhs: 0,
	awo: 0,
	chain: 0,
	transition: 0,
	network: 0,
	held: 0,
	coming: 0,
	foreign: 0,
	foreignOrganisation: 0
};
let stages: Record<string, number> = {};

/** Orientation → integration course → job-related German, and a network that met last week. */
async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	Object.assign(ids, { district: world.districtId, vhs: world.vhs, awo: world.awo });
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.vhsPartner = await world.staff('partner_editor', [world.vhs]);
	actors.awoPartner = await world.staff('partner_editor', [world.awo]);
	actors.twoOrganisations = await world.staff('partner_editor', [world.vhs, world.awo]);
	const chain = await createTestChain(
		db,
		{
			districtId: ids.district,
			stages: [
				{ key: 'Erstorientierung', rules: { actionFields: ['culture_values'] } },
				{ key: 'Integrationskurs', follows: ['Erstorientierung'] },
				{ key: 'Berufssprachkurs B2', follows: ['Integrationskurs'] }
			]
		},
		NOW
	);
	ids.chain = chain.chainId;
	stages = chain.stages;
	ids.transition = (await getChain(db, actors.viewer, ids.chain)).transitions[0]!.id;
	ids.network = await createTestNetwork(db, {
		districtId: ids.district,
		name: 'Netzwerk Sprache',
		members: [{ organisationId: world.vhs }, { organisationId: world.awo }]
	});
	ids.held = (
		await createTestMeeting(db, { networkId: ids.network, startsAt: '2026-11-03T14:00' })
	).id;
	ids.coming = (
		await createTestMeeting(db, { networkId: ids.network, startsAt: '2026-12-01T14:00' })
	).id;
	const flensburg = world.places.districts.flensburg;
	ids.foreignOrganisation = await createOrganisation(db, {
		districtId: flensburg,
		name: 'Träger FL'
	});
	const foreignNetwork = await createTestNetwork(db, {
		districtId: flensburg,
		members: [{ organisationId: ids.foreignOrganisation }]
	});
	ids.foreign = (
		await createTestMeeting(db, { networkId: foreignNetwork, startsAt: '2026-11-02T14:00' })
	).id;
}

async function issuesOf(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(ChainValidationError);
	return (error as ChainValidationError).issues;
}

const friction = (organisationId: number | null, body = 'Niemand meldet sich zurück') => ({
	body,
	waitingWeeks: 6,
	organisationId
});

const auditActions = (database: Database, entity: string) =>
	database.db
		.selectFrom('auditLog')
		.select('action')
		.where('entity', '=', entity)
		.orderBy('id')
		.execute()
		.then((rows) => rows.map((row) => row.action));

describeEachDialect(
	'support chains: interfaces, friction reports and reviews',
	({ database }) => {
		it('lets a partner report friction for their organisation and not for another', async () => {
			const db = database().db;
			await reportFriction(db, actors.vhsPartner, ids.transition, friction(null), NOW);
			expect(
				await issuesOf(
					reportFriction(db, actors.vhsPartner, ids.transition, friction(ids.awo), NOW)
				)
			).toEqual([{ path: 'organisationId', code: 'not_own_organisation' }]);
			expect(
				await issuesOf(
					reportFriction(db, actors.twoOrganisations, ids.transition, friction(null), NOW)
				)
			).toEqual([{ path: 'organisationId', code: 'choose_organisation' }]);
			expect(
				await issuesOf(
					reportFriction(db, actors.vhsPartner, ids.transition, friction(null, ' '), NOW)
				)
			).toEqual([{ path: 'body', code: 'too_small' }]);
			await expect(
				reportFriction(db, actors.viewer, ids.transition, friction(null), NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				reportFriction(db, actors.vhsPartner, 999_999, friction(null), NOW)
			).rejects.toBeInstanceOf(TransitionNotFoundError);
			expect(
				await issuesOf(
					reportFriction(
						db,
						actors.coordinator,
						ids.transition,
						friction(ids.foreignOrganisation),
						NOW
					)
				)
			).toEqual([{ path: 'organisationId', code: 'unknown' }]);
			const reports = await listFriction(db, actors.coordinator, ids.transition);
			expect(reports.map((r) => [r.organisationName, r.body, r.waitingWeeks])).toEqual([
				['Volkshochschule Kappeln', 'Niemand meldet sich zurück', 6]
			]);
			expect(await auditActions(database(), 'chain_friction')).toEqual(['chain.friction.report']);
		});

		it('shows partners their own reports and coordinators and viewers all; staff acknowledge', async () => {
			const db = database().db;
			const vhsReport = await reportFriction(
				db,
				actors.vhsPartner,
				ids.transition,
				friction(null, 'Wartezeit'),
				NOW
			);
			await reportFriction(
				db,
				actors.awoPartner,
				ids.transition,
				friction(null, 'Kein Platz'),
				NOW
			);
			await reportFriction(db, actors.coordinator, ids.transition, friction(null, 'Notiz'), NOW);
			const bodies = async (actor: TestActor) =>
				(await listFriction(db, actor, ids.transition)).map((report) => report.body).sort();
			expect(await bodies(actors.vhsPartner)).toEqual(['Wartezeit']);
			expect(await bodies(actors.awoPartner)).toEqual(['Kein Platz']);
			expect(await bodies(actors.coordinator)).toEqual(['Kein Platz', 'Notiz', 'Wartezeit']);
			expect(await bodies(actors.viewer)).toEqual(['Kein Platz', 'Notiz', 'Wartezeit']);
			await expect(
				acknowledgeFriction(db, actors.vhsPartner, vhsReport, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await acknowledgeFriction(db, actors.coordinator, vhsReport, NOW);
			expect(await frictionCounts(db, actors.coordinator, ids.chain)).toEqual({
				[ids.transition]: { total: 3, open: 2 }
			});
			expect(await frictionCounts(db, actors.vhsPartner, ids.chain)).toEqual({
				[ids.transition]: { total: 1, open: 0 }
			});
			expect(await auditActions(database(), 'chain_friction')).toEqual([
				'chain.friction.report',
				'chain.friction.report',
				'chain.friction.report',
				'chain.friction.acknowledge'
			]);
		});

		it('offers a hand-over the district’s organisations first, then its neighbours’, and keeps one across the border', async () => {
			const db = database().db;
			const groups = await handOverOrganisationChoices(db, ids.district);
			const idsOf = (group?: { organisations: { id: number }[] }) =>
				group?.organisations.map((organisation) => organisation.id) ?? [];
			expect(idsOf(groups[0])).toEqual(expect.arrayContaining([ids.vhs, ids.awo]));
			expect(idsOf(groups[0])).not.toContain(ids.foreignOrganisation);
			expect(groups.slice(1).flatMap(idsOf)).toContain(ids.foreignOrganisation);
			const [before] = await getTransition(db, ids.transition);
			await updateHandOver(
				db,
				actors.coordinator,
				ids.transition,
				{ ...before, fromOrganisationId: ids.vhs, toOrganisationId: ids.foreignOrganisation },
				NOW
			);
			const [after] = await getTransition(db, ids.transition);
			expect(after).toMatchObject({
				fromOrganisationName: 'Volkshochschule Kappeln',
				toOrganisationName: 'Träger FL'
			});
		});

		it('holds a review only in a meeting of the district that has begun', async () => {
			const db = database().db;
			const review = (meetingId: number) =>
				createReview(db, actors.coordinator, ids.chain, { meetingId, summary: '' }, NOW);
			expect(await issuesOf(review(ids.foreign))).toEqual([
				{ path: 'meetingId', code: 'meeting_district' }
			]);
			expect(await issuesOf(review(ids.coming))).toEqual([
				{ path: 'meetingId', code: 'meeting_not_begun' }
			]);
			expect(await issuesOf(review(999_999))).toEqual([
				{ path: 'meetingId', code: 'meeting_district' }
			]);
			await expect(
				createReview(db, actors.vhsPartner, ids.chain, { meetingId: ids.held, summary: '' }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			expect(await listReviews(db, actors.coordinator, ids.chain)).toEqual([]);
			expect((await reviewMeetingChoices(db, actors.coordinator, NOW)).map((m) => m.id)).toEqual([
				ids.held
			]);
		});

		it('records findings per stage and transition; a transition finding sets its state and review day', async () => {
			const db = database().db;
			const reviewId = await createReview(
				db,
				actors.coordinator,
				ids.chain,
				{ meetingId: ids.held, summary: 'Übergänge geprüft' },
				NOW
			);
			await updateReview(
				db,
				actors.coordinator,
				reviewId,
				{
					summary: 'Übergänge geprüft',
					findings: [
						{ stageId: stages['Integrationskurs']!, transitionId: null, state: null, text: 'Voll' },
						{
							stageId: null,
							transitionId: ids.transition,
							state: 'friction',
							text: 'Lange Wartezeit'
						},
						{ stageId: stages['Erstorientierung']!, transitionId: null, state: null, text: '' }
					]
				},
				NOW
			);
			const review = await getReview(db, actors.viewer, reviewId, NOW);
			expect(review.findings.map((f) => [f.subject, f.state, f.text])).toEqual([
				['Integrationskurs', null, 'Voll'],
				['Erstorientierung → Integrationskurs', 'friction', 'Lange Wartezeit']
			]);
			const transition = (await getChain(db, actors.viewer, ids.chain)).transitions[0]!;
			expect([transition.state, transition.reviewedOn]).toEqual(['friction', '2026-11-03']);
			expect(
				await issuesOf(
					updateReview(
						db,
						actors.coordinator,
						reviewId,
						{
							summary: '',
							findings: [{ stageId: 999_999, transitionId: null, state: null, text: 'x' }]
						},
						NOW
					)
				)
			).toEqual([{ path: 'findings.0.stageId', code: 'other_chain' }]);
			await expect(getReview(db, actors.vhsPartner, reviewId, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			expect(await auditActions(database(), 'chain_review')).toEqual([
				'chain.review.create',
				'chain.review.update'
			]);
			expect(await auditActions(database(), 'chain_transition')).toContain(
				'chain.transition.update'
			);
		});

		it('writes a review decision into the minutes; it becomes a task on the board and a measure', async () => {
			const db = database().db;
			const reviewId = await createReview(
				db,
				actors.coordinator,
				ids.chain,
				{ meetingId: ids.held, summary: '' },
				NOW
			);
			const decisionId = await addReviewDecision(
				db,
				actors.coordinator,
				reviewId,
				'Verweisbogen mit dem Jobcenter abstimmen',
				NOW
			);
			const minutes = await getMinutes(db, actors.coordinator, ids.held, NOW);
			expect(minutes.general.decisions.map((d) => d.text)).toEqual([
				'Verweisbogen mit dem Jobcenter abstimmen'
			]);
			const taskId = await reviewDecisionToTask(
				db,
				actors.coordinator,
				reviewId,
				decisionId,
				{
					title: 'Verweisbogen entwerfen',
					description: '',
					owner: { organisationId: ids.vhs },
					dueOn: '2026-12-15',
					status: 'open',
					agendaItemId: null,
					actionField: null,
					networkId: null,
					offer: null
				},
				NOW
			);
			const board = await listBoard(db, actors.coordinator, { status: 'active' }, NOW);
			expect(board.rows.find((row) => row.id === taskId)).toMatchObject({
				title: 'Verweisbogen entwerfen',
				meetingId: ids.held
			});
			const measureId = await createTestMeasure(
				db,
				{ districtId: ids.district, title: 'Gemeinsamer Verweisbogen', decisionId },
				NOW
			);
			const measure = await getMeasure(db, actors.coordinator, measureId);
			expect(measure.decision).toMatchObject({ id: decisionId, meetingId: ids.held });
			const review = await getReview(db, actors.coordinator, reviewId, NOW);
			expect(review.decisions).toEqual([
				expect.objectContaining({
					id: decisionId,
					text: 'Verweisbogen mit dem Jobcenter abstimmen',
					task: expect.objectContaining({ id: taskId, title: 'Verweisbogen entwerfen' }),
					measures: [{ measureId, measureTitle: 'Gemeinsamer Verweisbogen', milestoneTitle: null }]
				})
			]);
			expect(await auditActions(database(), 'chain_review')).toEqual([
				'chain.review.create',
				'chain.review.decision',
				'chain.review.decision'
			]);
			expect(await auditActions(database(), 'decision')).toEqual(['decision.created']);
			await releaseMinutes(
				db,
				actors.coordinator,
				ids.held,
				{ origin: 'https://kitz.example', withoutAttendance: true },
				NOW
			);
			await expect(
				addReviewDecision(db, actors.coordinator, reviewId, 'Noch ein Beschluss', NOW)
			).rejects.toBeInstanceOf(MinutesReleasedError);
			expect((await getReview(db, actors.coordinator, reviewId, NOW)).decisionsOpen).toBe(false);
		});
	},
	seed,
	{ isolation: 'test' }
);
