import { recordAudit } from '../accounts/audit.service.js';
import type { Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import type { Db } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { insertConsentRow } from './consents.repository.js';
import { ContactValidationError } from './contacts.errors.js';
import { insertContactRow, listContactRows } from './contacts.repository.js';
import { contactSchema, issuesOf } from './contacts.schema.js';
import { mayKeepDirectory } from './directory-access.js';
import { listPurposeRows } from './purposes.repository.js';
import { ensureDefaultPurposes } from './purposes.service.js';

/**
 * People who write in through a public form (an application to a committee's call): a contact
 * with the one consent they gave on the form, recorded as given online today with no staff
 * member behind it. Nobody is merged into an existing record: a coordinator sees possible
 * duplicates (same e-mail or phone) and decides.
 */
export interface ApplicantInput {
	name: string;
	email: string | null;
	phone: string | null;
	languages: string[];
}

/** How a consent given on a public form is recorded. */
export const WEB_FORM_SOURCE = 'web_form';

/** Creates the applicant's contact and consent in the caller's transaction; returns its id. */
export async function createApplicantContact(
	trx: Db,
	districtId: number,
	purposeKey: string,
	input: ApplicantInput,
	now = new Date()
): Promise<number> {
	const parsed = contactSchema.safeParse(input);
	if (!parsed.success) throw new ContactValidationError(issuesOf(parsed.error));
	await ensureDefaultPurposes(trx, districtId, now);
	const purpose = (await listPurposeRows(trx, districtId)).find((row) => row.key === purposeKey);
	if (!purpose) throw new Error(`Purpose ${purposeKey} is missing in district ${districtId}`);
	const stamp = now.toISOString();
	const fields = parsed.data;
	const contactId = await insertContactRow(trx, {
		...fields,
		languages: fields.languages.join(','),
		actionFields: '',
		districtId,
		createdAt: stamp,
		updatedAt: stamp,
		anonymisedAt: null
	});
	await insertConsentRow(trx, {
		contactId,
		purposeId: purpose.id,
		givenOn: berlinToday(now),
		source: WEB_FORM_SOURCE,
		withdrawnOn: null,
		recordedBy: null,
		recordedAt: stamp
	});
	// The person's data is on their record and in their export, not in the log.
	await recordAudit(
		trx,
		{
			districtId,
			userId: null,
			action: 'contact.create',
			entity: 'contact',
			entityId: contactId,
			after: { source: WEB_FORM_SOURCE, purpose: purposeKey }
		},
		now
	);
	return contactId;
}

export interface PossibleDuplicate {
	id: number;
	name: string;
}

const digits = (phone: string | null) => (phone ?? '').replace(/\D/g, '');

/**
 * Per asked-for contact, the other people of the district with the same e-mail (any case) or
 * the same phone digits: possibly the same person, for staff to compare. Staff only.
 */
export async function possibleDuplicates(
	db: Db,
	actor: Actor,
	contactIds: readonly number[]
): Promise<Map<number, PossibleDuplicate[]>> {
	if (!mayKeepDirectory(actor, actor.districtId)) throw new ForbiddenError('read', actor.role);
	const rows = await listContactRows(db, actor.districtId);
	const result = new Map<number, PossibleDuplicate[]>();
	for (const asked of rows.filter((row) => contactIds.includes(row.id))) {
		const email = asked.email?.toLowerCase() ?? '';
		const phone = digits(asked.phone);
		const same = rows.filter(
			(row) =>
				row.id !== asked.id &&
				((email !== '' && row.email?.toLowerCase() === email) ||
					(phone !== '' && digits(row.phone) === phone))
		);
		if (same.length)
			result.set(
				asked.id,
				same.map(({ id, name }) => ({ id, name }))
			);
	}
	return result;
}
