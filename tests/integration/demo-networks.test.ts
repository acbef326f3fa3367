import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/accounts/authorization.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { seedDemo } from '../../src/lib/server/demo/demo.js';
import { seedDemoNetworks } from '../../src/lib/server/demo/demo.networks.js';
import { ACTION_FIELDS } from '../../src/lib/server/action-fields/action-fields.js';
import { listAttendance } from '../../src/lib/server/meetings/invitations.service.js';
import { listNetworkMeetings } from '../../src/lib/server/meetings/meetings.service.js';
import { getNetwork, listNetworks } from '../../src/lib/server/networks/networks.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');
const NOW = new Date('2026-12-01T09:00:00Z');

async function actorOf(db: Kysely<DB>, email: string): Promise<Actor> {
	const user = await db
		.selectFrom('users')
		.select(['id', 'role', 'districtId'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	const organisations = await db
		.selectFrom('userOrganisations')
		.select('organisationId')
		.where('userId', '=', user.id)
		.execute();
	return {
		role: user.role as Actor['role'],
		districtId: user.districtId,
		organisationIds: organisations.map((row) => row.organisationId)
	};
}

describeEachDialect(
	'demo networks',
	({ database }) => {
		it('seeds one network per action field with members, a past meeting with attendance and upcoming ones, once', async () => {
			const db = database().db;
			expect(await db.transaction().execute((trx) => seedDemoNetworks(trx, NOW))).toBe(0);
			const coordinator = await actorOf(db, 'koordination@kitz.example');
			const networks = await listNetworks(db, coordinator, NOW);
			expect(networks).toHaveLength(ACTION_FIELDS.length);
			const fields = await db
				.selectFrom('networkActionFields')
				.select(['networkId', 'actionField'])
				.execute();
			expect(fields.map((row) => row.actionField).sort()).toEqual([...ACTION_FIELDS].sort());
			expect(new Set(fields.map((row) => row.networkId)).size).toBe(ACTION_FIELDS.length);
			expect(networks.every((network) => network.memberCount >= 4)).toBe(true);
			const language = networks.find((network) => network.name.startsWith('Netzwerk Sprache'))!;
			expect(language.memberCount).toBe(5);
			const detail = await getNetwork(db, coordinator, language.id, NOW);
			expect(detail.coordinatingOrganisationName).toBe('Volkshochschule Kappeln');
			const meetings = await listNetworkMeetings(db, coordinator, language.id, NOW);
			const past = meetings.find((meeting) => meeting.title === 'Netzwerktreffen Frühjahr');
			const upcoming = meetings.find((meeting) => meeting.startsAt > '2026-12-01');
			expect(past!.startsAt < '2026-12-01').toBe(true);
			expect(upcoming!.invitationsSentAt).toBeNull();
			// Every network met a few times in the last two years, with invitations and answers.
			for (const network of networks) {
				const held = (await listNetworkMeetings(db, coordinator, network.id, NOW)).filter(
					(meeting) => meeting.startsAt < '2026-12-01'
				);
				expect(held.length).toBeGreaterThanOrEqual(4);
				expect(held.every((meeting) => meeting.startsAt > '2024-12-01')).toBe(true);
				expect(held.every((meeting) => meeting.invitationsSentAt! < meeting.startsAt)).toBe(true);
			}
			const attendance = await listAttendance(db, coordinator, past!.id, NOW);
			// Demo contacts of member organisations who agreed to network work were invited.
			expect(attendance.map((entry) => entry.name)).toEqual(
				expect.arrayContaining(['Maren Petersen', 'Ahmad Haddad', 'Rami Al-Khatib'])
			);
			expect(attendance.every((entry) => entry.attendance !== null)).toBe(true);
			// The VHS partner sees the language network only; the demo sends no mail.
			const vhs = await actorOf(db, 'partner.vhs@kitz.example');
			expect((await listNetworks(db, vhs, NOW)).map((network) => network.name)).toEqual([
				'Netzwerk Sprache Schleswig-Flensburg'
			]);
			const mail = await db.selectFrom('mailOutbox').select('id').execute();
			expect(mail).toEqual([]);
		});
	},
	async ({ db }) => {
		await loadReferencePlaces(db, CONTENT);
		await seedDemo(db, { contentDir: CONTENT, password: 'demo-password-for-tests' }, NOW);
	}
);
