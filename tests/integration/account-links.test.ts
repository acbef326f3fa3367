import { expect, it } from 'vitest';
import {
	inviteAccount,
	isLinkValid,
	redeemLink,
	requestPasswordReset
} from '../../src/lib/server/accounts/account-links.service.js';
import {
	AccountValidationError,
	InvalidCredentialsError,
	ForbiddenError,
	InvalidLinkError
} from '../../src/lib/server/accounts/accounts.errors.js';
import { authenticate } from '../../src/lib/server/accounts/accounts.service.js';
import { THROTTLE_RULES } from '../../src/lib/server/accounts/throttle.service.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import { type Actor } from '../../src/lib/server/accounts/authorization.js';
import { resumeSession, startSession } from '../../src/lib/server/accounts/sessions.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { undeliveredMail } from '../../src/lib/server/mail/mail.service.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const BASE = { origin: 'https://kitz.example.org' };
const NEW_PASSWORD = 'a brand new passphrase';
const IP = '10.2.0.9';
const minutes = (base: Date, count: number) => new Date(base.getTime() + count * 60_000);
let coordinator: Actor & { id: number };
let partner: Actor & { id: number };
let organisationId = 0;

async function seed(database: Database) {
	const districtId = (await createDistrictsAndPlaces(database.db)).districts.schleswigFlensburg;
	organisationId = await createOrganisation(database.db, { districtId });
	const staff = await createTestAccount(database.db, { districtId });
	coordinator = { id: staff.id, role: 'coordinator', districtId, organisationIds: [] };
	partner = { id: staff.id, role: 'partner_editor', districtId, organisationIds: [organisationId] };
}

/** The link from the newest queued mail to that address. */
async function linkFor(database: Database, to: string): Promise<string> {
	const mail = await database.db
		.selectFrom('mailOutbox')
		.select('textBody')
		.where('toAddress', '=', to)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	return /token=([\w-]+)/.exec(mail.textBody)![1]!;
}

// One database per dialect, read in order: the audit test reads the invitation and the reset the
// first tests made; the other tests add their own accounts and count the outbox relative to before.
describeEachDialect(
	'invitations and password resets',
	({ database }) => {
		it('invites a partner editor by mail; the link sets the password once', async () => {
			const id = await inviteAccount(
				database().db,
				coordinator,
				{
					email: 'neu@example.org',
					name: 'Nora Neu',
					role: 'partner_editor',
					organisationIds: [organisationId]
				},
				BASE
			);
			const [mail] = (await undeliveredMail(database().db)).filter(
				(m) => m.toAddress === 'neu@example.org'
			);
			expect(mail!.subject).toContain('Einladung');
			await expect(
				authenticate(database().db, {
					email: 'neu@example.org',
					password: NEW_PASSWORD,
					ip: '10.2.0.1'
				})
			).rejects.toThrow(InvalidCredentialsError);
			const token = await linkFor(database(), 'neu@example.org');
			await expect(redeemLink(database().db, token, 'short')).rejects.toThrow(
				AccountValidationError
			);
			expect(await redeemLink(database().db, token, NEW_PASSWORD)).toBe(id);
			await expect(
				authenticate(database().db, {
					email: 'neu@example.org',
					password: NEW_PASSWORD,
					ip: '10.2.0.1'
				})
			).resolves.toMatchObject({
				role: 'partner_editor',
				organisationIds: [organisationId]
			});
			await expect(redeemLink(database().db, token, 'another passphrase!')).rejects.toThrow(
				InvalidLinkError
			);
		});

		it('lets only staff invite, and only administrators invite administrators', async () => {
			const invite = (
				actor: Actor & { id: number },
				role: 'administrator' | 'viewer',
				email: string
			) => inviteAccount(database().db, actor, { email, name: 'X', role }, BASE);
			await expect(invite(partner, 'viewer', 'v1@example.org')).rejects.toThrow(ForbiddenError);
			await expect(invite(coordinator, 'administrator', 'a1@example.org')).rejects.toThrow(
				ForbiddenError
			);
			await expect(invite(coordinator, 'viewer', 'v2@example.org')).resolves.toBeGreaterThan(0);
			const stored = await database()
				.db.selectFrom('users')
				.select('email')
				.where('email', 'in', ['v1@example.org', 'a1@example.org'])
				.execute();
			expect(stored).toEqual([]);
		});

		it('expires invitation links after seven days', async () => {
			const now = new Date('2026-12-01T10:00:00Z');
			await inviteAccount(
				database().db,
				coordinator,
				{ email: 'spaet@example.org', name: 'Spät', role: 'viewer' },
				BASE,
				now
			);
			const token = await linkFor(database(), 'spaet@example.org');
			await expect(
				redeemLink(database().db, token, NEW_PASSWORD, new Date('2026-12-08T10:00:01Z'))
			).rejects.toThrow(InvalidLinkError);
		});

		it('resets a password by mail without revealing unknown addresses, and ends old sessions', async () => {
			const { id, email } = await createTestAccount(database().db, {
				districtId: coordinator.districtId
			});
			const session = await startSession(database().db, id, { ip: null, userAgent: null });
			const before = (await undeliveredMail(database().db)).length;
			await requestPasswordReset(database().db, { email: 'unknown@example.org', ip: IP }, BASE);
			expect((await undeliveredMail(database().db)).length).toBe(before);
			await requestPasswordReset(database().db, { email: email.toUpperCase(), ip: IP }, BASE);
			const token = await linkFor(database(), email);
			await redeemLink(database().db, token, NEW_PASSWORD);
			expect(await resumeSession(database().db, session)).toBeNull();
			await expect(
				authenticate(database().db, { email, password: NEW_PASSWORD, ip: '10.2.0.2' })
			).resolves.toMatchObject({ userId: id });
		});

		it('logs invitations and password changes for administrators only', async () => {
			const administrator = { ...coordinator, role: 'administrator' as const };
			const log = await listAudit(database().db, administrator);
			const invited = log.find(
				(entry) =>
					entry.action === 'account.invited' &&
					(entry.after as { email: string }).email === 'neu@example.org'
			);
			expect(invited).toMatchObject({
				entity: 'user',
				after: { email: 'neu@example.org', role: 'partner_editor' }
			});
			expect(invited!.userName).toMatch(/^Person/);
			expect(log.map((entry) => entry.action)).toContain('account.password_set_by_invite');
			expect(log.map((entry) => entry.action)).toContain('account.password_set_by_reset');
			await expect(listAudit(database().db, coordinator)).rejects.toThrow(ForbiddenError);
		});

		it('lets only the newest reset link work', async () => {
			const { email } = await createTestAccount(database().db, {
				districtId: coordinator.districtId
			});
			const start = new Date('2026-12-05T08:00:00Z');
			await requestPasswordReset(database().db, { email, ip: IP }, BASE, start);
			const older = await linkFor(database(), email);
			const later = minutes(start, 20);
			await requestPasswordReset(database().db, { email, ip: IP }, BASE, later);
			const newer = await linkFor(database(), email);
			expect(newer).not.toBe(older);
			expect(await isLinkValid(database().db, older, later)).toBe(false);
			await expect(redeemLink(database().db, older, NEW_PASSWORD, later)).rejects.toThrow(
				InvalidLinkError
			);
			await expect(redeemLink(database().db, newer, NEW_PASSWORD, later)).resolves.toBeGreaterThan(
				0
			);
		});

		it('revokes every other link of the account once its password is set', async () => {
			const start = new Date('2026-12-05T09:00:00Z');
			await inviteAccount(
				database().db,
				coordinator,
				{ email: 'zweimal@example.org', name: 'Zwei Mal', role: 'viewer' },
				BASE,
				start
			);
			const invitation = await linkFor(database(), 'zweimal@example.org');
			await requestPasswordReset(
				database().db,
				{ email: 'zweimal@example.org', ip: IP },
				BASE,
				start
			);
			const reset = await linkFor(database(), 'zweimal@example.org');
			// A reset link replaces earlier reset links only: the invitation still works …
			expect(await isLinkValid(database().db, invitation, start)).toBe(true);
			await redeemLink(database().db, reset, NEW_PASSWORD, start);
			// … until a password is set, which ends every outstanding link.
			expect(await isLinkValid(database().db, invitation, start)).toBe(false);
			await expect(
				redeemLink(database().db, invitation, 'the attacker’s passphrase', start)
			).rejects.toThrow(InvalidLinkError);
			await expect(redeemLink(database().db, reset, 'once more, please', start)).rejects.toThrow(
				InvalidLinkError
			);
		});

		it('queues at most one reset mail per account per quarter hour, from any number of addresses', async () => {
			const { email } = await createTestAccount(database().db, {
				districtId: coordinator.districtId
			});
			const start = new Date('2026-12-05T10:00:00Z');
			const mails = async () =>
				(
					await database()
						.db.selectFrom('mailOutbox')
						.select('id')
						.where('toAddress', '=', email)
						.execute()
				).length;
			await Promise.all(
				Array.from({ length: 20 }, (_, n) =>
					requestPasswordReset(database().db, { email, ip: `10.8.${n}.1` }, BASE, start)
				)
			);
			expect(await mails()).toBe(1);
			await requestPasswordReset(database().db, { email, ip: IP }, BASE, minutes(start, 14));
			expect(await mails()).toBe(1);
			await requestPasswordReset(database().db, { email, ip: IP }, BASE, minutes(start, 16));
			expect(await mails()).toBe(2);
		});

		it('serves a few reset requests per address, then queues nothing for anyone from it', async () => {
			const start = new Date('2026-12-05T11:00:00Z');
			const emails = [];
			for (let n = 0; n < 8; n++)
				emails.push(
					(await createTestAccount(database().db, { districtId: coordinator.districtId })).email
				);
			for (const email of emails)
				await expect(
					requestPasswordReset(database().db, { email, ip: '10.12.0.1' }, BASE, start)
				).resolves.toBeUndefined();
			const queued = await database()
				.db.selectFrom('mailOutbox')
				.select('toAddress')
				.where('toAddress', 'in', emails)
				.execute();
			expect(queued.map((mail) => mail.toAddress).sort()).toEqual(
				emails.slice(0, THROTTLE_RULES.reset.address!.free).sort()
			);
		});

		it('rejects made-up links', async () => {
			await expect(redeemLink(database().db, 'made-up', NEW_PASSWORD)).rejects.toThrow(
				InvalidLinkError
			);
		});
	},
	seed
);
