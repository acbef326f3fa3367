import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { ForbiddenError, ThrottledError } from '../../src/lib/server/accounts/accounts.errors.js';
import {
	addApplicantAsMember,
	listApplications,
	setApplicationStatus
} from '../../src/lib/server/committees/applications.inbox.service.js';
import {
	submitApplication,
	type Submission
} from '../../src/lib/server/committees/applications.service.js';
import {
	CallClosedError,
	CallNotFoundError,
	CallValidationError
} from '../../src/lib/server/committees/calls.errors.js';
import { openCalls, publicCall } from '../../src/lib/server/committees/calls.public.service.js';
import type { CallInput } from '../../src/lib/server/committees/calls.schema.js';
import {
	closeCall,
	createCall,
	openCall,
	updateCall
} from '../../src/lib/server/committees/calls.service.js';
import { saveCallTranslations } from '../../src/lib/server/committees/calls.translations.service.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { erasePerson } from '../../src/lib/server/directory/erasure.service.js';
import { exportPersonData } from '../../src/lib/server/directory/person-data.service.js';
import type { TestActor } from '../factories/account.factory.js';
import { createTestCommittee } from '../factories/committee.factory.js';
import { createTestContact } from '../factories/contact.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const people = {} as Record<'coordinator' | 'partner' | 'viewer' | 'elsewhere', TestActor>;
const ids = {} as Record<'committee' | 'term' | 'other' | 'otherTerm' | 'call' | 'kappeln', number>;

const call = (overrides: Partial<CallInput> = {}): CallInput => ({
	committeeId: ids.committee,
	termId: ids.term,
	title: 'Mitmachen im Integrationsbeirat',
	text: 'Der Integrationsbeirat sucht Menschen mit eigener Erfahrung der Einwanderung.',
	seatsSought: 3,
	eligibility: 'Menschen ab 16 Jahren, die im Kreis wohnen.',
	deadline: '2027-01-31',
	...overrides
});

const submission = (
	overrides: Partial<Submission['input']> = {},
	extra: Partial<Submission> = {}
) =>
	({
		callSlug: 'mitmachen-im-integrationsbeirat',
		input: {
			name: 'Olena Kovalenko',
			email: 'olena@post.example',
			phone: '',
			placeId: ids.kappeln,
			languages: ['uk', 'de'],
			message: 'Ich möchte im Beirat für Familien aus der Ukraine sprechen.',
			consent: true,
			...overrides
		},
		trap: '',
		clientAddress: '203.0.113.7',
		origin: 'https://kitz.example',
		...extra
	}) satisfies Submission;

async function count(
	db: Kysely<DB>,
	table: 'contacts' | 'contactConsents' | 'committeeApplications' | 'mailOutbox'
) {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

const stored = async (db: Kysely<DB>) => ({
	contacts: await count(db, 'contacts'),
	consents: await count(db, 'contactConsents'),
	applications: await count(db, 'committeeApplications'),
	mails: await count(db, 'mailOutbox')
});

describeEachDialect(
	'calls for candidates and applications',
	({ database }) => {
		const db = () => database().db;

		it('refuses a call that does not fit its committee and term, and one opened too late', async () => {
			const refused = async (input: CallInput) =>
				createCall(db(), people.coordinator, input, NOW).then(
					() => null,
					(failure: unknown) => failure
				);
			expect(await refused(call({ seatsSought: 13 }))).toMatchObject({
				issues: [{ path: 'seatsSought', code: 'more_than_seats', params: { seats: 12 } }]
			});
			expect(await refused(call({ termId: ids.otherTerm }))).toMatchObject({
				issues: [{ path: 'termId', code: 'other_committee' }]
			});
			expect(await refused(call({ title: ' ', deadline: '31.01.2027' }))).toMatchObject({
				issues: [
					{ path: 'title', code: 'too_small' },
					{ path: 'deadline', code: 'not_a_day' }
				]
			});
			const late = await createCall(
				db(),
				people.coordinator,
				call({ deadline: '2026-11-30' }),
				NOW
			);
			await expect(openCall(db(), people.coordinator, late, NOW)).rejects.toMatchObject({
				issues: [{ path: 'deadline', code: 'deadline_past' }]
			});
			// An open call cannot be moved into the past either.
			await expect(
				updateCall(db(), people.coordinator, ids.call, call({ deadline: '2026-11-30' }), NOW)
			).rejects.toBeInstanceOf(CallValidationError);
		});

		it('creates the contact with its consent and the application, and nothing else', async () => {
			const before = await stored(db());
			expect(await submitApplication(db(), submission(), NOW)).toBe(true);
			const after = await stored(db());
			// One mail to the district's coordinator (the factory's editor is an administrator).
			expect(after).toEqual({
				contacts: before.contacts + 1,
				consents: before.consents + 1,
				applications: before.applications + 1,
				mails: before.mails + 1
			});
			const contact = await db()
				.selectFrom('contacts')
				.select(['id', 'name', 'email', 'phone', 'languages', 'organisationId', 'notes'])
				.where('name', '=', 'Olena Kovalenko')
				.executeTakeFirstOrThrow();
			expect(contact).toMatchObject({
				email: 'olena@post.example',
				phone: null,
				languages: 'uk,de',
				organisationId: null,
				notes: null
			});
			const consent = await db()
				.selectFrom('contactConsents')
				.innerJoin('processingPurposes', 'processingPurposes.id', 'contactConsents.purposeId')
				.select(['processingPurposes.key', 'source', 'givenOn', 'recordedBy', 'withdrawnOn'])
				.where('contactId', '=', contact.id)
				.executeTakeFirstOrThrow();
			expect(consent).toEqual({
				key: 'committee_work',
				source: 'web_form',
				givenOn: '2026-12-01',
				recordedBy: null,
				withdrawnOn: null
			});
			const application = await db()
				.selectFrom('committeeApplications')
				.select(['callId', 'placeId', 'message', 'status', 'receivedAt'])
				.where('contactId', '=', contact.id)
				.executeTakeFirstOrThrow();
			expect(application).toEqual({
				callId: ids.call,
				placeId: ids.kappeln,
				message: 'Ich möchte im Beirat für Familien aus der Ukraine sprechen.',
				status: 'new',
				receivedAt: NOW.toISOString()
			});
			// The audit knows that something came, not from whom.
			const audit = await db()
				.selectFrom('auditLog')
				.select(['action', 'userId', 'before', 'after'])
				.where('at', '=', NOW.toISOString())
				.where('action', 'in', ['contact.create', 'committee.application.receive'])
				.orderBy('id')
				.execute();
			expect(audit.map((entry) => [entry.action, entry.userId, entry.after])).toEqual([
				['contact.create', null, JSON.stringify({ source: 'web_form', purpose: 'committee_work' })],
				['committee.application.receive', null, JSON.stringify({ callId: ids.call })]
			]);
			expect(JSON.stringify(audit)).not.toMatch(/Olena|olena@|Ukraine|203\.0\.113/);
			// The coordinators hear of it, without the message or the applicant's data.
			const mails = await db()
				.selectFrom('mailOutbox')
				.select(['toAddress', 'subject', 'textBody'])
				.execute();
			expect(mails).toHaveLength(1);
			for (const mail of mails) {
				expect(mail.subject).toBe('Neue Bewerbung / New application – Integrationsbeirat');
				expect(mail.textBody).toContain(
					`https://kitz.example/de/office/committees/applications?call=${ids.call}`
				);
				expect(mail.textBody).not.toMatch(/Olena|olena@|Ukraine/);
			}
			// The client address is counted under a keyed hash only.
			const throttles = await db().selectFrom('throttles').select(['key', 'account']).execute();
			expect(throttles).toHaveLength(1);
			expect(JSON.stringify(throttles)).not.toContain('203.0.113.7');
		});

		it('stores nothing without consent, without a way to answer, or with bad input', async () => {
			const before = await stored(db());
			await expect(
				submitApplication(
					db(),
					submission({ consent: false, email: '', phone: '', name: '', message: '' }),
					NOW
				)
			).rejects.toMatchObject({
				issues: [
					{ path: 'name', code: 'too_small' },
					{ path: 'message', code: 'too_small' },
					{ path: 'consent', code: 'consent_missing' },
					{ path: 'email', code: 'no_contact_way' }
				]
			});
			await expect(
				submitApplication(db(), submission({ email: 'olena@', phone: '12' }), NOW)
			).rejects.toMatchObject({
				issues: [
					{ path: 'email', code: 'invalid_format' },
					{ path: 'phone', code: 'too_few_digits' }
				]
			});
			// A place of another district is not one of the form's choices.
			const flensburg = await database()
				.db.selectFrom('places')
				.select('id')
				.where('name', '=', 'Flensburg')
				.executeTakeFirstOrThrow();
			await expect(
				submitApplication(db(), submission({ placeId: flensburg.id }), NOW)
			).rejects.toMatchObject({ issues: [{ path: 'placeId', code: 'unknown' }] });
			expect(await stored(db())).toEqual(before);
		});

		it('refuses closed, expired and draft calls', async () => {
			const before = await stored(db());
			await expect(
				submitApplication(db(), submission(), new Date('2027-02-01T08:00:00Z'))
			).rejects.toBeInstanceOf(CallClosedError);
			// The deadline's day in Berlin still counts: 23:30 UTC is 00:30 the next day there.
			await expect(
				submitApplication(db(), submission(), new Date('2027-01-31T23:30:00Z'))
			).rejects.toBeInstanceOf(CallClosedError);
			expect(await submitApplication(db(), submission(), new Date('2027-01-31T22:30:00Z'))).toBe(
				true
			);
			await closeCall(db(), people.coordinator, ids.call, NOW);
			await expect(submitApplication(db(), submission(), NOW)).rejects.toBeInstanceOf(
				CallClosedError
			);
			await createCall(db(), people.coordinator, call({ title: 'Noch ein Entwurf' }), NOW);
			await expect(
				submitApplication(db(), { ...submission(), callSlug: 'noch-ein-entwurf' }, NOW)
			).rejects.toBeInstanceOf(CallNotFoundError);
			expect((await stored(db())).applications).toBe(before.applications + 1);
			expect(
				(await publicCall(db(), 'mitmachen-im-integrationsbeirat', 'de', NOW))!.accepting
			).toBe(false);
			expect(await publicCall(db(), 'noch-ein-entwurf', 'de', NOW)).toBeNull();
			expect(await openCalls(db(), 'de', NOW)).toEqual([]);
		});

		it('takes a filled honeypot silently and refuses a flood from one address', async () => {
			const before = await stored(db());
			expect(
				await submitApplication(db(), submission({}, { trap: 'https://spam.example' }), NOW)
			).toBe(false);
			expect(await stored(db())).toEqual(before);
			for (let n = 0; n < 9; n++)
				await submitApplication(db(), submission({}, { trap: 'spam' }), NOW);
			await expect(submitApplication(db(), submission(), NOW)).rejects.toBeInstanceOf(
				ThrottledError
			);
			expect(await stored(db())).toEqual(before);
			// Another address is not held up.
			expect(
				await submitApplication(db(), submission({}, { clientAddress: '198.51.100.4' }), NOW)
			).toBe(true);
		});

		it('shows the inbox to staff only, with possible duplicates and status changes', async () => {
			const existing = await createTestContact(db(), {
				districtId: people.coordinator.districtId,
				name: 'Olena K.',
				email: 'Olena@Post.example'
			});
			await submitApplication(db(), submission(), NOW);
			const [application] = await listApplications(db(), people.coordinator, ids.call);
			expect(application).toMatchObject({
				call: { id: ids.call, committeeName: 'Integrationsbeirat' },
				contact: { name: 'Olena Kovalenko', email: 'olena@post.example', languages: ['uk', 'de'] },
				placeName: 'Kappeln',
				status: 'new',
				possibleDuplicates: [{ id: existing, name: 'Olena K.' }]
			});
			// Not merged: the existing person's record is as it was.
			expect(application!.contact.id).not.toBe(existing);
			for (const actor of [people.partner, people.viewer])
				await expect(listApplications(db(), actor, null)).rejects.toBeInstanceOf(ForbiddenError);
			expect(await listApplications(db(), people.elsewhere, null)).toEqual([]);
			await expect(
				setApplicationStatus(db(), people.elsewhere, application!.id, 'accepted', NOW)
			).rejects.toMatchObject({ kind: 'not_found' });
			await expect(
				setApplicationStatus(db(), people.coordinator, application!.id, 'hired', NOW)
			).rejects.toBeInstanceOf(CallValidationError);
			await expect(
				addApplicantAsMember(db(), people.coordinator, application!.id, NOW)
			).rejects.toMatchObject({
				issues: [{ code: 'not_accepted' }]
			});
			await setApplicationStatus(db(), people.coordinator, application!.id, 'accepted', NOW);
			await addApplicantAsMember(db(), people.coordinator, application!.id, NOW);
			const member = await db()
				.selectFrom('committeeMembers')
				.select(['termId', 'role', 'fromOn'])
				.where('contactId', '=', application!.contact.id)
				.executeTakeFirstOrThrow();
			expect(member).toEqual({ termId: ids.term, role: 'member', fromOn: '2026-12-01' });
			const audit = await db()
				.selectFrom('auditLog')
				.select(['before', 'after', 'userId'])
				.where('action', '=', 'committee.application.status')
				.execute();
			expect(audit).toEqual([
				{
					before: JSON.stringify({ status: 'new' }),
					after: JSON.stringify({ status: 'accepted' }),
					userId: people.coordinator.id
				}
			]);
		});

		it('exports the application with the person and erases it with them', async () => {
			await submitApplication(db(), submission(), NOW);
			const { contact } = (await listApplications(db(), people.coordinator, ids.call))[0]!;
			const data = await exportPersonData(db(), people.coordinator, contact.id, NOW);
			expect(data.committeeApplications).toEqual([
				{
					callTitle: 'Mitmachen im Integrationsbeirat',
					committeeName: 'Integrationsbeirat',
					placeName: 'Kappeln',
					message: 'Ich möchte im Beirat für Familien aus der Ukraine sprechen.',
					receivedAt: NOW.toISOString(),
					status: 'new',
					updatedAt: NOW.toISOString()
				}
			]);
			expect(data.consents.map((consent) => [consent.purpose, consent.source])).toEqual([
				['committee_work', 'web_form']
			]);
			const summary = await erasePerson(db(), people.coordinator, contact.id, NOW);
			expect(summary.applicationsDeleted).toBe(1);
			expect(await count(db(), 'committeeApplications')).toBe(0);
			expect(await listApplications(db(), people.coordinator, null)).toEqual([]);
		});

		it("shows a call's translation in the portal, German where there is none", async () => {
			await saveCallTranslations(
				db(),
				people.coordinator,
				ids.call,
				{ translations: { uk: { title: 'Долучайтеся до інтеграційної ради' } } },
				NOW
			);
			const uk = (await publicCall(db(), 'mitmachen-im-integrationsbeirat', 'uk', NOW))!;
			expect(uk.title).toMatchObject({ text: 'Долучайтеся до інтеграційної ради', lang: 'uk' });
			expect(uk.text).toMatchObject({ lang: 'de', fallback: true });
			expect(uk.purpose.name).toBe('Mitwirkung in Gremien und Beiräten');
			expect(uk.places.map((place) => place.name)).toContain('Kappeln');
			expect(uk.places.map((place) => place.name)).not.toContain('Flensburg');
			await expect(
				saveCallTranslations(
					db(),
					people.partner,
					ids.call,
					{ translations: { uk: { title: 'x' } } },
					NOW
				)
			).rejects.toBeInstanceOf(ForbiddenError);
		});
	},
	async ({ db }) => {
		const world = await districtWithPartners(db);
		people.coordinator = await world.staff('coordinator');
		people.partner = await world.staff('partner_editor', [world.vhs]);
		people.viewer = await world.staff('viewer');
		people.elsewhere = await world.staff('coordinator', [], world.places.districts.flensburg);
		ids.kappeln = await world.places.place('Kappeln');
		const board = await createTestCommittee(
			db,
			world.districtId,
			{ terms: [{ startsOn: '2026-01-01', endsOn: '2030-12-31' }] },
			NOW
		);
		ids.committee = board.committeeId;
		ids.term = board.termIds[0]!;
		const youth = await createTestCommittee(
			db,
			world.districtId,
			{
				name: 'Jugendbeirat',
				type: 'youth_board',
				terms: [{ startsOn: '2026-01-01', endsOn: null }]
			},
			NOW
		);
		ids.other = youth.committeeId;
		ids.otherTerm = youth.termIds[0]!;
		ids.call = await createCall(db, people.coordinator, call(), NOW);
		await openCall(db, people.coordinator, ids.call, NOW);
	},
	{ isolation: 'test' }
);
