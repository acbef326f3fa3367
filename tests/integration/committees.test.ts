import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { committeeListSchema } from '../../src/lib/server/api/committee-schemas.js';
import { listCommitteesApi } from '../../src/lib/server/api/committees-api.service.js';
import { exportCommitteeRegister } from '../../src/lib/server/committees/committee-export.js';
import {
	addMember,
	createTerm,
	linkOffer,
	recordFigures,
	updateTerm
} from '../../src/lib/server/committees/committee-parts.service.js';
import {
	CommitteeNotFoundError,
	CommitteeValidationError
} from '../../src/lib/server/committees/committees.errors.js';
import type { FiguresInput } from '../../src/lib/server/committees/committees.schema.js';
import {
	createCommittee,
	deleteCommittee,
	getCommittee,
	listCommittees
} from '../../src/lib/server/committees/committees.service.js';
import {
	getPublicCommittee,
	listPublicCommittees
} from '../../src/lib/server/committees/public-committees.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { listConsents, withdrawConsent } from '../../src/lib/server/directory/consents.service.js';
import { COMMITTEE_PURPOSE } from '../../src/lib/server/directory/directory-access.js';
import { exportPersonData } from '../../src/lib/server/directory/person-data.service.js';
import { reportFile } from '../../src/lib/server/reports/yearly-report-files.service.js';
import { reportView } from '../../src/lib/server/reports/yearly-report.view.js';
import { yearlyReport } from '../../src/lib/server/reports/yearly-report.service.js';
import { translator } from '../../src/lib/i18n/messages.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import type { TestActor } from '../factories/account.factory.js';
import { createTestCommittee } from '../factories/committee.factory.js';
import { createTestContact, giveConsent } from '../factories/contact.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { pdfText } from '../support/documents.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-11-10T10:00:00.000Z');
const actors = {} as Record<
	'coordinator' | 'viewer' | 'vhsPartner' | 'awoPartner' | 'stranger',
	TestActor
>;
const ids = {
	district: 0,
	beirat: 0,
	current: 0,
	previous: 0,
	vorstand: 0,
	offer: 0,
	anna: 0,
	bernd: 0,
	carla: 0,
	dora: 0,
	emil: 0
};

/** The integration advisory board with two terms, and the VHS's internal board. */
async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	ids.district = world.districtId;
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.vhsPartner = await world.staff('partner_editor', [world.vhs]);
	actors.awoPartner = await world.staff('partner_editor', [world.awo]);
	actors.stranger = await world.staff('coordinator', [], world.places.districts.flensburg);
	const person = async (name: string, organisationId: number | null, consent: boolean | string) => {
		const id = await createTestContact(db, { districtId: ids.district, name, organisationId });
		if (consent)
			await giveConsent(db, ids.district, id, {
				purpose: COMMITTEE_PURPOSE,
				withdrawnOn: consent === 'withdrawn' ? '2026-06-01' : null
			});
		return id;
	};
	ids.anna = await person('Anna Asmussen', world.vhs, true);
	ids.bernd = await person('Bernd Brodersen', world.awo, true);
	ids.carla = await person('Carla Christiansen', null, false);
	ids.dora = await person('Dora Dethlefsen', null, 'withdrawn');
	ids.emil = await person('Emil Ehlers', null, true);
	const beirat = await createTestCommittee(
		db,
		ids.district,
		{
			seats: 12,
			terms: [
				{ startsOn: '2023-05-01', endsOn: '2028-04-30' },
				{ startsOn: '2018-05-01', endsOn: '2023-04-30', seats: 10 }
			]
		},
		NOW
	);
	ids.beirat = beirat.committeeId;
	[ids.current, ids.previous] = beirat.termIds as [number, number];
	ids.vorstand = (
		await createTestCommittee(
			db,
			ids.district,
			{
				name: 'Vorstand Förderverein VHS',
				type: 'association_board',
				organisationId: world.vhs,
				seats: 2,
				isPublic: false,
				terms: [{ startsOn: '2025-01-01', endsOn: null }]
			},
			NOW
		)
	).committeeId;
	ids.offer = await createOffer(db, {
		organisationId: world.awo,
		title: 'Fit für den Beirat',
		placeId: await world.places.place('Schleswig')
	});
}

const figures = (overrides: Partial<FiguresInput> = {}): FiguresInput => ({
	recordedOn: '2026-10-01',
	answered: 10,
	migrationHistory: 3,
	women: 5,
	men: 5,
	diverse: 0,
	genderNotStated: 0,
	...overrides
});

async function issuesOf(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(CommitteeValidationError);
	return (error as CommitteeValidationError).issues.map((issue) => `${issue.path}: ${issue.code}`);
}

const member = (contactId: number) => ({
	contactId,
	role: 'member' as const,
	fromOn: null,
	toOn: null
});

describeEachDialect(
	'committees: register, terms, members and representation figures',
	({ database }) => {
		it('refuses a term that ends before it starts or overlaps another, and saves nothing', async () => {
			const db = database().db;
			const before = (await getCommittee(db, actors.coordinator, ids.beirat, NOW)).terms;
			expect(
				await issuesOf(
					createTerm(db, actors.coordinator, ids.beirat, {
						startsOn: '2028-05-01',
						endsOn: '2028-04-30',
						seats: null
					})
				)
			).toEqual(['endsOn: ends_before_start']);
			expect(
				await issuesOf(
					createTerm(db, actors.coordinator, ids.beirat, {
						startsOn: '2028-01-01',
						endsOn: '2033-04-30',
						seats: null
					})
				)
			).toEqual(['startsOn: overlaps']);
			expect((await getCommittee(db, actors.coordinator, ids.beirat, NOW)).terms).toEqual(before);
		});

		it('takes members only with a recorded, not withdrawn consent for committee work', async () => {
			const db = database().db;
			for (const contactId of [ids.carla, ids.dora])
				expect(
					await issuesOf(addMember(db, actors.coordinator, ids.current, member(contactId)))
				).toEqual(['contactId: no_consent']);
			await addMember(db, actors.coordinator, ids.current, member(ids.anna), NOW);
			const committee = await getCommittee(db, actors.coordinator, ids.beirat, NOW);
			expect(committee.terms[0]!.members!.map((m) => [m.name, m.consentWithdrawn])).toEqual([
				['Anna Asmussen', false]
			]);
			expect(committee.vacancies).toBe(11);
			// Withdrawn later: the membership stays, marked for the coordinator to act on.
			const consent = (await listConsents(db, actors.coordinator, ids.anna)).find(
				(entry) => entry.withdrawnOn === null && entry.purposeKey === COMMITTEE_PURPOSE
			)!;
			await withdrawConsent(db, actors.coordinator, consent.id, { withdrawnOn: '2026-11-01' }, NOW);
			const after = await getCommittee(db, actors.coordinator, ids.beirat, NOW);
			expect(after.terms[0]!.members![0]!.consentWithdrawn).toBe(true);
			// The answer to her request for access (Art. 15 DSGVO) names the seat.
			const data = await exportPersonData(db, actors.coordinator, ids.anna, NOW);
			expect(data.committeeMemberships).toEqual([
				{
					committeeName: committee.name,
					termStartsOn: committee.terms[0]!.startsOn,
					termEndsOn: committee.terms[0]!.endsOn,
					role: 'member',
					fromOn: null,
					toOn: null
				}
			]);
		});

		it('refuses more members than seats, but lets one follow another on the same seat', async () => {
			const db = database().db;
			const vorstand = await getCommittee(db, actors.coordinator, ids.vorstand, NOW);
			const term = vorstand.terms[0]!.id;
			await addMember(db, actors.coordinator, term, { ...member(ids.anna), toOn: '2025-12-31' });
			await addMember(db, actors.coordinator, term, member(ids.bernd));
			await addMember(db, actors.coordinator, term, { ...member(ids.emil), fromOn: '2026-01-01' });
			expect(
				await issuesOf(
					addMember(db, actors.coordinator, term, { ...member(ids.anna), fromOn: '2026-02-01' })
				)
			).toEqual(['contactId: seats_full']);
			const after = await getCommittee(db, actors.coordinator, ids.vorstand, NOW);
			expect(after.terms[0]!.members).toHaveLength(3);
			expect(after.vacancies).toBe(0);
		});

		it('refuses counts above the seats, parts above the total and negative numbers, saving nothing', async () => {
			const db = database().db;
			const cases: [Partial<FiguresInput>, string[]][] = [
				[{ answered: 13, women: 8 }, ['answered: above_seats']],
				[{ migrationHistory: 11 }, ['migrationHistory: above_total']],
				[{ women: -1, men: 11 }, ['women: negative', 'men: above_total']],
				[{ women: 4 }, ['women: gender_sum']]
			];
			for (const [overrides, expected] of cases)
				expect(
					await issuesOf(
						recordFigures(db, actors.coordinator, ids.current, figures(overrides), NOW)
					)
				).toEqual(expected);
			const term = (await getCommittee(db, actors.coordinator, ids.beirat, NOW)).terms[0]!;
			expect(term.hasFigures).toBe(false);
		});

		it('never lets an aggregate of 3 out as "3": service, XLSX, API and report', async () => {
			const db = database().db;
			await recordFigures(db, actors.coordinator, ids.current, figures(), NOW);
			await recordFigures(
				db,
				actors.coordinator,
				ids.previous,
				figures({ recordedOn: '2020-03-01', answered: 8, migrationHistory: 1, women: 3, men: 5 }),
				NOW
			);

			const detail = await getCommittee(db, actors.viewer, ids.beirat, NOW);
			const counts = detail.terms[0]!.figures!.figures.counts;
			expect(counts).toEqual({
				answered: 10,
				migrationHistory: 'fewer_than_5',
				// Shown with the men, the women would tell that no one is diverse or unstated.
				women: 'withheld',
				men: 5,
				diverse: 'fewer_than_5',
				genderNotStated: 'fewer_than_5'
			});
			expect(detail.terms[0]!.figures!.figures.shares.migrationHistory).toBeNull();
			expect(detail.terms[1]!.figures!.figures.counts.women).toBe('fewer_than_5');
			// Nothing else in what the page gets carries the raw counts either.
			expect(JSON.stringify(detail)).not.toMatch(/"(migrationHistory|women)":[13]\b/);

			const file = await exportCommitteeRegister(db, actors.viewer, 'xlsx', translator('de'), NOW);
			const rows = await readXlsx(file.body as Uint8Array);
			const header = rows[0]!;
			const column = header.indexOf('davon mit eigener oder familiärer Migrationsgeschichte');
			const beiratRows = rows.filter((row) => row[0] === 'Integrationsbeirat');
			expect(beiratRows.map((row) => row[column])).toEqual(['weniger als 5', 'weniger als 5']);
			expect(beiratRows[1]![header.indexOf('davon Frauen')]).toBe('weniger als 5');

			const api = committeeListSchema.parse(
				await listCommitteesApi(db, new URLSearchParams(), 'https://kitz.example', NOW)
			);
			const published = api.items.find((item) => item.slug === 'integrationsbeirat')!;
			expect(published.figures.map((term) => term.migrationHistory)).toEqual([
				'fewer_than_5',
				'fewer_than_5'
			]);
			expect(JSON.stringify(api)).not.toMatch(/:[13][,}]/);
			// A district the installation does not have has no public committees (not everyone's).
			const nowhere = new URLSearchParams({ district: 'nirgendwo' });
			expect((await listCommitteesApi(db, nowhere, 'https://kitz.example', NOW)).items).toEqual([]);

			const report = reportView(await yearlyReport(db, actors.viewer, '2026', NOW), 'de');
			const table = report.sections.find((section) => section.key === 'committees')!.tables[0]!;
			const row = table.rows.find((cells) => cells[0] === 'Integrationsbeirat')!;
			const labels = table.columns.map((c) => c.label);
			expect(row[labels.indexOf('davon mit eigener oder familiärer Migrationsgeschichte')]).toBe(
				'weniger als 5'
			);
			expect(row[labels.indexOf('Mitglieder, die geantwortet haben')]).toBe(10);
			const reportSheet = await readXlsx(
				(await reportFile(db, actors.viewer, '2026', 'committees.xlsx', 'de', NOW))
					.body as Uint8Array
			);
			expect(reportSheet[1]).toContain('weniger als 5');
			const pdf = (
				await pdfText(
					(await reportFile(db, actors.viewer, '2026', 'report.pdf', 'de', NOW)).body as Uint8Array
				)
			).text;
			// The documents lay out the same view: the section is there, its cells checked above.
			expect(pdf).toContain('Vertretung in Gremien und Beiräten');

			const audit = await db
				.selectFrom('auditLog')
				.select(['action', 'after'])
				.where('action', '=', 'committee.figures.record')
				.execute();
			expect(audit).toHaveLength(2);
			for (const entry of audit)
				expect(JSON.parse(entry.after!).migrationHistory).toBe('fewer_than_5');

			// Fewer seats than members who answered: refused, without naming the count.
			const refused = await updateTerm(db, actors.coordinator, ids.current, {
				startsOn: '2023-05-01',
				endsOn: '2028-04-30',
				seats: 8
			}).catch((caught: CommitteeValidationError) => caught.issues);
			expect(refused).toEqual([
				{ path: 'seats', code: 'fewer_seats_than_answered', params: { seats: 8 } }
			]);
		});

		it('shows partners only the committees they belong to, without figures; viewers no members', async () => {
			const db = database().db;
			await addMember(db, actors.coordinator, ids.current, member(ids.bernd), NOW);
			const names = async (actor: TestActor) =>
				(await listCommittees(db, actor, undefined, NOW)).map((c) => c.name);
			expect(await names(actors.vhsPartner)).toEqual(['Vorstand Förderverein VHS']);
			expect(await names(actors.awoPartner)).toEqual(['Integrationsbeirat']);
			expect(await names(actors.viewer)).toEqual([
				'Integrationsbeirat',
				'Vorstand Förderverein VHS'
			]);
			const seenByPartner = await getCommittee(db, actors.awoPartner, ids.beirat, NOW);
			expect(seenByPartner.terms[0]!.members!.map((m) => m.name)).toEqual(['Bernd Brodersen']);
			expect(seenByPartner.terms.every((term) => term.figures === null)).toBe(true);
			expect(seenByPartner.may.manage).toBe(false);
			expect((await getCommittee(db, actors.viewer, ids.beirat, NOW)).terms[0]!.members).toBeNull();
			await expect(getCommittee(db, actors.awoPartner, ids.vorstand, NOW)).rejects.toBeInstanceOf(
				CommitteeNotFoundError
			);
			await expect(getCommittee(db, actors.stranger, ids.beirat, NOW)).rejects.toBeInstanceOf(
				CommitteeNotFoundError
			);
			await expect(
				exportCommitteeRegister(db, actors.awoPartner, 'csv', translator('de'), NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				createCommittee(db, actors.vhsPartner, {
					name: 'Eigenes Gremium',
					type: 'other',
					body: '',
					organisationId: null,
					seats: 3,
					meetingRhythm: '',
					contactId: null,
					contactText: '',
					description: '',
					isPublic: false
				})
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				addMember(db, actors.viewer, ids.current, member(ids.emil), NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
		});

		it('gives the portal only public committees with their published offers', async () => {
			const db = database().db;
			await linkOffer(db, actors.coordinator, ids.beirat, { offerId: ids.offer, kind: 'training' });
			await addMember(db, actors.coordinator, ids.current, member(ids.anna), NOW);
			const committees = await listPublicCommittees(db, ids.district, 'de', NOW);
			expect(committees.map((c) => c.name)).toEqual(['Integrationsbeirat']);
			expect(committees[0]!.offers.map((o) => [o.offer.title.text, o.kind])).toEqual([
				['Fit für den Beirat', 'training']
			]);
			expect(committees[0]!.currentTerm).toMatchObject({ seats: 12, vacancies: 11 });
			expect(JSON.stringify(committees)).not.toContain('Anna');
			expect(
				await getPublicCommittee(db, ids.district, 'vorstand-forderverein-vhs', 'de', NOW)
			).toBeNull();
		});

		it('deletes a committee only when confirmed, with its terms, and audits every change', async () => {
			const db = database().db;
			expect(
				await issuesOf(deleteCommittee(db, actors.coordinator, ids.vorstand, false, NOW))
			).toEqual(['confirm: confirm']);
			expect((await getCommittee(db, actors.coordinator, ids.vorstand, NOW)).terms).toHaveLength(1);
			await deleteCommittee(db, actors.coordinator, ids.vorstand, true, NOW);
			await expect(getCommittee(db, actors.coordinator, ids.vorstand, NOW)).rejects.toBeInstanceOf(
				CommitteeNotFoundError
			);
			expect(
				await db
					.selectFrom('committeeTerms')
					.select('id')
					.where('committeeId', '=', ids.vorstand)
					.execute()
			).toEqual([]);
			const actions = (
				await db.selectFrom('auditLog').select('action').where('entity', '=', 'committee').execute()
			).map((row) => row.action);
			expect(new Set(actions)).toEqual(
				new Set(['committee.create', 'committee.term.create', 'committee.delete'])
			);
		});
	},
	seed,
	{ isolation: 'test' }
);
