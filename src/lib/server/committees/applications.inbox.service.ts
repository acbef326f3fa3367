import type { Kysely } from 'kysely';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { possibleDuplicates, type PossibleDuplicate } from '../directory/applicants.service.js';
import { readableContacts } from '../directory/contacts.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import {
	findApplicationRow,
	listApplicationRows,
	setApplicationStatusRow,
	type ApplicationRow
} from './applications.repository.js';
import { ApplicationNotFoundError, CallValidationError } from './calls.errors.js';
import { findCallRow } from './calls.repository.js';
import { applicationStatusSchema, parseCallInput } from './calls.schema.js';
import { mayManageCalls, type CallEditor } from './calls.service.js';
import type { ApplicationStatus } from './calls.table.js';
import { addMember } from './committee-parts.service.js';

/**
 * The office's inbox of applications: coordinators and administrators of the district read
 * them with the applicant's contact data, move them on and enter accepted applicants as
 * members of the call's term. Partners and viewers have no access: it is personal data.
 */
export interface InboxApplication {
	id: number;
	call: { id: number; title: string; committeeName: string; termId: number | null };
	contact: {
		id: number;
		name: string;
		email: string | null;
		phone: string | null;
		languages: string[];
	};
	placeName: string | null;
	message: string;
	receivedAt: string;
	status: ApplicationStatus;
	updatedAt: string;
	/** Other people of the directory with the same e-mail or phone: maybe the same person. */
	possibleDuplicates: PossibleDuplicate[];
}

const STATUS_ORDER: Record<ApplicationStatus, number> = {
	new: 0,
	in_review: 1,
	accepted: 2,
	declined: 3
};

function authorizeInbox(actor: Actor, districtId: number) {
	if (!mayManageCalls(actor, districtId)) throw new ForbiddenError('read', actor.role);
}

/**
 * The inbox: the district's applications, of one call when asked, new ones first and each
 * status the newest first, with the applicant's contact data and possible duplicates.
 */
export async function listApplications(
	db: Db,
	actor: Actor,
	callId: number | null
): Promise<InboxApplication[]> {
	authorizeInbox(actor, actor.districtId);
	const rows = await listApplicationRows(db, actor.districtId, callId);
	const ids = [...new Set(rows.map((row) => row.contactId))];
	const contacts = new Map(
		(await readableContacts(db, actor, ids)).map((contact) => [contact.id, contact])
	);
	const duplicates = await possibleDuplicates(db, actor, ids);
	return rows
		.map((row) => inboxEntry(row, contacts.get(row.contactId), duplicates.get(row.contactId)))
		.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

function inboxEntry(
	row: ApplicationRow,
	contact: Awaited<ReturnType<typeof readableContacts>>[number] | undefined,
	duplicates: PossibleDuplicate[] | undefined
): InboxApplication {
	return {
		id: row.id,
		call: {
			id: row.callId,
			title: row.callTitle,
			committeeName: row.committeeName,
			termId: row.termId
		},
		contact: {
			id: row.contactId,
			name: contact?.name ?? '',
			email: contact?.contactData?.email ?? null,
			phone: contact?.contactData?.phone ?? null,
			languages: contact?.languages ?? []
		},
		placeName: row.placeName,
		message: row.message,
		receivedAt: row.receivedAt,
		status: row.status,
		updatedAt: row.updatedAt,
		possibleDuplicates: duplicates ?? []
	};
}

/** Moves an application on (new, in review, accepted, declined); audited with both states. */
export async function setApplicationStatus(
	db: Kysely<DB>,
	actor: CallEditor,
	id: number,
	status: string,
	now = new Date()
): Promise<void> {
	const row = await findApplicationRow(db, id);
	if (!row || row.districtId !== actor.districtId) throw new ApplicationNotFoundError(id);
	authorizeInbox(actor, row.districtId);
	const next = parseCallInput(applicationStatusSchema, status);
	if (next === row.status) return;
	await inTransaction(db, async (trx) => {
		await setApplicationStatusRow(trx, id, next, now.toISOString());
		await recordAudit(
			trx,
			{
				districtId: row.districtId,
				userId: actor.id,
				action: 'committee.application.status',
				entity: 'committee_application',
				entityId: id,
				before: { status: row.status },
				after: { status: next }
			},
			now
		);
	});
}

/**
 * Enters an accepted applicant as a member of the term their call was for, from today or the
 * term's start: through the register's own rule (consent, seats, no second membership at once).
 */
export async function addApplicantAsMember(
	db: Kysely<DB>,
	actor: CallEditor,
	id: number,
	now = new Date()
): Promise<number> {
	const row = await findApplicationRow(db, id);
	if (!row || row.districtId !== actor.districtId) throw new ApplicationNotFoundError(id);
	authorizeInbox(actor, row.districtId);
	const call = await findCallRow(db, row.callId);
	if (row.status !== 'accepted')
		throw new CallValidationError([{ path: 'status', code: 'not_accepted' }]);
	if (!call || call.termId === null || call.termStartsOn === null)
		throw new CallValidationError([{ path: 'status', code: 'no_term' }]);
	const today = berlinToday(now);
	return addMember(
		db,
		actor,
		call.termId,
		{
			contactId: row.contactId,
			role: 'member',
			fromOn: today > call.termStartsOn ? today : null,
			toOn: null
		},
		now
	);
}
