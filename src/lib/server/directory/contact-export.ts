import type { MessageKey } from '../../i18n/messages.js';
import type { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { writeTableFile, type TableFile } from '../../shared/files/table-file.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import type { ContactFilters } from './contact-filters.js';
import { ContactNotFoundError } from './contacts.errors.js';
import { findContactRow } from './contacts.repository.js';
import { listContacts, readableContacts, type ContactSummary } from './contacts.service.js';
import { vCards, vCardFilename } from './vcard.js';

/**
 * Downloads of the directory: the filtered list as CSV (German Excel) or XLSX, and address
 * cards. Contact data appears only where the list shows it; cards only for people whose contact
 * data the actor may read.
 */
export type ExportFile = TableFile;

export type Labels = (key: MessageKey) => string;

const HEADERS = [
	'name',
	'role',
	'organisation',
	'email',
	'phone',
	'languages',
	'actionFields',
	'consents'
] as const;

function rowsOf(contacts: ContactSummary[], label: Labels): string[][] {
	return [
		HEADERS.map((header) => label(`office.directory.column.${header}`)),
		...contacts.map((contact) => [
			contact.name,
			contact.roleTitle ?? '',
			contact.organisationName ?? '',
			contact.contactData?.email ?? '',
			contact.contactData?.phone ?? '',
			contact.languages.join(', '),
			contact.actionFields
				.map((field) => label(`field.${field as (typeof ACTION_FIELDS)[number]}`))
				.join(', '),
			contact.consentKeys.join(', ')
		])
	];
}

export async function exportContacts(
	db: Db,
	actor: Actor,
	filters: ContactFilters,
	format: 'csv' | 'xlsx',
	label: Labels
): Promise<ExportFile> {
	return writeTableFile(format, {
		fileName: 'kontakte',
		sheet: 'Kontakte',
		rows: rowsOf(await listContacts(db, actor, filters), label),
		widths: [28, 24, 32, 30, 18, 16, 30, 20]
	});
}

/** One .vcf with a card per person asked for whose contact data the actor may read. */
export async function exportVCards(
	db: Db,
	actor: Actor,
	ids: readonly number[]
): Promise<ExportFile> {
	const people = await readableContacts(db, actor, ids);
	if (people.length === 0) {
		// Asking for people who do not exist is "not found", not "not allowed".
		const known = await Promise.all(ids.map((id) => findContactRow(db, id)));
		if (known.every((row) => !row)) throw new ContactNotFoundError(ids[0]!);
		throw new ForbiddenError('export', actor.role);
	}
	const body = vCards(
		people.map((person) => ({
			uid: `kitz-contact-${person.id}`,
			name: person.name,
			organisation: person.organisationName,
			role: person.roleTitle,
			email: person.contactData?.email,
			phone: person.contactData?.phone,
			languages: person.languages
		}))
	);
	return {
		body,
		contentType: 'text/vcard; charset=utf-8',
		filename: people.length === 1 ? vCardFilename(people[0]!.name, people[0]!.id) : 'kontakte.vcf'
	};
}
