import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Db } from '../db/schema.js';
import { authorize, type Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import { deleteAllTranslations } from '../translations/translations.service.js';
import { DELIVERY_LANGUAGES } from './organisations.schema.js';
import { ContactPersonNotFoundError, OrganisationValidationError } from './organisations.errors.js';
import {
	deleteContactPersonRow,
	findContactPerson,
	findContactPersons,
	insertContactPerson,
	updateContactPersonRow
} from './organisations.repository.js';
import { issuesOf } from './organisations.schema.js';
import { scopedOrganisation, type Editor } from './organisations.service.js';

/**
 * The contact persons of an organisation, kept by whoever may edit its profile. They are
 * personal data, seen only for that purpose: by the organisation's own partners and the
 * district's coordinators and administrators, not by viewers or other organisations.
 */
const optionalText = (max: number) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? null : value),
		z.string().trim().max(max).nullable().default(null)
	);

export const contactPersonSchema = z.object({
	name: z.string().trim().min(1).max(200),
	role: z.string().trim().min(1).max(200),
	email: z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? null : value),
		z.string().trim().max(200).pipe(z.email()).nullable().default(null)
	),
	phone: optionalText(50),
	room: optionalText(100),
	languages: z.array(z.enum(DELIVERY_LANGUAGES)).max(DELIVERY_LANGUAGES.length).default([])
});
export type ContactPersonFields = z.output<typeof contactPersonSchema>;

export interface ContactPersonInput {
	name: string;
	role: string;
	email?: string | null;
	phone?: string | null;
	room?: string | null;
	languages?: string[];
}

export interface ContactPerson extends ContactPersonFields {
	id: number;
}

type ContactRow = NonNullable<Awaited<ReturnType<typeof findContactPerson>>>;

function fieldsOf(row: ContactRow): ContactPersonFields {
	return {
		name: row.name,
		role: row.role,
		email: row.email,
		phone: row.phone,
		room: row.room,
		languages: row.languages ? (row.languages.split(',') as ContactPersonFields['languages']) : []
	};
}

const contactOf = (row: ContactRow): ContactPerson => ({ id: row.id, ...fieldsOf(row) });

function validateContact(input: ContactPersonInput): ContactPersonFields {
	const parsed = contactPersonSchema.safeParse(input);
	if (!parsed.success) throw new OrganisationValidationError(issuesOf(parsed.error));
	return { ...parsed.data, languages: [...new Set(parsed.data.languages)] };
}

const columns = (fields: ContactPersonFields) => ({
	...fields,
	languages: fields.languages.join(',')
});

/** The organisation's contact persons in their order, for those who keep its profile. */
export async function listContactPersons(
	db: Db,
	actor: Actor,
	organisationId: number
): Promise<ContactPerson[]> {
	const { scope } = await scopedOrganisation(db, organisationId);
	authorize(actor, 'edit', scope);
	return (await findContactPersons(db, organisationId)).map(contactOf);
}

export async function addContactPerson(
	db: Kysely<DB>,
	actor: Editor,
	organisationId: number,
	input: ContactPersonInput,
	now = new Date()
): Promise<number> {
	const { row, scope } = await scopedOrganisation(db, organisationId);
	authorize(actor, 'edit', scope);
	const fields = validateContact(input);
	return db.transaction().execute(async (trx) => {
		const existing = await findContactPersons(trx, organisationId);
		const position = Math.max(-1, ...existing.map((contact) => contact.position)) + 1;
		const id = await insertContactPerson(trx, { ...columns(fields), organisationId, position });
		await recordAudit(
			trx,
			{
				districtId: row.districtId,
				userId: actor.id,
				action: 'contact_person.create',
				entity: 'contact_person',
				entityId: id,
				after: { organisationId, ...fields }
			},
			now
		);
		return id;
	});
}

/** The contact of that organisation, for an actor who may change the organisation's profile. */
async function editableContact(db: Db, actor: Actor, organisationId: number, contactId: number) {
	const contact = await findContactPerson(db, contactId);
	if (contact?.organisationId !== organisationId) throw new ContactPersonNotFoundError(contactId);
	const { row, scope } = await scopedOrganisation(db, contact.organisationId);
	authorize(actor, 'edit', scope);
	return { contact, districtId: row.districtId };
}

export async function updateContactPerson(
	db: Kysely<DB>,
	actor: Editor,
	organisationId: number,
	contactId: number,
	input: ContactPersonInput,
	now = new Date()
): Promise<void> {
	const { contact, districtId } = await editableContact(db, actor, organisationId, contactId);
	const fields = validateContact(input);
	const before = fieldsOf(contact);
	await db.transaction().execute(async (trx) => {
		await updateContactPersonRow(trx, contactId, columns(fields));
		await recordAudit(
			trx,
			{
				districtId,
				userId: actor.id,
				action: 'contact_person.edit',
				entity: 'contact_person',
				entityId: contactId,
				before: { organisationId: contact.organisationId, ...before },
				after: { organisationId: contact.organisationId, ...fields }
			},
			now
		);
	});
}

/** Removing a person who left is part of keeping the profile: it needs "edit", not "delete". */
export async function removeContactPerson(
	db: Kysely<DB>,
	actor: Editor,
	organisationId: number,
	contactId: number,
	now = new Date()
): Promise<void> {
	const { contact, districtId } = await editableContact(db, actor, organisationId, contactId);
	const before = fieldsOf(contact);
	await db.transaction().execute(async (trx) => {
		await deleteContactPersonRow(trx, contactId);
		// Its role translations go with it, or a later person could inherit them with the id.
		await deleteAllTranslations(trx, 'contact', contactId);
		await recordAudit(
			trx,
			{
				districtId,
				userId: actor.id,
				action: 'contact_person.remove',
				entity: 'contact_person',
				entityId: contactId,
				before: { organisationId: contact.organisationId, ...before }
			},
			now
		);
	});
}
