import { expect, it } from 'vitest';
import {
	AccountValidationError,
	EmailTakenError,
	InvalidCredentialsError,
	LoginThrottledError
} from '../../src/lib/server/accounts/accounts.errors.js';
import { authenticate, THROTTLE } from '../../src/lib/server/accounts/accounts.service.js';
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

describeEachDialect(
	'accounts',
	({ database }) => {
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

		it('throttles an account after repeated failures, even for the right password, until the window passes', async () => {
			const { email } = await createTestAccount(database().db, { districtId });
			const start = new Date('2026-12-01T10:00:00Z');
			for (let attempt = 0; attempt < THROTTLE.perAccount; attempt++) {
				await expect(
					authenticate(
						database().db,
						{ email, password: 'wrong password!!', ip: `10.1.0.${attempt}` },
						minutes(start, attempt)
					)
				).rejects.toThrow(InvalidCredentialsError);
			}
			const throttled = authenticate(
				database().db,
				{ email, password: TEST_PASSWORD, ip: '10.1.1.1' },
				minutes(start, 6)
			);
			await expect(throttled).rejects.toThrow(LoginThrottledError);
			await expect(
				authenticate(
					database().db,
					{ email, password: TEST_PASSWORD, ip: '10.1.1.1' },
					minutes(start, 16)
				)
			).resolves.toMatchObject({ role: 'coordinator' });
		});

		it('throttles an address that tries many accounts', async () => {
			const start = new Date('2026-12-02T10:00:00Z');
			for (let attempt = 0; attempt < THROTTLE.perAddress; attempt++) {
				await expect(
					authenticate(
						database().db,
						{ email: `guess${attempt}@example.org`, password: 'x', ip: '10.9.9.9' },
						start
					)
				).rejects.toThrow(InvalidCredentialsError);
			}
			const { email } = await createTestAccount(database().db, { districtId });
			await expect(
				authenticate(database().db, { email, password: TEST_PASSWORD, ip: '10.9.9.9' }, start)
			).rejects.toThrow(LoginThrottledError);
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
