import { expect, it } from 'vitest';
import {
	AccountValidationError,
	EmailTakenError,
	InvalidCredentialsError,
	ThrottledError
} from '../../src/lib/server/accounts/accounts.errors.js';
import {
	redeemLink,
	requestPasswordReset
} from '../../src/lib/server/accounts/account-links.service.js';
import { authenticate } from '../../src/lib/server/accounts/accounts.service.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import { pruneThrottles, THROTTLE_RULES } from '../../src/lib/server/accounts/throttle.service.js';
import {
	endSession,
	resumeSession,
	SESSION_IDLE_HOURS,
	startSession
} from '../../src/lib/server/accounts/sessions.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { createTestAccount, TEST_PASSWORD } from '../factories/account.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

let districtId = 0;
let organisationId = 0;

async function seed(database: Database) {
	const places = await createDistrictsAndPlaces(database.db);
	districtId = places.districts.schleswigFlensburg;
	organisationId = await createOrganisation(database.db, { districtId });
}

const minutes = (base: Date, count: number) => new Date(base.getTime() + count * 60_000);
const seconds = (base: Date, count: number) => new Date(base.getTime() + count * 1000);
const BASE = { origin: 'https://kitz.example.org' };
const NEW_PASSWORD = 'a brand new passphrase';

// One database per dialect, read in order: the pruning test works on the throttle state the
// login tests before it left behind (and empties it); the other tests use their own accounts.
describeEachDialect(
	'accounts',
	({ database }) => {
		/** The token in the newest reset mail to that address. */
		const resetTokenFor = async (to: string) => {
			const mail = await database()
				.db.selectFrom('mailOutbox')
				.select('textBody')
				.where('toAddress', '=', to)
				.orderBy('id', 'desc')
				.executeTakeFirstOrThrow();
			return /token=([\w-]+)/.exec(mail.textBody)![1]!;
		};

		it('logs in with the right password and knows the partner’s organisations', async () => {
			const { email } = await createTestAccount(database().db, {
				districtId,
				role: 'partner_editor',
				organisationIds: [organisationId],
				email: 'Partner@Example.org'
			});
			expect(email).toBe('partner@example.org');
			const actor = await authenticate(database().db, {
				email: ' PARTNER@example.org',
				password: TEST_PASSWORD,
				ip: '10.0.0.1'
			});
			expect(actor).toMatchObject({
				role: 'partner_editor',
				districtId,
				organisationIds: [organisationId]
			});
		});

		it('answers a wrong password and an unknown account alike', async () => {
			const { email } = await createTestAccount(database().db, { districtId });
			await expect(
				authenticate(database().db, { email, password: 'wrong password!!', ip: '10.0.0.2' })
			).rejects.toThrow(InvalidCredentialsError);
			await expect(
				authenticate(database().db, {
					email: 'nobody@example.org',
					password: TEST_PASSWORD,
					ip: '10.0.0.2'
				})
			).rejects.toThrow(InvalidCredentialsError);
		});

		const logIn = (email: string, password: string, ip: string, at: Date) =>
			authenticate(database().db, { email, password, ip }, at);

		it('blocks one address guessing one account with a doubling wait, never the owner elsewhere', async () => {
			const { email } = await createTestAccount(database().db, { districtId });
			const start = new Date('2026-12-01T10:00:00Z');
			const { free } = THROTTLE_RULES.login.pair!;
			for (let attempt = 0; attempt < free + 1; attempt++)
				await expect(logIn(email, 'wrong password!!', '10.1.0.1', start)).rejects.toThrow(
					attempt < free ? InvalidCredentialsError : ThrottledError
				);
			// Even the right password waits out the block at that address …
			await expect(logIn(email, TEST_PASSWORD, '10.1.0.1', start)).rejects.toMatchObject({
				constructor: ThrottledError,
				retryAfterSeconds: 60
			});
			// … while the owner, at their own address, is let in at once.
			await expect(logIn(email, TEST_PASSWORD, '10.1.0.2', start)).resolves.toMatchObject({
				role: 'coordinator'
			});
			// One more failure after the block blocks twice as long.
			const next = seconds(start, 61);
			await expect(logIn(email, 'wrong password!!', '10.1.0.1', next)).rejects.toThrow(
				InvalidCredentialsError
			);
			await expect(logIn(email, TEST_PASSWORD, '10.1.0.1', seconds(next, 119))).rejects.toThrow(
				ThrottledError
			);
			await expect(
				logIn(email, TEST_PASSWORD, '10.1.0.1', seconds(next, 121))
			).resolves.toBeDefined();
		});

		it('slows an account sprayed from many addresses, except where its owner logged in before, until a reset', async () => {
			const { id, email } = await createTestAccount(database().db, { districtId });
			const start = new Date('2026-12-02T08:00:00Z');
			await logIn(email, TEST_PASSWORD, '10.4.0.1', start);
			const { free } = THROTTLE_RULES.login.account!;
			for (let attempt = 0; attempt < free; attempt++)
				await expect(
					logIn(email, 'wrong password!!', `10.5.0.${attempt}`, minutes(start, 60))
				).rejects.toThrow(InvalidCredentialsError);
			const sprayed = minutes(start, 60);
			await expect(logIn(email, TEST_PASSWORD, '10.6.0.1', sprayed)).rejects.toThrow(
				ThrottledError
			);
			await expect(logIn(email, TEST_PASSWORD, '10.4.0.1', sprayed)).resolves.toMatchObject({
				userId: id
			});

			const administrator = { role: 'administrator' as const, districtId, organisationIds: [] };
			const audit = (await listAudit(database().db, administrator, 500)).filter(
				(entry) => entry.entityId === id
			);
			expect(audit.filter((entry) => entry.action === 'account.login_failed')).toHaveLength(free);
			expect(audit.filter((entry) => entry.action === 'account.login_blocked')).toEqual([
				expect.objectContaining({ after: expect.objectContaining({ by: 'account' }) })
			]);

			// A reset link proves the mailbox and lifts the block for every address.
			await requestPasswordReset(database().db, { email, ip: '10.6.0.1' }, BASE, sprayed);
			await redeemLink(database().db, await resetTokenFor(email), NEW_PASSWORD, sprayed);
			await expect(logIn(email, NEW_PASSWORD, '10.6.0.1', sprayed)).resolves.toMatchObject({
				userId: id
			});
		});

		it('throttles an address that tries many accounts', async () => {
			const start = new Date('2026-12-02T10:00:00Z');
			for (let attempt = 0; attempt < THROTTLE_RULES.login.address!.free; attempt++) {
				await expect(logIn(`guess${attempt}@example.org`, 'x', '10.9.9.9', start)).rejects.toThrow(
					InvalidCredentialsError
				);
			}
			const { email } = await createTestAccount(database().db, { districtId });
			await expect(logIn(email, TEST_PASSWORD, '10.9.9.9', start)).rejects.toThrow(ThrottledError);
		});

		it('prunes throttle state nobody needs, keeping addresses owners logged in from', async () => {
			const keys = async () =>
				(await database().db.selectFrom('throttles').select('key').execute()).map((row) => row.key);
			expect((await keys()).length).toBeGreaterThan(0);
			// From the real clock: the log-ins above record their throttle state at the real time, so
			// a fixed day stops being "two days later" once the calendar reaches it.
			const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);
			await pruneThrottles(database().db, daysFromNow(2));
			const kept = await keys();
			expect(kept.length).toBeGreaterThan(0);
			expect(kept.every((key) => key.includes(':pair:'))).toBe(true);
			await pruneThrottles(database().db, daysFromNow(120));
			expect(await keys()).toEqual([]);
		});

		it('refuses invalid accounts with specific reasons', async () => {
			await expect(
				createTestAccount(database().db, { districtId, role: 'partner_editor' })
			).rejects.toThrow(AccountValidationError);
			await expect(
				createTestAccount(database().db, { districtId, password: 'short' })
			).rejects.toThrow(AccountValidationError);
			await createTestAccount(database().db, { districtId, email: 'twice@example.org' });
			await expect(
				createTestAccount(database().db, { districtId, email: 'TWICE@example.org' })
			).rejects.toThrow(EmailTakenError);
		});

		it('keeps sessions in the database, extends them on use and ends them', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const start = new Date('2026-12-03T08:00:00Z');
			const token = await startSession(
				database().db,
				id,
				{ ip: '10.0.0.3', userAgent: 'test' },
				start
			);
			const stored = await database()
				.db.selectFrom('sessions')
				.select('id')
				.where('userId', '=', id)
				.executeTakeFirstOrThrow();
			expect(stored.id).not.toContain(token);
			expect(await resumeSession(database().db, token, minutes(start, 60))).toMatchObject({
				userId: id
			});
			// Used after one hour, so it lives until one hour plus the idle time.
			expect(
				await resumeSession(database().db, token, minutes(start, 60 + SESSION_IDLE_HOURS * 60 - 1))
			).not.toBeNull();
			expect(await resumeSession(database().db, 'not-a-token', start)).toBeNull();
			await endSession(database().db, token);
			expect(await resumeSession(database().db, token, minutes(start, 61))).toBeNull();
		});

		it('lets a session expire after the idle time', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const start = new Date('2026-12-04T08:00:00Z');
			const token = await startSession(database().db, id, { ip: null, userAgent: null }, start);
			expect(
				await resumeSession(database().db, token, minutes(start, SESSION_IDLE_HOURS * 60 + 1))
			).toBeNull();
		});
	},
	seed
);
