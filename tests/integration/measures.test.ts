import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import {
	addFundingSource,
	archiveFundingSource,
	listFundingSources,
	renameFundingSource
} from '../../src/lib/server/measures/funding-sources.service.js';
import { getMeasure } from '../../src/lib/server/measures/measure-detail.service.js';
import {
	addMeasureTask,
	addMilestone,
	linkMeasureOffer,
	removeBudget,
	removeMilestone,
	removeReach,
	setBudget,
	setMilestoneDoneOn,
	setReach
} from '../../src/lib/server/measures/measure-parts.service.js';
import {
	MeasureNotFoundError,
	MeasureValidationError
} from '../../src/lib/server/measures/measures.errors.js';
import {
	budgetBySourceAndYear,
	measuresByActionField,
	outcomesOfDecisions,
	reachPerPeriod
} from '../../src/lib/server/measures/measures-read.service.js';
import type { MeasureInput, ReachInput } from '../../src/lib/server/measures/measures.schema.js';
import {
	changeStatus,
	createMeasure,
	listMeasures,
	recordUpdate,
	setStaleMonths,
	updateMeasure,
	type MeasureActor
} from '../../src/lib/server/measures/measures.service.js';
import { addDecision } from '../../src/lib/server/minutes/decisions.service.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestGoals } from '../factories/goal.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const people = {} as Record<
	'coordinator' | 'partner' | 'otherPartner' | 'viewer' | 'elsewhere',
	MeasureActor
>;
const ids = {} as Record<
	'vhs' | 'awo' | 'other' | 'contact' | 'goal' | 'decision' | 'offer',
	number
>;

const measure = (overrides: Partial<MeasureInput> = {}): MeasureInput => ({
	title: 'Sprachcafé für Frauen',
	description: 'Wöchentliches Sprachcafé mit Kinderbetreuung.',
	actionFields: ['language', 'women'],
	goalIds: [ids.goal],
	leadOrganisationId: ids.vhs,
	partnerOrganisationIds: [],
	responsibleContactId: ids.contact,
	startsOn: '2026-01-01',
	endsOn: '2027-06-30',
	progressMode: 'milestones',
	isPublic: true,
	links: [{ title: 'Konzept', url: 'https://example.org/konzept.pdf' }],
	decisionId: null,
	...overrides
});

const running = { status: 'running' as const, statusOn: '2026-01-01', reason: '' };

const reach = (overrides: Partial<ReachInput> = {}): ReachInput => ({
	period: '2026-Q3',
	participants: 20,
	women: 15,
	men: 5,
	diverse: null,
	ageMinors: null,
	ageYoungAdults: 8,
	ageAdults: 12,
	ageSeniors: null,
	...overrides
});

async function issuesOf(work: Promise<unknown>): Promise<string[]> {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(MeasureValidationError);
	return (failure as MeasureValidationError).issues.map((issue) => `${issue.path}:${issue.code}`);
}

async function firstSource(db: Kysely<DB>) {
	return (await listFundingSources(db, people.coordinator, {}, NOW))[0]!.id;
}

describeEachDialect(
	'measures',
	({ database }) => {
		it('turns a decision into a measure and a milestone, and each side shows the other', async () => {
			const db = database().db;
			const id = await createMeasure(
				db,
				people.coordinator,
				measure({ decisionId: ids.decision }),
				running,
				NOW
			);
			const other = await createMeasure(
				db,
				people.coordinator,
				measure({ title: 'Elternabende' }),
				running,
				NOW
			);
			await addMilestone(
				db,
				people.coordinator,
				other,
				{ title: 'Termine festlegen', dueOn: '2027-02-01', decisionId: ids.decision },
				NOW
			);

			const detail = await getMeasure(db, people.coordinator, id, NOW);
			expect(detail.decision).toMatchObject({
				id: ids.decision,
				meetingTitle: 'Netzwerktreffen November',
				meetingStartsAt: '2026-11-10T14:00',
				networkName: 'Netzwerk Sprache'
			});
			expect(detail).toMatchObject({
				title: 'Sprachcafé für Frauen',
				status: 'running',
				actionFields: ['language', 'women'],
				goals: [{ id: ids.goal, text: 'Deutsch lernen für alle' }],
				leadOrganisationName: 'Volkshochschule Kappeln',
				responsibleName: 'Petra Plan',
				links: [{ title: 'Konzept', url: 'https://example.org/konzept.pdf' }],
				history: [{ status: 'running' }]
			});
			expect(await outcomesOfDecisions(db, people.coordinator, [ids.decision])).toEqual({
				[ids.decision]: [
					{ measureId: id, measureTitle: 'Sprachcafé für Frauen', milestoneTitle: null },
					{ measureId: other, measureTitle: 'Elternabende', milestoneTitle: 'Termine festlegen' }
				]
			});
			// Partners see measures only where they take part: the minutes show them none.
			expect(await outcomesOfDecisions(db, people.partner, [ids.decision])).toEqual({});
			const actions = (await listAudit(db, { ...people.coordinator, role: 'administrator' })).map(
				(e) => e.action
			);
			expect(actions).toEqual(expect.arrayContaining(['measure.create', 'measure.milestone.add']));
		});

		it('refuses bad input at the field and saves nothing half', async () => {
			const db = database().db;
			expect(
				await issuesOf(
					createMeasure(db, people.coordinator, measure({ endsOn: '2025-12-31' }), running, NOW)
				)
			).toEqual(['endsOn:before_start']);
			expect(
				await issuesOf(
					createMeasure(
						db,
						people.coordinator,
						measure({
							leadOrganisationId: ids.other,
							decisionId: 999_999,
							responsibleContactId: 999_999
						}),
						running,
						NOW
					)
				)
			).toEqual([
				'leadOrganisationId:unknown',
				'responsibleContactId:unknown',
				'decisionId:unknown'
			]);
			expect(
				await issuesOf(
					createMeasure(
						db,
						people.coordinator,
						measure(),
						{ status: 'stopped', statusOn: '2026-02-30', reason: '' },
						NOW
					)
				)
			).toEqual(['statusOn:day', 'reason:reason_required']);
			expect(await listMeasures(db, people.coordinator, {}, NOW)).toEqual([]);

			const id = await createMeasure(db, people.coordinator, measure(), running, NOW);
			expect(
				await issuesOf(
					addMilestone(
						db,
						people.coordinator,
						id,
						{ title: 'Abschluss', dueOn: '2027-07-01', decisionId: null },
						NOW
					)
				)
			).toEqual(['dueOn:after_end']);
			await addMilestone(
				db,
				people.coordinator,
				id,
				{ title: 'Abschluss', dueOn: '2027-06-30', decisionId: null },
				NOW
			);
			expect(
				await issuesOf(
					updateMeasure(db, people.coordinator, id, measure({ endsOn: '2027-05-31' }), NOW)
				)
			).toEqual(['endsOn:milestone_after_end']);

			const source = await firstSource(db);
			const line = { fundingSourceId: source, year: 2026 };
			expect(
				await issuesOf(
					setBudget(db, people.coordinator, id, { ...line, plannedCents: -1, spentCents: 0 }, NOW)
				)
			).toEqual(['plannedCents:negative']);
			expect(
				await issuesOf(
					setBudget(
						db,
						people.coordinator,
						id,
						{ ...line, plannedCents: 100_00, spentCents: 150_00 },
						NOW
					)
				)
			).toEqual(['spentCents:over_planned']);
			expect(
				await issuesOf(setReach(db, people.coordinator, id, reach({ period: '2026-Q5' }), NOW))
			).toEqual(['period:period']);
			expect(
				await issuesOf(setReach(db, people.coordinator, id, reach({ women: 16 }), NOW))
			).toEqual(['women:breakdown_over']);
			expect(
				await issuesOf(setReach(db, people.coordinator, id, reach({ ageAdults: 13 }), NOW))
			).toEqual(['ageMinors:breakdown_over']);

			const detail = await getMeasure(db, people.coordinator, id, NOW);
			expect(detail).toMatchObject({ endsOn: '2027-06-30', budget: [], reach: [] });
		});

		it('lets partners keep their measures up to date, but not budget or organisations; viewers read', async () => {
			const db = database().db;
			const id = await createMeasure(
				db,
				people.coordinator,
				measure({ partnerOrganisationIds: [] }),
				running,
				NOW
			);
			const milestone = await addMilestone(
				db,
				people.coordinator,
				id,
				{ title: 'Erster Termin', dueOn: '2026-12-15', decisionId: null },
				NOW
			);
			await setBudget(
				db,
				people.coordinator,
				id,
				{
					fundingSourceId: await firstSource(db),
					year: 2026,
					plannedCents: 5_000_00,
					spentCents: 1_200_00
				},
				NOW
			);

			expect((await listMeasures(db, people.partner, {}, NOW)).map((m) => m.id)).toEqual([id]);
			const seen = await getMeasure(db, people.partner, id, NOW);
			expect(seen).toMatchObject({ budget: null, may: { update: true, manage: false } });
			await recordUpdate(db, people.partner, id, { note: 'Raum gefunden', progress: null }, NOW);
			await setReach(db, people.partner, id, reach(), NOW);
			await setMilestoneDoneOn(db, people.partner, id, milestone, '2026-11-30', NOW);
			await expect(
				setBudget(
					db,
					people.partner,
					id,
					{ fundingSourceId: await firstSource(db), year: 2026, plannedCents: 1, spentCents: 0 },
					NOW
				)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				updateMeasure(db, people.partner, id, measure({ leadOrganisationId: ids.awo }), NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				changeStatus(db, people.partner, id, { ...running, status: 'completed' }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);

			// The AWO takes no part, and another district's staff do not see it at all.
			expect(await listMeasures(db, people.otherPartner, {}, NOW)).toEqual([]);
			await expect(getMeasure(db, people.otherPartner, id, NOW)).rejects.toBeInstanceOf(
				MeasureNotFoundError
			);
			await expect(getMeasure(db, people.elsewhere, id, NOW)).rejects.toBeInstanceOf(
				MeasureNotFoundError
			);
			await updateMeasure(
				db,
				people.coordinator,
				id,
				measure({ partnerOrganisationIds: [ids.awo] }),
				NOW
			);
			expect((await getMeasure(db, people.otherPartner, id, NOW)).may.update).toBe(true);

			const read = await getMeasure(db, people.viewer, id, NOW);
			expect(read).toMatchObject({
				budget: [{ plannedCents: 5_000_00, spentCents: 1_200_00 }],
				reach: [{ period: '2026-Q3', participants: 20, women: 15 }],
				milestones: [{ doneOn: '2026-11-30' }],
				progress: 100,
				may: { update: false, manage: false }
			});
			expect(read.history.map((entry) => entry.note)).toContain('Raum gefunden');
			await expect(
				recordUpdate(db, people.viewer, id, { note: 'x', progress: null }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				createMeasure(db, people.viewer, measure(), running, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
		});

		it('gives progress and the traffic light by rule, with reasons, and filters by them', async () => {
			const db = database().db;
			const may = new Date('2026-05-15T09:00:00Z');
			const late = await createMeasure(
				db,
				people.coordinator,
				measure({ title: 'Verspätet' }),
				running,
				may
			);
			await addMilestone(
				db,
				people.coordinator,
				late,
				{ title: 'Räume', dueOn: '2026-11-01', decisionId: null },
				may
			);
			await addMilestone(
				db,
				people.coordinator,
				late,
				{ title: 'Kurs', dueOn: '2027-03-01', decisionId: null },
				may
			);
			const quiet = await createMeasure(
				db,
				people.coordinator,
				measure({ title: 'Still', actionFields: ['health'], progressMode: 'manual' }),
				running,
				may
			);
			await recordUpdate(db, people.coordinator, quiet, { note: '', progress: 40 }, may);
			const fine = await createMeasure(
				db,
				people.coordinator,
				measure({ title: 'Gut', actionFields: ['work'] }),
				{ ...running, status: 'planned' },
				NOW
			);

			const byTitle = Object.fromEntries(
				(await listMeasures(db, people.coordinator, {}, NOW)).map((m) => [m.title, m])
			);
			expect(byTitle['Verspätet']).toMatchObject({
				progress: 0,
				light: 'red',
				reasons: [{ code: 'milestone_overdue', title: 'Räume', dueOn: '2026-11-01' }]
			});
			expect(byTitle['Still']).toMatchObject({
				progress: 40,
				light: 'amber',
				reasons: [{ code: 'no_update', lastUpdateOn: '2026-05-15', months: 3 }]
			});
			expect(byTitle['Gut']).toMatchObject({ progress: null, light: 'green', reasons: [] });

			expect(
				(await listMeasures(db, people.coordinator, { light: 'amber' }, NOW)).map((m) => m.id)
			).toEqual([quiet]);
			expect(
				(await listMeasures(db, people.coordinator, { status: 'planned' }, NOW)).map((m) => m.id)
			).toEqual([fine]);
			expect(
				(await listMeasures(db, people.coordinator, { actionField: 'health' }, NOW)).map(
					(m) => m.id
				)
			).toEqual([quiet]);

			// More patience: eight months without an update are fine; marking the late milestone done clears red.
			await setStaleMonths(db, people.coordinator, 8, NOW);
			const milestone = (await getMeasure(db, people.coordinator, late, NOW)).milestones[0]!;
			await setMilestoneDoneOn(db, people.coordinator, late, milestone.id, '2026-11-20', NOW);
			const after = Object.fromEntries(
				(await listMeasures(db, people.coordinator, {}, NOW)).map((m) => [m.title, m])
			);
			expect(after['Still']!.light).toBe('green');
			expect(after['Verspätet']).toMatchObject({ progress: 50, light: 'green' });
			expect(
				await issuesOf(recordUpdate(db, people.coordinator, late, { note: '', progress: 60 }, NOW))
			).toEqual(['progress:from_milestones']);
			expect(await issuesOf(setStaleMonths(db, people.coordinator, 0, NOW))).toEqual([
				'staleMonths:months'
			]);

			const fields = await measuresByActionField(db, people.viewer, NOW);
			expect(fields.health.map((m) => m.title)).toEqual(['Still']);
			expect(fields.language.map((m) => m.title)).toEqual(['Verspätet']);
		});

		it('keeps an editable list of funding sources and sums budgets and reach for the report', async () => {
			const db = database().db;
			const defaults = await listFundingSources(db, people.coordinator, {}, NOW);
			expect(defaults.map((source) => source.name)).toEqual([
				'Landesmittel Integration',
				'Kreishaushalt',
				'Bundesprogramm',
				'EU-Fonds',
				'Eigenmittel'
			]);
			expect(await listFundingSources(db, people.viewer, {}, NOW)).toEqual(defaults);
			const foundation = await addFundingSource(db, people.coordinator, 'Stiftung Nord', NOW);
			expect(
				await issuesOf(addFundingSource(db, people.coordinator, ' Kreishaushalt ', NOW))
			).toEqual(['name:duplicate']);
			await expect(addFundingSource(db, people.partner, 'X', NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);

			const a = await createMeasure(db, people.coordinator, measure({ title: 'A' }), running, NOW);
			const b = await createMeasure(db, people.coordinator, measure({ title: 'B' }), running, NOW);
			const state = defaults[0]!.id;
			await setBudget(
				db,
				people.coordinator,
				a,
				{ fundingSourceId: state, year: 2026, plannedCents: 10_000_00, spentCents: 4_000_00 },
				NOW
			);
			await setBudget(
				db,
				people.coordinator,
				b,
				{ fundingSourceId: state, year: 2026, plannedCents: 2_500_50, spentCents: 2_500_50 },
				NOW
			);
			await setBudget(
				db,
				people.coordinator,
				b,
				{ fundingSourceId: foundation, year: 2027, plannedCents: 1_000_00, spentCents: 0 },
				NOW
			);
			// A second entry for the same source and year replaces the first.
			await setBudget(
				db,
				people.coordinator,
				a,
				{ fundingSourceId: state, year: 2026, plannedCents: 9_000_00, spentCents: 4_000_00 },
				NOW
			);
			await archiveFundingSource(db, people.coordinator, foundation, true, NOW);
			expect(
				await issuesOf(
					setBudget(
						db,
						people.coordinator,
						a,
						{ fundingSourceId: foundation, year: 2027, plannedCents: 1, spentCents: 0 },
						NOW
					)
				)
			).toEqual(['fundingSourceId:unknown']);
			expect(
				(await listFundingSources(db, people.coordinator, {}, NOW)).map((s) => s.name)
			).not.toContain('Stiftung Nord');

			expect(await budgetBySourceAndYear(db, people.viewer)).toEqual([
				{
					fundingSourceId: state,
					fundingSourceName: 'Landesmittel Integration',
					year: 2026,
					plannedCents: 11_500_50,
					spentCents: 6_500_50
				},
				{
					fundingSourceId: foundation,
					fundingSourceName: 'Stiftung Nord',
					year: 2027,
					plannedCents: 1_000_00,
					spentCents: 0
				}
			]);
			await setReach(db, people.coordinator, a, reach(), NOW);
			await setReach(
				db,
				people.coordinator,
				a,
				reach({ period: '2026-Q4', participants: 25 }),
				NOW
			);
			await setReach(
				db,
				people.coordinator,
				b,
				reach({ period: '2026', participants: 90, women: null, men: null }),
				NOW
			);
			expect(
				(await reachPerPeriod(db, people.viewer, ['2026-Q3', '2026'], NOW)).map((r) => [
					r.title,
					r.period,
					r.participants
				])
			).toEqual([
				['B', '2026', 90],
				['A', '2026-Q3', 20]
			]);
			await expect(budgetBySourceAndYear(db, people.partner)).rejects.toBeInstanceOf(
				ForbiddenError
			);
		});

		it('links offers and plans follow-up tasks on the board that the measure lists', async () => {
			const db = database().db;
			const id = await createMeasure(db, people.coordinator, measure(), running, NOW);
			await linkMeasureOffer(db, people.coordinator, id, ids.offer, true, NOW);
			const task = await addMeasureTask(
				db,
				people.coordinator,
				id,
				{
					title: 'Flyer drucken',
					description: '',
					owner: { organisationId: ids.awo },
					dueOn: '2026-12-20',
					status: 'open',
					agendaItemId: null,
					actionField: 'language',
					networkId: null,
					offer: null
				},
				NOW
			);
			const detail = await getMeasure(db, people.partner, id, NOW);
			expect(detail.offers.map((offer) => offer.id)).toEqual([ids.offer]);
			expect(detail.tasks).toMatchObject([
				{ id: task, title: 'Flyer drucken', status: 'open', ownerName: 'AWO Kreisverband' }
			]);
			expect(
				await issuesOf(linkMeasureOffer(db, people.coordinator, id, 999_999, true, NOW))
			).toEqual(['offerId:unknown']);
		});

		it('keeps the status history, takes parts away again, and audits every change', async () => {
			const db = database().db;
			const id = await createMeasure(db, people.coordinator, measure(), running, NOW);
			const milestone = await addMilestone(
				db,
				people.coordinator,
				id,
				{ title: 'Start', dueOn: '2026-12-10', decisionId: null },
				NOW
			);
			const source = await firstSource(db);
			await setBudget(
				db,
				people.coordinator,
				id,
				{ fundingSourceId: source, year: 2026, plannedCents: 100, spentCents: 0 },
				NOW
			);
			await setReach(db, people.partner, id, reach(), NOW);
			await linkMeasureOffer(db, people.coordinator, id, ids.offer, true, NOW);
			await changeStatus(
				db,
				people.coordinator,
				id,
				{ status: 'stopped', statusOn: '2026-11-30', reason: 'Keine Räume' },
				NOW
			);
			await removeMilestone(db, people.coordinator, id, milestone, NOW);
			await removeBudget(db, people.coordinator, id, { fundingSourceId: source, year: 2026 }, NOW);
			await removeReach(db, people.partner, id, '2026-Q3', NOW);
			await linkMeasureOffer(db, people.coordinator, id, ids.offer, false, NOW);
			await renameFundingSource(db, people.coordinator, source, 'Landesprogramm Integration', NOW);
			await archiveFundingSource(db, people.coordinator, source, true, NOW);
			await archiveFundingSource(db, people.coordinator, source, false, NOW);

			const detail = await getMeasure(db, people.coordinator, id, NOW);
			expect(detail).toMatchObject({
				status: 'stopped',
				statusOn: '2026-11-30',
				statusReason: 'Keine Räume',
				milestones: [],
				budget: [],
				reach: [],
				offers: []
			});
			expect(detail.history.map((entry) => [entry.status, entry.note])).toEqual([
				['stopped', 'Keine Räume'],
				['running', '']
			]);
			expect((await listFundingSources(db, people.coordinator, {}, NOW))[0]!.name).toBe(
				'Landesprogramm Integration'
			);
			// The setup's records aside (made through the services, so audited too), every change of
			// this test left one entry.
			const actions = (await listAudit(db, { ...people.coordinator, role: 'administrator' }))
				.map((entry) => entry.action)
				.filter((action) => action.startsWith('measure.') || action.startsWith('funding_source.'));
			expect(actions.sort()).toEqual(
				[
					'funding_source.archive',
					'funding_source.defaults',
					'funding_source.rename',
					'funding_source.restore',
					'measure.budget.remove',
					'measure.budget.set',
					'measure.create',
					'measure.milestone.add',
					'measure.milestone.delete',
					'measure.offer.link',
					'measure.offer.unlink',
					'measure.reach.remove',
					'measure.reach.set',
					'measure.status'
				].sort()
			);
		});
	},
	async (database) => {
		const db = database.db;
		const world = await districtWithPartners(db);
		const flensburg = world.places.districts.flensburg;
		({ vhs: ids.vhs, awo: ids.awo } = world);
		ids.other = await createOrganisation(db, { districtId: flensburg, name: 'Anderswo e. V.' });
		people.coordinator = await world.staff('coordinator');
		people.partner = await world.staff('partner_editor', [ids.vhs]);
		people.otherPartner = await world.staff('partner_editor', [ids.awo]);
		people.viewer = await world.staff('viewer');
		people.elsewhere = await world.staff('coordinator', [], flensburg);
		ids.contact = await createTestContact(db, { districtId: world.districtId, name: 'Petra Plan' });
		ids.goal = (
			await createTestGoals(db, world.districtId, [
				{ actionField: 'language', text: 'Deutsch lernen für alle' }
			])
		)[0]!;
		const network = await createTestNetwork(db, {
			districtId: world.districtId,
			name: 'Netzwerk Sprache'
		});
		const meeting = await createTestMeeting(db, {
			networkId: network,
			title: 'Netzwerktreffen November',
			startsAt: '2026-11-10T14:00'
		});
		ids.decision = await addDecision(
			db,
			people.coordinator,
			meeting.id,
			{ agendaItemId: null, text: 'Ein Sprachcafé für Frauen wird eingerichtet.' },
			NOW
		);
		ids.offer = await createOffer(db, { organisationId: ids.vhs, title: 'Sprachcafé' });
	},
	{ isolation: 'test' }
);
