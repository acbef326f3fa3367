import nodemailer from 'nodemailer';
import { afterAll, expect, it } from 'vitest';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import type { Actor } from '../../src/lib/server/accounts/authorization.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { deliverDueMail } from '../../src/lib/server/mail/mail.service.js';
import { VerificationLinkError } from '../../src/lib/server/freshness/freshness.errors.js';
import {
	confirmStillCorrect,
	listStaleOffers,
	readVerificationLink,
	sendVerificationReminders
} from '../../src/lib/server/freshness/freshness.service.js';
import { freshnessOf } from '../../src/lib/server/freshness/freshness.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { startSmtpReceiver } from '../support/smtp.js';

const CONFIG = {
	origin: 'https://kitz.example.org',
	freshnessReminderMonths: 6,
	freshnessOutdatedMonths: 2
};
// Six months before NOW is 2026-02-01, eight months before is 2025-12-01.
const NOW = new Date('2026-08-01T06:00:00.000Z');
const at = (iso: string) => new Date(iso);

let districtId = 0;
let otherDistrictId = 0;
const org = { a: 0, b: 0, c: 0 };
const offer = { aDue: 0, aFresh: 0, aDraft: 0, aExpired: 0, bOutdated: 0, cDue: 0 };

async function seed(database: Database) {
	const db = database.db;
	const places = await createDistrictsAndPlaces(db);
	districtId = places.districts.schleswigFlensburg;
	otherDistrictId = places.districts.flensburg;
	org.a = await createOrganisation(db, { districtId, name: 'A Sprachschule' });
	org.b = await createOrganisation(db, {
		districtId,
		name: 'B Verein',
		email: 'kontakt@b.example'
	});
	org.c = await createOrganisation(db, { districtId, name: 'C ohne Adresse' });
	for (const email of ['paula@a.example', 'peter@a.example', 'ehemals@a.example'])
		await createTestAccount(db, {
			districtId,
			email,
			role: 'partner_editor',
			organisationIds: [org.a]
		});
	await db
		.updateTable('users')
		.set({ disabledAt: NOW.toISOString() })
		.where('email', '=', 'ehemals@a.example')
		.execute();
	const kappeln = await places.place('Kappeln');
	const create = (organisationId: number, title: string, verified: string, extra = {}) =>
		createOffer(db, { organisationId, placeId: kappeln, title, ...extra }, at(verified));
	offer.aDue = await create(org.a, 'Sprachcafé am Hafen', '2026-01-10T09:00:00.000Z');
	offer.aFresh = await create(org.a, 'Neuer Kurs', '2026-05-01T09:00:00.000Z');
	offer.aDraft = await create(org.a, 'Entwurf', '2025-01-01T09:00:00.000Z', { status: 'draft' });
	offer.aExpired = await create(org.a, 'Vorbei', '2025-01-01T09:00:00.000Z', {
		validTo: '2026-03-01'
	});
	offer.bOutdated = await create(org.b, 'Frauentreff', '2025-10-01T09:00:00.000Z');
	offer.cDue = await create(org.c, 'Ohne Empfänger', '2026-01-01T09:00:00.000Z');
}

function mailsTo(database: Database, to: string) {
	return database.db
		.selectFrom('mailOutbox')
		.select(['subject', 'textBody'])
		.where('toAddress', '=', to)
		.orderBy('id')
		.execute();
}

const tokenIn = (text: string) => /\/de\/verify-offer\/([\w-]+)/.exec(text)![1]!;

async function offerRow(database: Database, id: number) {
	return database.db
		.selectFrom('offers')
		.select(['lastVerifiedAt', 'verificationRemindedAt'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
}

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

// A story on one database per dialect: each test reads the reminders, links and confirmations of
// the tests before it (the first test's mails are delivered, confirmed and expired by the later ones).
describeEachDialect(
	'offer freshness',
	({ database }) => {
		it('reminds the owners of published offers due for verification, once', async () => {
			expect(await sendVerificationReminders(database().db, CONFIG, NOW)).toEqual({
				reminded: 2,
				skipped: 1
			});
			// Both active partner editors of A get the same link; the disabled one nothing.
			const [paula] = await mailsTo(database(), 'paula@a.example');
			const [peter] = await mailsTo(database(), 'peter@a.example');
			expect(await mailsTo(database(), 'ehemals@a.example')).toEqual([]);
			expect(tokenIn(paula!.textBody)).toBe(tokenIn(peter!.textBody));
			// B has no partner editor: its general address is asked.
			expect(await mailsTo(database(), 'kontakt@b.example')).toHaveLength(1);
			expect((await offerRow(database(), offer.aDue)).verificationRemindedAt).toBe(
				NOW.toISOString()
			);
			for (const id of [offer.aFresh, offer.aDraft, offer.aExpired, offer.cDue])
				expect((await offerRow(database(), id)).verificationRemindedAt).toBeNull();

			// Later runs send nothing more; C, without any address, is tried again each time.
			const outbox = await database().db.selectFrom('mailOutbox').select('id').execute();
			for (const later of [NOW, at('2026-08-01T07:00:00.000Z'), at('2026-10-01T00:00:00.000Z')])
				expect(await sendVerificationReminders(database().db, CONFIG, later)).toEqual({
					reminded: 0,
					skipped: 1
				});
			expect(await database().db.selectFrom('mailOutbox').select('id').execute()).toHaveLength(
				outbox.length
			);
		});

		it('writes the mail in German and English with a one-click link, and delivers it', async () => {
			const [mail] = await mailsTo(database(), 'paula@a.example');
			expect(mail!.subject).toBe(
				'Stimmen die Angaben noch? / Is your offer still up to date? – Sprachcafé am Hafen'
			);
			expect(mail!.textBody).toContain('„Sprachcafé am Hafen“ (A Sprachschule)');
			expect(mail!.textBody).toContain('zuletzt am 10. Januar 2026 bestätigt');
			expect(mail!.textBody).toContain('ab dem 10. September 2026 den Hinweis');
			expect(mail!.textBody).toContain('last confirmed on January 10, 2026');
			expect(mail!.textBody).toMatch(/https:\/\/kitz\.example\.org\/de\/verify-offer\/[\w-]{43}\n/);
			expect(mail!.textBody).toContain('https://kitz.example.org/de/offers/sprachcafe-am-hafen-');
			expect(mail!.textBody).toContain('https://kitz.example.org/de/login');

			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			const transport = nodemailer.createTransport({
				host: '127.0.0.1',
				port: receiver.port,
				secure: false,
				ignoreTLS: true
			});
			await deliverDueMail(database().db, transport, 'KITZ <kitz@example.org>', () => NOW);
			const delivered = receiver.received.find((m) => m.to.includes('paula@a.example'))!;
			const body = delivered.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
			expect(body).toContain(`/de/verify-offer/${tokenIn(mail!.textBody)}`);
			expect(receiver.received.map((m) => m.to[0]).sort()).toEqual([
				'kontakt@b.example',
				'paula@a.example',
				'peter@a.example'
			]);
		});

		it('confirms an offer through its link once; showing the link changes nothing', async () => {
			const [mail] = await mailsTo(database(), 'paula@a.example');
			const token = tokenIn(mail!.textBody);
			const later = at('2026-08-03T10:00:00.000Z');
			expect(await readVerificationLink(database().db, token, later)).toMatchObject({
				offerId: offer.aDue,
				title: 'Sprachcafé am Hafen',
				organisationName: 'A Sprachschule',
				lastVerifiedAt: '2026-01-10T09:00:00.000Z'
			});
			expect((await offerRow(database(), offer.aDue)).lastVerifiedAt).toBe(
				'2026-01-10T09:00:00.000Z'
			);

			await confirmStillCorrect(database().db, token, later);
			expect(await offerRow(database(), offer.aDue)).toEqual({
				lastVerifiedAt: later.toISOString(),
				verificationRemindedAt: null
			});
			expect(freshnessOf(later.toISOString(), CONFIG, later)).toBe('fresh');
			const [entry] = await listAudit(database().db, {
				role: 'administrator',
				districtId,
				organisationIds: []
			});
			expect(entry).toMatchObject({
				action: 'offer.verified_by_link',
				entityId: offer.aDue,
				userName: null,
				after: { lastVerifiedAt: later.toISOString() }
			});

			for (const attempt of [
				() => confirmStillCorrect(database().db, token, later),
				() => readVerificationLink(database().db, token, later)
			])
				await expect(attempt()).rejects.toThrow(new VerificationLinkError('used'));
			for (const unknown of ['x'.repeat(43), 'kurz', '../../etc/passwd', ''])
				await expect(confirmStillCorrect(database().db, unknown, later)).rejects.toThrow(
					new VerificationLinkError('unknown')
				);

			// Verified again: no reminder before the next period is over.
			expect(await sendVerificationReminders(database().db, CONFIG, later)).toEqual({
				reminded: 0,
				skipped: 1
			});
		});

		it('refuses an expired link, and reminds again once it has expired', async () => {
			const [mail] = await mailsTo(database(), 'kontakt@b.example');
			const token = tokenIn(mail!.textBody);
			// The link works for one reminder period: until 2027-02-01 06:00.
			expect(
				(await readVerificationLink(database().db, token, at('2027-02-01T05:59:00.000Z'))).title
			).toBe('Frauentreff');
			await expect(
				confirmStillCorrect(database().db, token, at('2027-02-01T06:00:00.000Z'))
			).rejects.toThrow(new VerificationLinkError('expired'));
			expect((await offerRow(database(), offer.bOutdated)).lastVerifiedAt).toBe(
				'2025-10-01T09:00:00.000Z'
			);

			// The unanswered reminder is repeated when its link expires; A's other offer is due by now.
			expect(
				await sendVerificationReminders(database().db, CONFIG, at('2027-02-01T06:00:00.000Z'))
			).toEqual({ reminded: 2, skipped: 1 });
			const mails = await mailsTo(database(), 'kontakt@b.example');
			expect(mails).toHaveLength(2);
			const fresh = tokenIn(mails[1]!.textBody);
			expect(fresh).not.toBe(token);
			await confirmStillCorrect(database().db, fresh, at('2027-02-02T00:00:00.000Z'));
			expect((await offerRow(database(), offer.bOutdated)).lastVerifiedAt).toBe(
				'2027-02-02T00:00:00.000Z'
			);

			// The offer confirmed on 2026-08-03 is due again one period later.
			await sendVerificationReminders(database().db, CONFIG, at('2027-02-03T10:00:00.000Z'));
			const subjects = (await mailsTo(database(), 'paula@a.example')).map((m) => m.subject);
			expect(subjects.filter((subject) => subject.endsWith('Sprachcafé am Hafen'))).toHaveLength(2);
			expect(subjects.filter((subject) => subject.endsWith('Neuer Kurs'))).toHaveLength(1);
		});

		it('sends one reminder when two app processes run the job at the same time', async () => {
			const organisationId = await createOrganisation(database().db, {
				districtId,
				name: 'D Parallel',
				email: 'parallel@d.example'
			});
			await createOffer(
				database().db,
				{ organisationId, title: 'Parallel' },
				at('2026-09-01T00:00:00.000Z')
			);
			const when = at('2027-03-02T00:00:00.000Z');
			await Promise.all([
				sendVerificationReminders(database().db, CONFIG, when),
				sendVerificationReminders(database().db, CONFIG, when)
			]);
			expect(await mailsTo(database(), 'parallel@d.example')).toHaveLength(1);
		});

		it('lists stale offers per organisation: staff the district, partners their own', async () => {
			const coordinator: Actor = { role: 'coordinator', districtId, organisationIds: [] };
			const viewer: Actor = { role: 'viewer', districtId, organisationIds: [] };
			const partnerA: Actor = { role: 'partner_editor', districtId, organisationIds: [org.a] };
			const partnerB: Actor = { role: 'partner_editor', districtId, organisationIds: [org.b] };
			const elsewhere: Actor = {
				role: 'coordinator',
				districtId: otherDistrictId,
				organisationIds: []
			};
			// Due: verified on or before 2026-09-02; possibly outdated: on or before 2026-07-02.
			const now = at('2027-03-02T00:00:00.000Z');
			const summary = (groups: Awaited<ReturnType<typeof listStaleOffers>>) =>
				groups.map((group) => ({
					organisation: group.organisationName,
					offers: group.offers.map((o) => [o.title, o.freshness])
				}));
			const all = await listStaleOffers(database().db, coordinator, CONFIG, now);
			expect(summary(all)).toEqual([
				{
					organisation: 'A Sprachschule',
					offers: [
						['Neuer Kurs', 'may_be_outdated'],
						['Sprachcafé am Hafen', 'due']
					]
				},
				{ organisation: 'C ohne Adresse', offers: [['Ohne Empfänger', 'may_be_outdated']] },
				{ organisation: 'D Parallel', offers: [['Parallel', 'due']] }
			]);
			expect(all[0]!.offers[1]).toMatchObject({
				id: offer.aDue,
				lastVerifiedAt: '2026-08-03T10:00:00.000Z',
				remindedAt: '2027-02-03T10:00:00.000Z'
			});
			expect(all[1]!.offers[0]!.remindedAt).toBeNull();
			expect(await listStaleOffers(database().db, viewer, CONFIG, now)).toEqual(all);
			expect(await listStaleOffers(database().db, partnerA, CONFIG, now)).toEqual([all[0]]);
			expect(await listStaleOffers(database().db, partnerB, CONFIG, now)).toEqual([]);
			expect(await listStaleOffers(database().db, elsewhere, CONFIG, now)).toEqual([]);
		});
	},
	seed
);
