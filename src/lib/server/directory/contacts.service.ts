import type { Kysely } from 'kysely';
import { type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import {
	ContactErasedError,
	ContactNotFoundError,
	ContactValidationError
} from './contacts.errors.js';
import {
	activeConsentKeys,
	fellowMemberIds,
	findContactRow,
	insertContactRow,
	listContactRows,
	organisationDistrict,
	organisationOptions,
	updateContactRow,
	type ContactRow
} from './contacts.repository.js';
import {
	contactSchema,
	issuesOf,
	type ContactFields,
	type ContactInput
} from './contacts.schema.js';
import { matchesFilters, type ContactFilters } from './contact-filters.js';
import { mayKeepDirectory, mayReadContactData, NETWORK_PURPOSE } from './directory-access.js';
import { ensureDefaultPurposes } from './purposes.service.js';

/**
 * The contact directory: staff keep every person of their district; a partner sees the people
 * they meet in their organisation's networks; viewers see names only. E-mail and phone are
 * shown only where directory-access.ts finds a purpose; notes stay with the staff.
 */
export type Editor = Actor & { id: number };

export interface ContactSummary {
	id: number;
	name: string;
	roleTitle: string | null;
	organisationId: number | null;
	organisationName: string | null;
	languages: string[];
	actionFields: string[];
	/** Purposes the person currently consents to. */
	consentKeys: string[];
	/** Null when the actor has no purpose for the person's contact data. */
	contactData: { email: string | null; phone: string | null } | null;
}

export interface ContactDetail extends ContactSummary {
	notes: string | null;
	createdAt: string;
	updatedAt: string;
	anonymisedAt: string | null;
	may: { manage: boolean };
}

const list = (codes: string) => (codes ? codes.split(',') : []);

export function mayManageContacts(actor: Actor): boolean {
	return mayKeepDirectory(actor, actor.districtId);
}

function authorizeManage(actor: Actor, districtId: number) {
	if (!mayKeepDirectory(actor, districtId)) throw new ForbiddenError('edit', actor.role);
}

interface Seen {
	row: ContactRow;
	consentKeys: string[];
	readable: boolean;
}

/** The rows the actor may see at all, each with its consents and whether its contact data shows. */
async function see(db: Db, actor: Actor, rows: ContactRow[]): Promise<Seen[]> {
	const fellows =
		actor.role === 'partner_editor'
			? await fellowMemberIds(db, actor.districtId, actor.organisationIds)
			: null;
	const visible = rows.filter(
		(row) => row.districtId === actor.districtId && (fellows === null || fellows.has(row.id))
	);
	const consents = await activeConsentKeys(
		db,
		visible.map((row) => row.id)
	);
	return visible.map((row) => {
		const consentKeys = consents.get(row.id) ?? [];
		const readable = mayReadContactData(actor, {
			districtId: row.districtId,
			sharesNetworkWithActor: fellows?.has(row.id) ?? false,
			consentsToNetworkContact: consentKeys.includes(NETWORK_PURPOSE)
		});
		return { row, consentKeys, readable };
	});
}

function summaryOf({ row, consentKeys, readable }: Seen): ContactSummary {
	return {
		id: row.id,
		name: row.name,
		roleTitle: row.roleTitle,
		organisationId: row.organisationId,
		organisationName: row.organisationName,
		languages: list(row.languages),
		actionFields: list(row.actionFields),
		consentKeys,
		contactData: readable ? { email: row.email, phone: row.phone } : null
	};
}

/**
 * The directory as the actor may see it, filtered. A district keeps hundreds of people, not
 * millions, so matching runs here on folded text and reads the same on both databases.
 */
export async function listContacts(
	db: Db,
	actor: Actor,
	filters: ContactFilters
): Promise<ContactSummary[]> {
	const seen = await see(db, actor, await listContactRows(db, actor.districtId));
	return seen.map(summaryOf).filter((contact) => matchesFilters(contact, filters));
}

/** One person as the actor may see them; others' and erased people are not found. */
export async function getContact(db: Db, actor: Actor, id: number): Promise<ContactDetail> {
	const row = await findContactRow(db, id);
	if (!row || row.districtId !== actor.districtId) throw new ContactNotFoundError(id);
	const manage = mayManageContacts(actor);
	if (row.anonymisedAt && !manage) throw new ContactNotFoundError(id);
	const [seen] = await see(db, actor, [row]);
	if (!seen) throw new ForbiddenError('read', actor.role);
	return {
		...summaryOf(seen),
		notes: manage ? row.notes : null,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		anonymisedAt: row.anonymisedAt,
		may: { manage: manage && !row.anonymisedAt }
	};
}

/** The people whose contact data the actor may read, of those asked for, in the order asked. */
export async function readableContacts(
	db: Db,
	actor: Actor,
	ids: readonly number[]
): Promise<ContactSummary[]> {
	const rows = (await listContactRows(db, actor.districtId)).filter((row) => ids.includes(row.id));
	const seen = (await see(db, actor, rows)).filter((entry) => entry.readable);
	return seen.map(summaryOf).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

async function validate(db: Db, districtId: number, input: ContactInput): Promise<ContactFields> {
	const parsed = contactSchema.safeParse(input);
	if (!parsed.success) throw new ContactValidationError(issuesOf(parsed.error));
	const organisationId = parsed.data.organisationId;
	if (organisationId !== null && (await organisationDistrict(db, organisationId)) !== districtId)
		throw new ContactValidationError([
			{ path: 'organisationId', message: 'unknown organisation', code: 'unknown' }
		]);
	return parsed.data;
}

const columnsOf = (fields: ContactFields) => ({
	...fields,
	languages: fields.languages.join(','),
	actionFields: fields.actionFields.join(',')
});

const auditView = (row: ContactRow) => ({
	name: row.name,
	roleTitle: row.roleTitle,
	organisationId: row.organisationId,
	email: row.email,
	phone: row.phone,
	languages: list(row.languages),
	actionFields: list(row.actionFields),
	notes: row.notes
});

export async function createContact(
	db: Kysely<DB>,
	actor: Editor,
	input: ContactInput,
	now = new Date()
): Promise<number> {
	authorizeManage(actor, actor.districtId);
	const fields = await validate(db, actor.districtId, input);
	return db.transaction().execute(async (trx) => {
		await ensureDefaultPurposes(trx, actor.districtId, now);
		const stamp = now.toISOString();
		const id = await insertContactRow(trx, {
			...columnsOf(fields),
			districtId: actor.districtId,
			createdAt: stamp,
			updatedAt: stamp,
			anonymisedAt: null
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'contact.create',
				entity: 'contact',
				entityId: id,
				after: fields
			},
			now
		);
		return id;
	});
}

export async function updateContact(
	db: Kysely<DB>,
	actor: Editor,
	id: number,
	input: ContactInput,
	now = new Date()
): Promise<void> {
	const existing = await findContactRow(db, id);
	if (!existing || existing.districtId !== actor.districtId) throw new ContactNotFoundError(id);
	authorizeManage(actor, existing.districtId);
	if (existing.anonymisedAt) throw new ContactErasedError(id);
	const fields = await validate(db, existing.districtId, input);
	await db.transaction().execute(async (trx) => {
		await updateContactRow(trx, id, { ...columnsOf(fields), updatedAt: now.toISOString() });
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'contact.edit',
				entity: 'contact',
				entityId: id,
				before: auditView(existing),
				after: fields
			},
			now
		);
	});
}

/** Organisations of the actor's district to pick from (the offers' organisations). */
export async function contactFormOptions(db: Db, actor: Actor) {
	return { organisations: await organisationOptions(db, actor.districtId) };
}
