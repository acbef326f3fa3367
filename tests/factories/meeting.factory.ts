import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { NETWORK_PURPOSE } from '../../src/lib/server/directory/directory-access.js';
import type { TasksTable } from '../../src/lib/server/minutes/minutes.table.js';

/**
 * Networks, people, meetings with agenda and attendance, and tasks for the minutes and board
 * tests, written directly as rows (no rights, no audit).
 */
let sequence = 0;
const stamp = () => new Date().toISOString();
const unique = () => `${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

export async function createPerson(
	db: Kysely<DB>,
	values: {
		districtId: number;
		name: string;
		email?: string | null;
		organisationId?: number | null;
		anonymised?: boolean;
		networkConsent?: boolean | 'withdrawn';
	}
): Promise<number> {
	const { id } = await db
		.insertInto('contacts')
		.values({
			districtId: values.districtId,
			organisationId: values.organisationId ?? null,
			name: values.name,
			roleTitle: null,
			email: values.email === undefined ? `person-${unique()}@example.org` : values.email,
			phone: null,
			notes: null,
			createdAt: stamp(),
			updatedAt: stamp(),
			anonymisedAt: values.anonymised ? stamp() : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (values.networkConsent) {
		let purpose = await db
			.selectFrom('processingPurposes')
			.select('id')
			.where('districtId', '=', values.districtId)
			.where('key', '=', NETWORK_PURPOSE)
			.executeTakeFirst();
		purpose ??= await db
			.insertInto('processingPurposes')
			.values({
				districtId: values.districtId,
				key: NETWORK_PURPOSE,
				name: 'Netzwerkarbeit',
				description: 'Einladungen und Protokolle',
				legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO',
				dataCategories: 'Name, E-Mail',
				retention: 'bis zum Widerruf',
				createdAt: stamp(),
				updatedAt: stamp()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('contactConsents')
			.values({
				contactId: id,
				purposeId: purpose.id,
				givenOn: '2026-01-15',
				source: 'written',
				withdrawnOn: values.networkConsent === 'withdrawn' ? '2026-03-01' : null,
				recordedBy: null,
				recordedAt: stamp()
			})
			.execute();
	}
	return id;
}

export async function createMinutesNetwork(
	db: Kysely<DB>,
	values: {
		districtId: number;
		name?: string;
		actionFields?: string[];
		members?: { organisationId?: number; contactId?: number; leftOn?: string }[];
	}
): Promise<number> {
	const { id } = await db
		.insertInto('networks')
		.values({
			districtId: values.districtId,
			slug: `netz-${unique()}`,
			name: values.name ?? `Netzwerk ${sequence}`,
			coordinatingOrganisationId: null,
			createdAt: stamp(),
			updatedAt: stamp(),
			archivedAt: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const actionField of values.actionFields ?? ['language'])
		await db.insertInto('networkActionFields').values({ networkId: id, actionField }).execute();
	for (const member of values.members ?? [])
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

export interface TestMeeting {
	id: number;
	/** Agenda item ids in order. */
	items: number[];
}

export async function createMeeting(
	db: Kysely<DB>,
	values: {
		networkId: number;
		title?: string;
		startsAt?: string;
		endsAt?: string;
		location?: string | null;
		agenda?: string[];
		attendance?: { contactId: number; attendance: 'present' | 'excused' | 'absent' | null }[];
	}
): Promise<TestMeeting> {
	const startsAt = values.startsAt ?? '2026-11-10T14:00';
	const { id } = await db
		.insertInto('meetings')
		.values({
			networkId: values.networkId,
			uid: `meeting-${unique()}@kitz.test`,
			title: values.title ?? `Treffen ${sequence}`,
			startsAt,
			endsAt: values.endsAt ?? startsAt.replace(/T\d\d/, 'T16'),
			location: values.location === undefined ? 'Kreishaus Schleswig, Raum 2' : values.location,
			onlineUrl: null,
			status: 'planned',
			invitationsSentAt: null,
			minutesReleasedAt: null,
			createdAt: stamp(),
			updatedAt: stamp()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const items: number[] = [];
	for (const [index, title] of (values.agenda ?? ['Begrüßung', 'Berichte']).entries()) {
		const item = await db
			.insertInto('agendaItems')
			.values({
				meetingId: id,
				position: index + 1,
				title,
				presenter: null,
				presenterContactId: null,
				startsAt: null,
				durationMinutes: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		items.push(item.id);
	}
	for (const person of values.attendance ?? [])
		await db
			.insertInto('meetingInvitees')
			.values({
				meetingId: id,
				contactId: person.contactId,
				tokenHash: `token-${unique()}`,
				response: null,
				respondedAt: null,
				attendance: person.attendance,
				invitedAt: stamp()
			})
			.execute();
	return { id, items };
}

export async function createTask(
	db: Kysely<DB>,
	values: Partial<Insertable<TasksTable>> & { districtId: number; title: string }
): Promise<number> {
	const { id } = await db
		.insertInto('tasks')
		.values({
			networkId: null,
			meetingId: null,
			agendaItemId: null,
			kind: 'task',
			description: '',
			actionField: null,
			ownerContactId: null,
			ownerOrganisationId: null,
			dueOn: null,
			status: 'open',
			offerId: null,
			doneAt: null,
			remindedAt: null,
			createdAt: stamp(),
			updatedAt: stamp(),
			...values
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}
