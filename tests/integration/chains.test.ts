import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { ChainValidationError } from '../../src/lib/server/chains/chains.errors.js';
import { getChain, listChains, updateChain } from '../../src/lib/server/chains/chains.service.js';
import {
	deleteStage,
	previewStageDeletion,
	updateStage
} from '../../src/lib/server/chains/stages.service.js';
import type { StageInput } from '../../src/lib/server/chains/chains.schema.js';
import {
	createTransition,
	updateHandOver
} from '../../src/lib/server/chains/transitions.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { saveTranslation } from '../../src/lib/server/translations/translations.service.js';
import type { TestActor } from '../factories/account.factory.js';
import { createTestChain } from '../factories/chain.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-11-10T10:00:00.000Z');
const actors = {} as Record<'coordinator' | 'viewer' | 'partner' | 'stranger', TestActor>;
const ids = {
	district: 0,
	vhs: 0,
	chain: 0,
	other: 0,
	flensburgOrganisation: 0,
	flensburgOffer: 0
};
let stages: Record<string, number> = {};

/** Orientation → integration course → job-related German B2 or vocational training. */
async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	ids.district = world.districtId;
	ids.vhs = world.vhs;
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.partner = await world.staff('partner_editor', [world.vhs]);
	actors.stranger = await world.staff('coordinator', [], world.places.districts.flensburg);
	const chain = await createTestChain(
		db,
		{
			districtId: ids.district,
			stages: [
				{ key: 'Erstorientierung', rules: { actionFields: ['culture_values'] } },
				{ key: 'Integrationskurs', follows: ['Erstorientierung'] },
				{ key: 'Berufssprachkurs B2', follows: ['Integrationskurs'] },
				{
					key: 'Ausbildung mit Begleitung',
					follows: ['Integrationskurs'],
					isOptional: true,
					rules: { actionFields: ['work'] }
				}
			]
		},
		NOW
	);
	ids.chain = chain.chainId;
	stages = chain.stages;
	ids.other = (
		await createTestChain(db, {
			districtId: ids.district,
			title: 'Ankommen und Wohnen',
			stages: [{ key: 'Wohnungssuche', rules: { actionFields: ['housing'] } }]
		})
	).chainId;
	ids.flensburgOrganisation = await createOrganisation(db, {
		districtId: world.places.districts.flensburg,
		name: 'Flensburger Träger'
	});
	ids.flensburgOffer = await createOffer(db, {
		organisationId: ids.flensburgOrganisation,
		placeId: await world.places.place('Flensburg')
	});
}

const stageInput = (overrides: Partial<StageInput> = {}): StageInput => ({
	title: 'Integrationskurs',
	achieves: 'Deutsch bis B1',
	isOptional: false,
	rules: { actionFields: ['language'] },
	reachKm: 25,
	onlineCounts: false,
	follows: [stages['Erstorientierung']!],
	...overrides
});

async function issuesOf(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(ChainValidationError);
	return (error as ChainValidationError).issues;
}

describeEachDialect(
	'support chains: stages, branches and transitions',
	({ database }) => {
		it('numbers the steps of a chain with a branch and joins each stage to the ones it follows', async () => {
			const chain = await getChain(database().db, actors.viewer, ids.chain);
			expect(chain.stages.map((stage) => [stage.title, stage.step])).toEqual([
				['Erstorientierung', 1],
				['Integrationskurs', 2],
				['Berufssprachkurs B2', 3],
				['Ausbildung mit Begleitung', 3]
			]);
			expect(chain.transitions.map((t) => `${t.fromTitle} → ${t.toTitle}: ${t.state}`)).toEqual([
				'Erstorientierung → Integrationskurs: missing',
				'Integrationskurs → Berufssprachkurs B2: missing',
				'Integrationskurs → Ausbildung mit Begleitung: missing'
			]);
			expect(chain.stages[3]!.isOptional).toBe(true);
			expect((await listChains(database().db, actors.partner)).map((c) => c.title)).toEqual([
				'Ankommen und Wohnen',
				'Sprache bis Arbeit'
			]);
		});

		it('refuses a cycle and names the stages along it, changing nothing', async () => {
			const db = database().db;
			const issues = await issuesOf(
				updateStage(
					db,
					actors.coordinator,
					stages['Erstorientierung']!,
					stageInput({ title: 'Erstorientierung', follows: [stages['Berufssprachkurs B2']!] }),
					NOW
				)
			);
			expect(issues).toEqual([
				{
					path: 'follows',
					code: 'cycle',
					params: {
						stages: 'Erstorientierung → Integrationskurs → Berufssprachkurs B2 → Erstorientierung'
					}
				}
			]);
			const transition = await issuesOf(
				createTransition(db, actors.coordinator, ids.chain, {
					fromStageId: stages['Berufssprachkurs B2']!,
					toStageId: stages['Integrationskurs']!,
					referral: '',
					agreement: '',
					fromOrganisationId: null,
					toOrganisationId: null,
					fromContact: '',
					toContact: '',
					waitingWeeks: null,
					state: 'works',
					reviewedOn: null
				})
			);
			expect(transition[0]).toMatchObject({ path: 'toStageId', code: 'cycle' });
			expect((await getChain(db, actors.viewer, ids.chain)).transitions).toHaveLength(3);
		});

		it('refuses a transition to a stage of another chain, a twin and a loop to itself', async () => {
			const db = database().db;
			const other = await getChain(db, actors.viewer, ids.other);
			const between = (fromStageId: number, toStageId: number) =>
				createTransition(db, actors.coordinator, ids.chain, {
					fromStageId,
					toStageId,
					referral: '',
					agreement: '',
					fromOrganisationId: null,
					toOrganisationId: null,
					fromContact: '',
					toContact: '',
					waitingWeeks: null,
					state: 'works',
					reviewedOn: null
				});
			expect(await issuesOf(between(stages['Integrationskurs']!, other.stages[0]!.id))).toEqual([
				{ path: 'toStageId', code: 'other_chain' }
			]);
			expect(
				await issuesOf(between(stages['Erstorientierung']!, stages['Integrationskurs']!))
			).toEqual([{ path: 'toStageId', code: 'duplicate' }]);
			expect(
				await issuesOf(between(stages['Integrationskurs']!, stages['Integrationskurs']!))
			).toEqual([{ path: 'toStageId', code: 'self' }]);
		});

		it('refuses a stage without any rule or offer, a reach of 0 or 2,000 km and foreign offers', async () => {
			const db = database().db;
			const stageId = stages['Integrationskurs']!;
			const change = (overrides: Partial<StageInput>) =>
				issuesOf(updateStage(db, actors.coordinator, stageId, stageInput(overrides), NOW));
			expect(await change({ rules: { onlineAllowed: true } })).toEqual([
				{ path: 'rules', code: 'no_rule' }
			]);
			expect(await change({ reachKm: 0 })).toEqual([{ path: 'reachKm', code: 'reach_range' }]);
			expect(await change({ reachKm: 2000 })).toEqual([{ path: 'reachKm', code: 'reach_range' }]);
			expect(await change({ includedOfferIds: [ids.flensburgOffer] })).toEqual([
				{ path: 'includedOfferIds', code: 'unknown' }
			]);
			const stage = (await getChain(db, actors.viewer, ids.chain)).stages[1]!;
			expect(stage.reachKm).toBe(25);
			expect(stage.rules.actionFields).toEqual(['language']);
		});

		it('leaves out an offer and hands over to an organisation across the district border, but nothing unknown', async () => {
			const db = database().db;
			const stageId = stages['Integrationskurs']!;
			// Coverage counts the neighbour's offers by distance, so one may match and be left out.
			await updateStage(
				db,
				actors.coordinator,
				stageId,
				stageInput({ excludedOfferIds: [ids.flensburgOffer] }),
				NOW
			);
			expect((await getChain(db, actors.viewer, ids.chain)).stages[1]!.excludedOfferIds).toEqual([
				ids.flensburgOffer
			]);
			expect(
				await issuesOf(
					updateStage(
						db,
						actors.coordinator,
						stageId,
						stageInput({ excludedOfferIds: [999_999] }),
						NOW
					)
				)
			).toEqual([{ path: 'excludedOfferIds', code: 'unknown' }]);
			const transition = (await getChain(db, actors.viewer, ids.chain)).transitions[1]!;
			const handOver = (toOrganisationId: number) =>
				updateHandOver(
					db,
					actors.coordinator,
					transition.id,
					{
						referral: '',
						agreement: '',
						fromOrganisationId: ids.vhs,
						toOrganisationId,
						fromContact: '',
						toContact: '',
						waitingWeeks: null,
						state: 'missing',
						reviewedOn: null
					},
					NOW
				);
			await handOver(ids.flensburgOrganisation);
			const after = (await getChain(db, actors.viewer, ids.chain)).transitions[1]!;
			expect(after.toOrganisationName).toBe('Flensburger Träger');
			expect(await issuesOf(handOver(999_999))).toEqual([
				{ path: 'toOrganisationId', code: 'unknown' }
			]);
		});

		it('will not drop a documented hand-over by editing a stage', async () => {
			const db = database().db;
			const chain = await getChain(db, actors.viewer, ids.chain);
			const transition = chain.transitions[0]!;
			await updateHandOver(
				db,
				actors.coordinator,
				transition.id,
				{
					referral: 'Die Migrationsberatung meldet zum Einstufungstest an.',
					agreement: '',
					fromOrganisationId: ids.vhs,
					toOrganisationId: null,
					fromContact: '',
					toContact: '',
					waitingWeeks: 6,
					state: 'friction',
					reviewedOn: '2026-10-01'
				},
				NOW
			);
			expect(
				await issuesOf(
					updateStage(
						db,
						actors.coordinator,
						stages['Integrationskurs']!,
						stageInput({ follows: [] }),
						NOW
					)
				)
			).toEqual([
				{ path: 'follows', code: 'documented_transition', params: { stage: 'Erstorientierung' } }
			]);
		});

		it('deletes a stage as the coordinator chooses: transitions bridged or dropped', async () => {
			const db = database().db;
			const course = stages['Integrationskurs']!;
			await saveTranslation(db, {
				entity: 'chain_stage',
				entityId: course,
				locale: 'ar',
				field: 'title',
				value: 'دورة الاندماج',
				status: 'reviewed',
				sourceText: 'Integrationskurs'
			});
			const preview = await previewStageDeletion(db, actors.coordinator, course);
			expect(preview.transitions).toHaveLength(3);
			expect(preview.bridges).toEqual([
				{ fromTitle: 'Erstorientierung', toTitle: 'Berufssprachkurs B2' },
				{ fromTitle: 'Erstorientierung', toTitle: 'Ausbildung mit Begleitung' }
			]);
			await deleteStage(
				db,
				actors.coordinator,
				course,
				{ transitions: 'bridge', findings: 'keep' },
				NOW
			);
			const chain = await getChain(db, actors.viewer, ids.chain);
			expect(chain.transitions.map((t) => `${t.fromTitle} → ${t.toTitle}`)).toEqual([
				'Erstorientierung → Berufssprachkurs B2',
				'Erstorientierung → Ausbildung mit Begleitung'
			]);
			expect(chain.stages.map((stage) => stage.step)).toEqual([1, 2, 2]);
			// Its translations go with it.
			const translations = await db
				.selectFrom('translations')
				.select('value')
				.where('entity', '=', 'chain_stage')
				.where('entityId', '=', course)
				.execute();
			expect(translations).toEqual([]);
			await deleteStage(
				db,
				actors.coordinator,
				stages['Erstorientierung']!,
				{ transitions: 'drop', findings: 'drop' },
				NOW
			);
			expect((await getChain(db, actors.viewer, ids.chain)).transitions).toEqual([]);
			const audit = await db
				.selectFrom('auditLog')
				.select('action')
				.where('entity', '=', 'chain_stage')
				.where('action', '=', 'chain.stage.delete')
				.execute();
			expect(audit).toHaveLength(2);
		});

		it('lets coordinators change chains; partners and viewers read; another district sees nothing', async () => {
			const db = database().db;
			const input = {
				title: 'Sprache bis Arbeit',
				publicTitle: 'Ihr Weg zum Deutschkurs',
				introduction: '',
				actionFields: ['language' as const],
				isPublic: true
			};
			await expect(updateChain(db, actors.partner, ids.chain, input, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(updateChain(db, actors.viewer, ids.chain, input, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(getChain(db, actors.stranger, ids.chain)).rejects.toBeInstanceOf(ForbiddenError);
			await updateChain(
				db,
				actors.coordinator,
				ids.chain,
				{ ...input, title: 'Sprache und Arbeit' },
				NOW
			);
			const chain = await getChain(db, actors.partner, ids.chain);
			expect(chain).toMatchObject({ title: 'Sprache und Arbeit', isPublic: true });
			// The address stays, so printed links keep working.
			expect(chain.slug).toBe('ihr-weg-zum-deutschkurs');
		});
	},
	seed,
	{ isolation: 'test' }
);
