import { Secret, TOTP } from 'otpauth';
import { expect, it } from 'vitest';
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
	TwoFactorError,
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

describeEachDialect(
	'two-factor log-in',
	({ database }) => {
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
			await expect(
				verifySecondFactor(database().db, id, codeAt(uri, later), later)
			).resolves.toEqual({ recoveryCodesLeft: 10 });
			// The same code again, within its validity: refused (no replay).
			await expect(
				verifySecondFactor(database().db, id, codeAt(uri, later), at('2026-12-01T11:00:20Z'))
			).rejects.toThrow(TwoFactorError);
			// A code 30 s old is still accepted once (clock drift), a code 5 minutes old is not.
			const next = at('2026-12-01T11:01:00Z');
			await expect(
				verifySecondFactor(database().db, id, codeAt(uri, at('2026-12-01T11:00:35Z')), next)
			).resolves.toBeDefined();
			await expect(
				verifySecondFactor(database().db, id, codeAt(uri, at('2026-12-01T10:55:00Z')), next)
			).rejects.toThrow(TwoFactorError);
		});

		it('accepts each recovery code once, however it is typed', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			const start = at('2026-12-02T09:00:00Z');
			const uri = await beginTwoFactor(database().db, id, start);
			const [first, second] = await confirmTwoFactor(database().db, id, codeAt(uri, start), start);
			await expect(verifySecondFactor(database().db, id, first!, start)).resolves.toEqual({
				recoveryCodesLeft: 9
			});
			await expect(verifySecondFactor(database().db, id, first!, start)).rejects.toThrow(
				TwoFactorError
			);
			const sloppy = ` ${second!.toLowerCase().replace(/-/g, ' ')} `;
			await expect(verifySecondFactor(database().db, id, sloppy, start)).resolves.toEqual({
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
			await expect(
				verifySecondFactor(database().db, id, codeAt(uri, later), later)
			).resolves.toBeDefined();
		});

		it('refuses codes from someone who has not enrolled', async () => {
			const { id } = await createTestAccount(database().db, { districtId });
			await expect(verifySecondFactor(database().db, id, '123456')).rejects.toThrow(TwoFactorError);
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
