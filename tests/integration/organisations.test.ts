import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import {
	addContactPerson,
	listContactPersons,
	removeContactPerson,
	updateContactPerson
} from '../../src/lib/server/organisations/contact-persons.service.js';
import { getPublishedOffer } from '../../src/lib/server/offers/offer-page.service.js';
import { reindexOffersOfOrganisation } from '../../src/lib/server/offers/offers.service.js';
import {
	ContactPersonNotFoundError,
	OrganisationNotFoundError,
	OrganisationValidationError
} from '../../src/lib/server/organisations/organisations.errors.js';
import type { OrganisationInput } from '../../src/lib/server/organisations/organisations.schema.js';
import {
	createOrganisation,
	listOrganisations,
	organisationProfile,
	updateOrganisation,
	type Editor
} from '../../src/lib/server/organisations/organisations.service.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation as insertTestOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const people = {} as Record<
	'partner' | 'otherPartner' | 'coordinator' | 'admin' | 'viewer' | 'elsewhere',
	Editor
>;
let own = 0;
let foreign = 0;
let offerId = 0;
let kappeln = 0;

const profile = (overrides: Partial<OrganisationInput> = {}): OrganisationInput => ({
	name: 'Volkshochschule Kappeln',
	kind: 'education',
	email: 'info@vhs-kappeln.example',
	phone: '04642 123-45',
	website: 'https://vhs-kappeln.example',
	street: 'Schulstraße 3',
	postcode: '24376',
	placeId: kappeln,
	...overrides
});

async function validationIssues(work: Promise<unknown>): Promise<Record<string, string>> {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(OrganisationValidationError);
	// The first problem per input, as the form shows it.
	const issues: Record<string, string> = {};
	for (const issue of (failure as OrganisationValidationError).issues)
		issues[issue.path] ??= issue.code ?? issue.message;
	return issues;
}

// Own database per test: the tests edit the seeded organisation and read the audit log and lists.
describeEachDialect(
	'organisation profiles',
	({ database }) => {
		const db = () => database().db;
		const search = async (q: string) => {
			const { filters } = parseSearchParams(new URLSearchParams({ q }));
			return (await searchOffers(db(), filters, 'de', { now: NOW })).items.map((item) => item.id);
		};

		it('lets a partner keep its own profile, and the portal and search follow', async () => {
			expect(await search('Bildungswerk')).toEqual([]);
			await updateOrganisation(
				db(),
				people.partner,
				own,
				profile({ name: 'Bildungswerk Kappeln', phone: '+49 4642 999', website: '' }),
				reindexOffersOfOrganisation,
				NOW
			);
			const saved = await organisationProfile(db(), people.partner, own);
			expect(saved).toMatchObject({
				name: 'Bildungswerk Kappeln',
				kind: 'education',
				phone: '+49 4642 999',
				website: null,
				postcode: '24376',
				placeId: kappeln,
				placeName: 'Kappeln',
				updatedAt: NOW.toISOString(),
				may: { edit: true }
			});
			// Renaming keeps the address the first name gave.
			expect(saved.slug).toMatch(/^volkshochschule-kappeln-\d+$/);
			expect(await search('Bildungswerk')).toEqual([offerId]);
			expect(await search('Volkshochschule')).toEqual([]);
			const page = await getPublishedOffer(
				db(),
				(
					await db()
						.selectFrom('offers')
						.select('slug')
						.where('id', '=', offerId)
						.executeTakeFirstOrThrow()
				).slug,
				'de',
				NOW
			);
			expect(page.organisation).toMatchObject({
				name: 'Bildungswerk Kappeln',
				phone: '+49 4642 999',
				website: null
			});
		});

		it('records every change with what was before and after', async () => {
			await updateOrganisation(
				db(),
				people.partner,
				own,
				profile({ name: 'Bildungswerk Kappeln', email: 'kurse@vhs.example' }),
				reindexOffersOfOrganisation,
				NOW
			);
			const entry = (await listAudit(db(), people.admin)).find(
				(candidate) => candidate.entity === 'organisation' && candidate.entityId === own
			);
			expect(entry).toMatchObject({
				action: 'organisation.edit',
				before: { name: 'Volkshochschule Kappeln', email: 'info@vhs-kappeln.example' },
				after: { name: 'Bildungswerk Kappeln', email: 'kurse@vhs.example', placeId: kappeln }
			});
		});

		it('refuses partners on foreign organisations, viewers everywhere and other districts', async () => {
			await expect(
				updateOrganisation(
					db(),
					people.otherPartner,
					own,
					profile({ name: 'Übernommen' }),
					reindexOffersOfOrganisation,
					NOW
				)
			).rejects.toThrow(ForbiddenError);
			await expect(
				updateOrganisation(
					db(),
					people.viewer,
					own,
					profile({ name: 'Gelesen' }),
					reindexOffersOfOrganisation,
					NOW
				)
			).rejects.toThrow(ForbiddenError);
			await expect(
				updateOrganisation(
					db(),
					people.elsewhere,
					own,
					profile({ name: 'Fremd' }),
					reindexOffersOfOrganisation,
					NOW
				)
			).rejects.toThrow(ForbiddenError);
			// A refusal comes before validation: no hints about the data to those who may not edit.
			await expect(
				updateOrganisation(
					db(),
					people.viewer,
					own,
					profile({ name: '' }),
					reindexOffersOfOrganisation,
					NOW
				)
			).rejects.toThrow(ForbiddenError);
			expect((await organisationProfile(db(), people.viewer, own)).may.edit).toBe(false);
			// The foreign organisation has no published offer yet: its profile is not public.
			await expect(organisationProfile(db(), people.partner, foreign)).rejects.toThrow(
				ForbiddenError
			);
			await expect(organisationProfile(db(), people.partner, 999_999)).rejects.toThrow(
				OrganisationNotFoundError
			);
			expect((await organisationProfile(db(), people.coordinator, own)).name).toBe(
				'Volkshochschule Kappeln'
			);
		});

		it('lists partners their own organisations and staff the whole district', async () => {
			expect((await listOrganisations(db(), people.partner)).map((org) => org.id)).toEqual([own]);
			const all = await listOrganisations(db(), people.viewer);
			expect(all.map((org) => org.id).sort()).toEqual([own, foreign].sort());
			expect(all.find((org) => org.id === own)?.offerCount).toBe(1);
			expect(await listOrganisations(db(), people.elsewhere)).toEqual([]);
		});

		it('lets staff create organisations, nobody else', async () => {
			const id = await createOrganisation(
				db(),
				people.coordinator,
				profile({ name: 'Frauentreff Süderbrarup e. V.', kind: 'association', website: null }),
				NOW
			);
			const created = await organisationProfile(db(), people.admin, id);
			expect(created).toMatchObject({ name: 'Frauentreff Süderbrarup e. V.', kind: 'association' });
			expect(created.slug).toBe(`frauentreff-suderbrarup-e-v-${id}`);
			const audit = await listAudit(db(), people.admin);
			expect(
				audit.find((entry) => entry.entityId === id && entry.entity === 'organisation')
			).toMatchObject({
				action: 'organisation.create',
				before: null,
				after: { kind: 'association' }
			});
			for (const actor of [people.partner, people.viewer])
				await expect(createOrganisation(db(), actor, profile(), NOW)).rejects.toThrow(
					ForbiddenError
				);
		});

		it('names every invalid input and writes nothing', async () => {
			const issues = await validationIssues(
				updateOrganisation(
					db(),
					people.partner,
					own,
					{
						name: '  ',
						kind: 'club',
						email: 'not an address',
						phone: 'call us',
						website: 'javascript:alert(1)',
						street: 'x'.repeat(201),
						postcode: '2437',
						placeId: 0
					},
					reindexOffersOfOrganisation,
					NOW
				)
			);
			expect(issues).toEqual({
				name: 'too_small',
				kind: 'invalid_value',
				email: 'invalid_format',
				phone: 'invalid_format',
				website: 'custom',
				street: 'too_big',
				postcode: 'invalid_format',
				placeId: 'too_small'
			});
			expect(
				await validationIssues(
					updateOrganisation(
						db(),
						people.partner,
						own,
						profile({ website: 'ftp://vhs.example' }),
						reindexOffersOfOrganisation
					)
				)
			).toEqual({ website: 'custom' });
			expect(
				await validationIssues(
					createOrganisation(db(), people.coordinator, profile({ placeId: 999_999 }))
				)
			).toEqual({ placeId: 'unknown_place' });
			expect((await organisationProfile(db(), people.partner, own)).email).toBe(
				'info@vhs-kappeln.example'
			);
		});

		it('keeps contact persons with the same rights, out of sight of viewers and other partners', async () => {
			const id = await addContactPerson(
				db(),
				people.partner,
				own,
				{ name: 'Aylin Demir', role: 'Beratung', email: '', languages: ['de', 'tr', 'de'] },
				NOW
			);
			await updateContactPerson(
				db(),
				people.coordinator,
				own,
				id,
				{ name: 'Aylin Demir', role: 'Sprachkurse', phone: '04642 1', languages: ['tr'] },
				NOW
			);
			expect(await listContactPersons(db(), people.partner, own)).toEqual([
				{
					id,
					name: 'Aylin Demir',
					role: 'Sprachkurse',
					email: null,
					phone: '04642 1',
					room: null,
					languages: ['tr']
				}
			]);
			for (const outsider of [people.otherPartner, people.viewer])
				await expect(listContactPersons(db(), outsider, own)).rejects.toThrow(ForbiddenError);
			await expect(removeContactPerson(db(), people.viewer, own, id, NOW)).rejects.toThrow(
				ForbiddenError
			);
			expect(
				await validationIssues(
					addContactPerson(db(), people.partner, own, { name: '', role: 'x', email: 'nope' })
				)
			).toEqual({ name: 'too_small', email: 'invalid_format' });
			// A contact is found only under its own organisation.
			await expect(removeContactPerson(db(), people.coordinator, foreign, id, NOW)).rejects.toThrow(
				ContactPersonNotFoundError
			);
			await removeContactPerson(db(), people.partner, own, id, NOW);
			expect(await listContactPersons(db(), people.partner, own)).toEqual([]);
			const actions = (await listAudit(db(), people.admin))
				.filter((entry) => entry.entity === 'contact_person' && entry.entityId === id)
				.map((entry) => entry.action);
			expect(actions).toEqual([
				'contact_person.remove',
				'contact_person.edit',
				'contact_person.create'
			]);
		});
	},
	async (database) => {
		const places = await createDistrictsAndPlaces(database.db);
		const districtId = places.districts.schleswigFlensburg;
		kappeln = await places.place('Kappeln');
		own = await insertTestOrganisation(database.db, {
			districtId,
			name: 'Volkshochschule Kappeln',
			kind: 'education',
			email: 'info@vhs-kappeln.example'
		});
		foreign = await insertTestOrganisation(database.db, { districtId, name: 'Treffpunkt e.V.' });
		offerId = await createOffer(
			database.db,
			{ organisationId: own, placeId: kappeln, title: 'Deutsch im Alltag' },
			NOW
		);
		const account = async (
			role: Editor['role'],
			organisationIds: number[] = [],
			district = districtId
		) => {
			const { id } = await createTestAccount(database.db, {
				districtId: district,
				role,
				organisationIds
			});
			return { id, role, districtId: district, organisationIds };
		};
		people.partner = await account('partner_editor', [own]);
		people.otherPartner = await account('partner_editor', [foreign]);
		people.coordinator = await account('coordinator');
		people.admin = await account('administrator');
		people.viewer = await account('viewer');
		people.elsewhere = await account('coordinator', [], places.districts.flensburg);
	},
	{ isolation: 'test' }
);
