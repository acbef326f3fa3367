import type { Transaction } from 'kysely';
import { createAccountIn } from '../accounts/accounts.service.js';
import type { DB } from '../db/schema.js';

/** The demo's log-ins, one per role; README lists them. Never created outside demo mode. */
export const DEMO_ACCOUNTS = [
	{ email: 'admin@kitz.example', name: 'Anna Admin', role: 'administrator' },
	{ email: 'koordination@kitz.example', name: 'Kai Koordination', role: 'coordinator' },
	{
		email: 'partner.vhs@kitz.example',
		name: 'Paula Partner',
		role: 'partner_editor',
		organisation: 'a-vhs-kappeln'
	},
	{
		email: 'partner.awo@kitz.example',
		name: 'Piet Partner',
		role: 'partner_editor',
		organisation: 'c-awo-slfl'
	},
	{ email: 'leitung@kitz.example', name: 'Lena Lesend', role: 'viewer' }
] as const;

/** Seeds the demo log-ins into a database without accounts, inside the caller's transaction. */
export async function seedDemoAccounts(
	db: Transaction<DB>,
	password: string,
	now = new Date()
): Promise<number> {
	if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return 0;
	const district = await db
		.selectFrom('districts')
		.select('id')
		.where('slug', '=', 'schleswig-flensburg')
		.executeTakeFirstOrThrow();
	for (const account of DEMO_ACCOUNTS) {
		const organisation =
			'organisation' in account
				? await db
						.selectFrom('organisations')
						.select('id')
						.where('slug', '=', account.organisation)
						.executeTakeFirstOrThrow()
				: undefined;
		await createAccountIn(
			db,
			{
				districtId: district.id,
				email: account.email,
				name: account.name,
				role: account.role,
				organisationIds: organisation ? [organisation.id] : [],
				password
			},
			now
		);
	}
	return DEMO_ACCOUNTS.length;
}
