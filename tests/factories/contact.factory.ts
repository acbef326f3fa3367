import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { insertConsentRow } from '../../src/lib/server/directory/consents.repository.js';
import { insertContactRow } from '../../src/lib/server/directory/contacts.repository.js';
import { ensureDefaultPurposes } from '../../src/lib/server/directory/purposes.service.js';

let sequence = 0;
const stamp = () => new Date().toISOString();

/** A person in the contact directory; a unique `.example` e-mail unless one is given. */
export async function createContact(
	db: Kysely<DB>,
	overrides: {
		districtId: number;
		name?: string;
		organisationId?: number | null;
		roleTitle?: string | null;
		email?: string | null;
		phone?: string | null;
		languages?: string[];
		actionFields?: string[];
		notes?: string | null;
	}
): Promise<number> {
	sequence++;
	return insertContactRow(db, {
		districtId: overrides.districtId,
		organisationId: overrides.organisationId ?? null,
		name: overrides.name ?? `Kontakt ${sequence}`,
		roleTitle: overrides.roleTitle ?? null,
		email: overrides.email === undefined ? `kontakt${sequence}@test.example` : overrides.email,
		phone: overrides.phone ?? null,
		languages: (overrides.languages ?? []).join(','),
		actionFields: (overrides.actionFields ?? []).join(','),
		notes: overrides.notes ?? null,
		createdAt: stamp(),
		updatedAt: stamp(),
		anonymisedAt: null
	});
}

/** A consent for one of the district's default purposes (network_work unless named). */
export async function giveConsent(
	db: Kysely<DB>,
	districtId: number,
	contactId: number,
	options: { purpose?: string; givenOn?: string; withdrawnOn?: string | null } = {}
): Promise<number> {
	await ensureDefaultPurposes(db, districtId);
	const purpose = await db
		.selectFrom('processingPurposes')
		.select('id')
		.where('districtId', '=', districtId)
		.where('key', '=', options.purpose ?? 'network_work')
		.executeTakeFirstOrThrow();
	return insertConsentRow(db, {
		contactId,
		purposeId: purpose.id,
		givenOn: options.givenOn ?? '2026-01-15',
		source: 'written',
		withdrawnOn: options.withdrawnOn ?? null,
		recordedBy: null,
		recordedAt: stamp()
	});
}

/** A network with organisation and person members (all current unless `leftOn` is given). */
export async function createNetworkWith(
	db: Kysely<DB>,
	districtId: number,
	members: { organisationId?: number; contactId?: number; leftOn?: string }[]
): Promise<number> {
	sequence++;
	const { id } = await db
		.insertInto('networks')
		.values({
			districtId,
			slug: `netzwerk-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
			name: `Netzwerk ${sequence}`,
			coordinatingOrganisationId: null,
			createdAt: stamp(),
			updatedAt: stamp(),
			archivedAt: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const member of members)
		await db
			.insertInto('networkMembers')
			.values({
				networkId: id,
				organisationId: member.organisationId ?? null,
				contactId: member.contactId ?? null,
				role: 'member',
				joinedOn: '2026-01-01',
				leftOn: member.leftOn ?? null
			})
			.execute();
	return id;
}

/** A meeting of the network with invitees, their answers and attendance. */
export async function createMeetingWith(
	db: Kysely<DB>,
	networkId: number,
	invitees: {
		contactId: number;
		response?: 'yes' | 'no' | 'maybe' | null;
		attendance?: 'present' | 'excused' | 'absent' | null;
	}[],
	startsAt = '2026-10-06T14:00'
): Promise<number> {
	sequence++;
	const { id } = await db
		.insertInto('meetings')
		.values({
			networkId,
			uid: `meeting-${sequence}-${Math.random().toString(36).slice(2)}@kitz.test`,
			title: `Treffen ${sequence}`,
			startsAt,
			endsAt: startsAt.replace(/T\d\d/, 'T16'),
			location: 'Kreishaus Schleswig',
			onlineUrl: null,
			status: 'planned',
			invitationsSentAt: stamp(),
			minutesReleasedAt: null,
			createdAt: stamp(),
			updatedAt: stamp()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const invitee of invitees)
		await db
			.insertInto('meetingInvitees')
			.values({
				meetingId: id,
				contactId: invitee.contactId,
				tokenHash: `hash-${sequence}-${invitee.contactId}-${Math.random().toString(36).slice(2)}`,
				response: invitee.response ?? null,
				respondedAt: invitee.response ? stamp() : null,
				attendance: invitee.attendance ?? null,
				invitedAt: stamp()
			})
			.execute();
	return id;
}
