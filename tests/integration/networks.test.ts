import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import {
	NetworkNotFoundError,
	NetworkValidationError
} from '../../src/lib/server/networks/networks.errors.js';
import {
	addMember,
	archiveNetwork,
	createNetwork,
	endMember,
	getNetwork,
	listNetworks,
	updateNetwork,
	type NetworkActor
} from '../../src/lib/server/networks/networks.service.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const people = {} as Record<
	'coordinator' | 'partner' | 'otherPartner' | 'viewer' | 'elsewhere',
	NetworkActor
>;
let vhs = 0;
let awo = 0;
let other = 0;
let networkId = 0;

async function issuesOf(work: Promise<unknown>): Promise<string[]> {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(NetworkValidationError);
	return (failure as NetworkValidationError).issues.map((issue) => `${issue.path}:${issue.code}`);
}

describeEachDialect(
	'networks',
	({ database }) => {
		it('a coordinator creates a network with action fields and a coordinating organisation', async () => {
			const db = database().db;
			networkId = await createNetwork(
				db,
				people.coordinator,
				{
					name: 'Netzwerk Sprache',
					description: 'Sprachkursträger im Kreis',
					actionFields: ['language', 'work'],
					coordinatingOrganisationId: vhs
				},
				NOW
			);
			const network = await getNetwork(db, people.coordinator, networkId, NOW);
			expect(network).toMatchObject({
				name: 'Netzwerk Sprache',
				actionFields: ['language', 'work'],
				coordinatingOrganisationName: 'Volkshochschule Kappeln',
				members: [],
				canManage: true
			});
			await updateNetwork(
				db,
				people.coordinator,
				networkId,
				{
					name: 'Netzwerk Sprache SL-FL',
					description: '',
					actionFields: ['language'],
					coordinatingOrganisationId: null
				},
				NOW
			);
			expect(await getNetwork(db, people.coordinator, networkId, NOW)).toMatchObject({
				name: 'Netzwerk Sprache SL-FL',
				actionFields: ['language'],
				coordinatingOrganisationId: null
			});
		});

		it('refuses invalid input with named problems', async () => {
			const db = database().db;
			expect(
				await issuesOf(
					createNetwork(db, people.coordinator, {
						name: ' ',
						description: '',
						actionFields: [],
						coordinatingOrganisationId: null
					})
				)
			).toEqual(['name:too_small', 'actionFields:too_small']);
			expect(
				await issuesOf(
					createNetwork(db, people.coordinator, {
						name: 'X',
						description: '',
						actionFields: ['language'],
						coordinatingOrganisationId: other
					})
				)
			).toEqual(['coordinatingOrganisationId:unknown']);
		});

		it('adds organisations and persons with roles; ends memberships with a date', async () => {
			const db = database().db;
			const district = people.coordinator.districtId;
			const person = await createTestContact(db, { districtId: district, name: 'Aylin Demir' });
			await addMember(
				db,
				people.coordinator,
				networkId,
				{ organisationId: vhs, contactId: null, role: 'speaker', joinedOn: '2026-01-01' },
				NOW
			);
			const awoMember = await addMember(
				db,
				people.coordinator,
				networkId,
				{ organisationId: awo, contactId: null, role: 'member', joinedOn: '2026-02-01' },
				NOW
			);
			await addMember(
				db,
				people.coordinator,
				networkId,
				{ organisationId: null, contactId: person, role: 'guest', joinedOn: '2026-03-01' },
				NOW
			);
			expect(
				await issuesOf(
					addMember(
						db,
						people.coordinator,
						networkId,
						{ organisationId: vhs, contactId: null, role: 'member', joinedOn: '2026-06-01' },
						NOW
					)
				)
			).toEqual(['organisationId:duplicate']);
			expect(
				await issuesOf(
					addMember(
						db,
						people.coordinator,
						networkId,
						{ organisationId: vhs, contactId: person, role: 'member', joinedOn: '2026-06-01' },
						NOW
					)
				)
			).toEqual(['member:one_member']);
			expect(
				await issuesOf(
					addMember(
						db,
						people.coordinator,
						networkId,
						{ organisationId: other, contactId: null, role: 'member', joinedOn: '2026-06-01' },
						NOW
					)
				)
			).toEqual(['organisationId:unknown']);

			let network = await getNetwork(db, people.coordinator, networkId, NOW);
			expect(
				network.members.map((member) => [member.name, member.kind, member.role, member.active])
			).toEqual([
				['Volkshochschule Kappeln', 'organisation', 'speaker', true],
				['AWO Kreisverband', 'organisation', 'member', true],
				['Aylin Demir', 'person', 'guest', true]
			]);
			expect(
				await issuesOf(endMember(db, people.coordinator, networkId, awoMember, '2025-12-31', NOW))
			).toEqual(['leftOn:before_joined']);
			await endMember(db, people.coordinator, networkId, awoMember, '2026-11-30', NOW);
			network = await getNetwork(db, people.coordinator, networkId, NOW);
			expect(network.members.find((member) => member.id === awoMember)).toMatchObject({
				leftOn: '2026-11-30',
				active: false
			});
			// After leaving, the organisation may join again.
			await addMember(
				db,
				people.coordinator,
				networkId,
				{ organisationId: awo, contactId: null, role: 'guest', joinedOn: '2026-12-01' },
				NOW
			);
			const actions = (
				await listAudit(db, { role: 'administrator', districtId: district, organisationIds: [] })
			).map((entry) => entry.action);
			expect(actions).toEqual(
				expect.arrayContaining([
					'network.create',
					'network.update',
					'network.member.add',
					'network.member.end'
				])
			);
		});

		it('partners see only networks their organisation is an active member of; viewers read all', async () => {
			const db = database().db;
			const second = await createNetwork(
				db,
				people.coordinator,
				{
					name: 'Netzwerk Frauen',
					description: '',
					actionFields: ['women'],
					coordinatingOrganisationId: null
				},
				NOW
			);
			await addMember(
				db,
				people.coordinator,
				second,
				{ organisationId: awo, contactId: null, role: 'member', joinedOn: '2026-01-01' },
				NOW
			);
			const names = async (actor: NetworkActor) =>
				(await listNetworks(db, actor, NOW)).map((network) => network.name);
			expect(await names(people.coordinator)).toEqual([
				'Netzwerk Frauen',
				'Netzwerk Sprache SL-FL'
			]);
			expect(await names(people.viewer)).toEqual(['Netzwerk Frauen', 'Netzwerk Sprache SL-FL']);
			expect(await names(people.partner)).toEqual(['Netzwerk Sprache SL-FL']);
			expect(await names(people.elsewhere)).toEqual([]);
			expect((await getNetwork(db, people.partner, networkId, NOW)).canManage).toBe(false);
			await expect(getNetwork(db, people.partner, second, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(getNetwork(db, people.elsewhere, networkId, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			// Before the AWO's new membership begins, its editor does not see the network.
			expect(await names(people.otherPartner)).toEqual([
				'Netzwerk Frauen',
				'Netzwerk Sprache SL-FL'
			]);
			expect(
				(await listNetworks(db, people.otherPartner, new Date('2026-11-30T12:00:00Z'))).map(
					(n) => n.name
				)
			).toEqual(['Netzwerk Frauen']);
		});

		it('archives a network: out of the lists, its page stays', async () => {
			const db = database().db;
			const old = await createNetwork(
				db,
				people.coordinator,
				{
					name: 'Altes Netzwerk',
					description: '',
					actionFields: ['housing'],
					coordinatingOrganisationId: null
				},
				NOW
			);
			await expect(archiveNetwork(db, people.partner, old, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await archiveNetwork(db, people.coordinator, old, NOW);
			expect(
				(await listNetworks(db, people.coordinator, NOW)).map((network) => network.name)
			).not.toContain('Altes Netzwerk');
			expect((await getNetwork(db, people.coordinator, old, NOW)).archivedAt).toBe(
				NOW.toISOString()
			);
		});

		it('refuses changes by partners and viewers, and unknown networks', async () => {
			const db = database().db;
			const input = {
				name: 'X',
				description: '',
				actionFields: ['language' as const],
				coordinatingOrganisationId: null
			};
			await expect(createNetwork(db, people.partner, input, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(createNetwork(db, people.viewer, input, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(updateNetwork(db, people.partner, networkId, input, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				addMember(
					db,
					people.viewer,
					networkId,
					{ organisationId: vhs, contactId: null, role: 'member', joinedOn: '2027-01-01' },
					NOW
				)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(getNetwork(db, people.coordinator, 999_999, NOW)).rejects.toBeInstanceOf(
				NetworkNotFoundError
			);
		});
	},
	async ({ db }) => {
		const world = await districtWithPartners(db);
		const flensburg = world.places.districts.flensburg;
		({ vhs, awo } = world);
		other = await createOrganisation(db, { districtId: flensburg, name: 'Anderswo e. V.' });
		people.coordinator = await world.staff('coordinator');
		people.partner = await world.staff('partner_editor', [vhs]);
		people.otherPartner = await world.staff('partner_editor', [awo]);
		people.viewer = await world.staff('viewer');
		people.elsewhere = await world.staff('partner_editor', [other], flensburg);
	}
);
