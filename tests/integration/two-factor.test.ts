import { Secret, TOTP } from 'otpauth';
import { expect, it } from 'vitest';
import { ThrottledError, TwoFactorError } from '../../src/lib/server/accounts/accounts.errors.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import { THROTTLE_RULES } from '../../src/lib/server/accounts/throttle.service.js';
import {
	markSecondFactorDone,
	resumeSession,
	startSession
} from '../../src/lib/server/accounts/sessions.service.js';
import {
	beginTwoFactor,
	confirmTwoFactor,
	pendingTwoFactor,
	requiresTwoFactor,
	verifySecondFactor
} from '../../src/lib/server/accounts/two-factor.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

let districtId = 0;

async function seed(database: Database) {
	districtId = (await createDistrictsAndPlaces(database.db)).districts.schleswigFlensburg;
}

/** What the person's authenticator app would show at that moment. */
function codeAt(uri: string, at: Date): string {
	const secret = new URL(uri).searchParams.get('secret')!;
	return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
		timestamp: at.getTime()
	});
}

const at = (iso: string) => new Date(iso);
const seconds = (base: Date, count: number) => new Date(base.getTime() + count * 1000);
/** The address the account's owner usually works from. */
const HOME = '10.3.0.1';

describeEachDialect(
	'two-factor log-in',
	({ database }) => {
		const verify = (userId: number, code: string, now = new Date(), ip = HOME) =>
			verifySecondFactor(database().db, { userId, code, ip }, now);

		it('is required for administrators and coordinators only', () => {
			expect(requiresTwoFactor('administrator')).toBe(true);
			expect(requiresTwoFactor('coordinator')).toBe(true);
			expect(requiresTwoFactor('partner_editor')).toBe(false);
			expect(requiresTwoFactor('viewer')).toBe(false);
		});

		it('enrols with a first code and then accepts each authenticator code once', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const uri = await beginTwoFactor(database().db, id, at('2026-12-01T10:00:00Z'));
			expect(uri).toMatch(/^otpauth:\/\/totp\/KITZ:/);
			await expect(
				confirmTwoFactor(database().db, id, '000000', at('2026-12-01T10:00:10Z'))
			).rejects.toThrow(TwoFactorError);
			const codes = await confirmTwoFactor(
				database().db,
				id,
				codeAt(uri, at('2026-12-01T10:00:10Z')),
				at('2026-12-01T10:00:10Z')
			);
			expect(codes).toHaveLength(10);
			expect(new Set(codes).size).toBe(10);

			const later = at('2026-12-01T11:00:00Z');
			await expect(verify(id, codeAt(uri, later), later)).resolves.toEqual({
				recoveryCodesLeft: 10
			});
			// The same code again, within its validity: refused (no replay).
			await expect(verify(id, codeAt(uri, later), at('2026-12-01T11:00:20Z'))).rejects.toThrow(
				TwoFactorError
			);
			// A code 30 s old is still accepted once (clock drift), a code 5 minutes old is not.
			const next = at('2026-12-01T11:01:00Z');
			await expect(
				verify(id, codeAt(uri, at('2026-12-01T11:00:35Z')), next)
			).resolves.toBeDefined();
			await expect(verify(id, codeAt(uri, at('2026-12-01T10:55:00Z')), next)).rejects.toThrow(
				TwoFactorError
			);
		});

		it('accepts each recovery code once, however it is typed', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const start = at('2026-12-02T09:00:00Z');
			const uri = await beginTwoFactor(database().db, id, start);
			const [first, second] = await confirmTwoFactor(database().db, id, codeAt(uri, start), start);
			await expect(verify(id, first!, start)).resolves.toEqual({
				recoveryCodesLeft: 9
			});
			await expect(verify(id, first!, start)).rejects.toThrow(TwoFactorError);
			const sloppy = ` ${second!.toLowerCase().replace(/-/g, ' ')} `;
			await expect(verify(id, sloppy, start)).resolves.toEqual({
				recoveryCodesLeft: 8
			});
		});

		it('keeps the secret while enrolling and never replaces an enabled one when asked again', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const start = at('2026-12-05T09:00:00Z');
			const uri = (await pendingTwoFactor(database().db, id, start))!;
			expect(await pendingTwoFactor(database().db, id, start)).toBe(uri);
			// The database holds the seed encrypted only.
			const stored = await database()
				.db.selectFrom('users')
				.select('totpSecret')
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			expect(stored.totpSecret).toMatch(/^v1:/);
			expect(stored.totpSecret).not.toContain(new URL(uri).searchParams.get('secret')!);
			await confirmTwoFactor(database().db, id, codeAt(uri, start), start);
			expect(await pendingTwoFactor(database().db, id, start)).toBeNull();
			const later = at('2026-12-05T10:00:00Z');
			await expect(verify(id, codeAt(uri, later), later)).resolves.toBeDefined();
		});

		it('refuses codes from someone who has not enrolled', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			await expect(verify(id, '123456')).rejects.toThrow(TwoFactorError);
		});

		it('blocks a burst of wrong codes, refuses the right one during the block and audits it', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const start = at('2026-12-06T09:00:00Z');
			const uri = await beginTwoFactor(database().db, id, start);
			await confirmTwoFactor(database().db, id, codeAt(uri, start), start);
			const attack = at('2026-12-06T10:00:00Z');
			const wrong = (n: number) => String((Number(codeAt(uri, attack)) + 500_000 + n) % 1e6);
			const outcomes = [];
			for (let attempt = 0; attempt < 150; attempt++)
				outcomes.push(
					await verify(id, wrong(attempt).padStart(6, '0'), attack, '10.6.6.6').catch(
						(error: Error) => error.constructor.name
					)
				);
			const { free } = THROTTLE_RULES.second_factor.pair!;
			expect(outcomes.filter((outcome) => outcome === 'TwoFactorError')).toHaveLength(free);
			expect(outcomes.filter((outcome) => outcome === 'ThrottledError')).toHaveLength(150 - free);
			// The right code during the block is refused, saying when to try again.
			await expect(verify(id, codeAt(uri, attack), attack, '10.6.6.6')).rejects.toMatchObject({
				constructor: ThrottledError,
				retryAfterSeconds: 60
			});

			const administrator = { role: 'administrator' as const, districtId, organisationIds: [] };
			const audit = (await listAudit(database().db, administrator, 500)).filter(
				(entry) => entry.entityId === id
			);
			const failed = audit.filter((entry) => entry.action === 'account.second_factor_failed');
			expect(failed).toHaveLength(free);
			expect(failed[0]!.after).toEqual({ address: '10.6.6.6' });
			expect(audit.filter((entry) => entry.action === 'account.second_factor_blocked')).toEqual([
				expect.objectContaining({
					after: expect.objectContaining({ address: '10.6.6.6', by: 'pair' })
				})
			]);

			// After the block one more wrong code blocks twice as long; then the right code works.
			const next = seconds(attack, 61);
			await expect(verify(id, wrong(999), next, '10.6.6.6')).rejects.toThrow(TwoFactorError);
			await expect(
				verify(id, codeAt(uri, seconds(next, 119)), seconds(next, 119), '10.6.6.6')
			).rejects.toThrow(ThrottledError);
			await expect(
				verify(id, codeAt(uri, seconds(next, 121)), seconds(next, 121), '10.6.6.6')
			).resolves.toBeDefined();
		});

		it('counts wrong recovery codes as second-factor attempts, per address', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const start = at('2026-12-07T09:00:00Z');
			const uri = await beginTwoFactor(database().db, id, start);
			const [recovery] = await confirmTwoFactor(database().db, id, codeAt(uri, start), start);
			for (let attempt = 0; attempt < THROTTLE_RULES.second_factor.pair!.free; attempt++)
				await expect(verify(id, `WXYZ-WXYZ-WXY${attempt}`, start, '10.7.7.7')).rejects.toThrow(
					TwoFactorError
				);
			await expect(verify(id, recovery!, start, '10.7.7.7')).rejects.toThrow(ThrottledError);
			// The owner at another address is not held up by the guesses.
			await expect(verify(id, recovery!, start, HOME)).resolves.toEqual({ recoveryCodesLeft: 9 });
		});

		it('marks the session once the second factor is proven', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const now = at('2026-12-03T09:00:00Z');
			const token = await startSession(database().db, id, { ip: null, userAgent: null }, now);
			expect(await resumeSession(database().db, token, now)).toMatchObject({
				secondFactorAt: null
			});
			await markSecondFactorDone(database().db, token, now);
			expect(await resumeSession(database().db, token, now)).toMatchObject({
				secondFactorAt: now.toISOString()
			});
		});
	},
	seed
);
