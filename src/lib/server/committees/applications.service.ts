import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { Actor } from '../accounts/authorization.js';
import { recordFailure, refuseIfThrottled } from '../accounts/throttle.service.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
	createApplicantContact,
	possibleDuplicates,
	type PossibleDuplicate
} from '../directory/applicants.service.js';
import { readableContacts } from '../directory/contacts.service.js';
import { COMMITTEE_PURPOSE } from '../directory/directory-access.js';
import { staffMail } from '../mail/staff-mail.js';
import { queueMail } from '../mail/mail.service.js';
import { allPlaces } from '../places/places.service.js';
import {
	ApplicationNotFoundError,
	CallClosedError,
	CallNotFoundError,
	CallValidationError
} from './calls.errors.js';
import {
	coordinatorEmails,
	findApplicationRow,
	insertApplicationRow,
	listApplicationRows,
	setApplicationStatusRow,
	type ApplicationRow
} from './applications.repository.js';
import { findCallRowBySlug } from './calls.repository.js';
import {
	applicationSchema,
	applicationStatusSchema,
	parseCallInput,
	type ApplicationInput
} from './calls.schema.js';
import { isAccepting, mayManageCalls, type CallEditor } from './calls.service.js';
import type { ApplicationStatus } from './calls.table.js';

/**
 * Applications to calls for candidates. A visitor's application creates a directory contact
 * with the consent they gave (directory/applicants.service.ts) and the application: the call,
 * the message, the municipality, when it came — no address, no browser, nothing more. The
 * district's coordinators get a mail without the message; the inbox is for staff only.
 */

export interface Submission {
	callSlug: string;
	input: ApplicationInput;
	/** The honeypot input, which people leave empty and form-filling robots do not. */
	trap: string;
	/** The client address: counted by the throttle as a keyed hash only, never stored. */
	clientAddress: string;
	/** Where the coordinators' mail links to (ORIGIN). */
	origin: string;
}

// A key that lives as long as the process: the throttle counts addresses without keeping them.
const ADDRESS_KEY = randomBytes(32);
const addressHash = (address: string) =>
	createHmac('sha256', ADDRESS_KEY).update(address).digest('base64url').slice(0, 22);

/**
 * Takes an application. Every submission counts against the sender's address first, so a
 * flood is refused (ThrottledError) before anything is checked; a filled honeypot is accepted
 * silently and stores nothing. Bad input throws CallValidationError with nothing stored; a
 * draft or unknown call is not found, a closed or expired one throws CallClosedError.
 * Returns whether an application was stored.
 */
export async function submitApplication(
	db: Kysely<DB>,
	submission: Submission,
	now = new Date()
): Promise<boolean> {
	const call = await findCallRowBySlug(db, submission.callSlug);
	if (!call || call.status === 'draft') throw new CallNotFoundError(submission.callSlug);
	if (!isAccepting(call.status, call.deadline, now)) throw new CallClosedError(call.id);
	const attempt = {
		scope: 'application' as const,
		account: '',
		address: addressHash(submission.clientAddress)
	};
	await refuseIfThrottled(db, attempt, now);
	if (!(await recordFailure(db, attempt, null, now))) await refuseIfThrottled(db, attempt, now);
	if (submission.trap.trim() !== '') return false;
	const fields = parseCallInput(applicationSchema, submission.input);
	if (fields.placeId !== null) {
		const place = (await allPlaces(db)).find((candidate) => candidate.id === fields.placeId);
		if (!place || place.districtId !== call.districtId)
			throw new CallValidationError([{ path: 'placeId', code: 'unknown' }]);
	}
	await inTransaction(db, async (trx) => {
		const contactId = await createApplicantContact(
			trx,
			call.districtId,
			COMMITTEE_PURPOSE,
			{ name: fields.name, email: fields.email, phone: fields.phone, languages: fields.languages },
			now
		);
		const stamp = now.toISOString();
		const id = await insertApplicationRow(trx, {
			callId: call.id,
			contactId,
			placeId: fields.placeId,
			message: fields.message,
			receivedAt: stamp,
			status: 'new',
			updatedAt: stamp
		});
		await recordAudit(
			trx,
			{
				districtId: call.districtId,
				userId: null,
				action: 'committee.application.receive',
				entity: 'committee_application',
				entityId: id,
				after: { callId: call.id }
			},
			now
		);
		const mail = staffMail(
			'mail.applicationReceived',
			{
				call: call.title,
				committee: call.committeeName,
				link: `${submission.origin}/de/office/committees/applications?call=${call.id}`
			},
			` – ${call.committeeName}`
		);
		for (const to of await coordinatorEmails(trx, call.districtId))
			await queueMail(trx, { to, ...mail }, now);
	});
	return true;
}

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
