import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.service.js';
import { recordFailure, refuseIfThrottled } from '../accounts/throttle.service.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { createApplicantContact } from '../directory/applicants.service.js';
import { COMMITTEE_PURPOSE } from '../directory/directory-access.js';
import { staffMail } from '../mail/staff-mail.js';
import { queueMail } from '../mail/mail.service.js';
import { allPlaces } from '../places/places.service.js';
import { coordinatorEmails, insertApplicationRow } from './applications.repository.js';
import { CallClosedError, CallNotFoundError, CallValidationError } from './calls.errors.js';
import { findCallRowBySlug } from './calls.repository.js';
import { applicationSchema, parseCallInput, type ApplicationInput } from './calls.schema.js';
import { isAccepting } from './calls.service.js';

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
