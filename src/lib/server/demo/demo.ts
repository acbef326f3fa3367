import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './demo.accounts.js';
import { seedDemoChains } from './demo.chains.js';
import { seedDemoCommitteeCalls } from './demo.committee-calls.js';
import { seedDemoCommittees } from './demo.committees.js';
import { seedDemoConcept } from './demo.concept.js';
import { seedDemoContacts } from './demo.contacts.js';
import { seedDecidedIdea, seedDemoMeasures } from './demo.measures.js';
import { seedDemoNetworks } from './demo.networks.js';
import { seedDemoOpening } from './demo.opening.js';
import { seedDemoContent } from './demo.seed.js';

/**
 * Seeds the whole demo (content and the KITZ page, accounts, contact directory, networks with
 * their past meetings, the integration concept, the support chains, the measures, the committee
 * register with its open calls and applications, and the intercultural opening) in one
 * transaction: a start stopped part-way leaves an empty database, which the next start seeds
 * again, instead of half a demo that later steps trip over. Every step takes this transaction and
 * opens none of its own (SQLite has one connection; PostgreSQL's pool would hand out a second
 * one); the services the concept, measures and chains go through join it. Nothing here sends
 * mail or starts jobs; those start after it commits.
 */
export async function seedDemo(
	db: Kysely<DB>,
	options: { contentDir: string; password: string },
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const offerIds = await seedDemoContent(trx, options.contentDir, now);
		await seedDemoAccounts(trx, options.password, now);
		await seedDemoContacts(trx, options.contentDir, now);
		await seedDemoNetworks(trx, now);
		// The concept and measures name the demo's offers by key, known only as they are seeded.
		if (offerIds.size === 0) return;
		const admin = await demoActor(trx, 'administrator');
		const goalIds = await seedDemoConcept(trx, options.contentDir, admin, now);
		const coordinator = await demoActor(trx, 'coordinator');
		// A chain review decided measures, and a measure's decision is fixed when it is created.
		const reviewed = await seedDemoChains(trx, options.contentDir, coordinator, offerIds, now);
		await seedDemoMeasures(
			trx,
			options.contentDir,
			coordinator,
			{ goalIds, offerIds, decisions: reviewed.measures },
			now
		);
		for (const { idea, decision } of reviewed.ideas)
			await seedDecidedIdea(trx, coordinator, idea, decision);
		await seedDemoCommittees(trx, options.contentDir, coordinator, offerIds, now);
		// Calls name their committees, which the register has just made.
		await seedDemoCommitteeCalls(trx, options.contentDir, coordinator, now);
		await seedDemoOpening(trx, options.contentDir, coordinator, now);
	});
}

/** The demo's staff log-in of a role, as the actor its steps are taken by. */
export async function demoActor(trx: Transaction<DB>, role: 'administrator' | 'coordinator') {
	const email = DEMO_ACCOUNTS.find((account) => account.role === role)!.email;
	const user = await trx
		.selectFrom('users')
		.select(['id', 'districtId'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return { id: user.id, role, districtId: user.districtId, organisationIds: [] };
}
