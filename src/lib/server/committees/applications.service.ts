import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.service.js';
import { recordFailure, refuseIfThrottled } from '../accounts/throttle.service.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { createApplicantContact } from '../directory/applicants.service.js';
import { COMMITTEE_PURPOSE } from '../directory/directory-access.js';
import { staffMail } from '../mail/staff-mail.js';
import { queueMail } from '../mail/mail.service.js';
import { allPlaces } from '../places/places.service.js';
import { coordinatorEmails, insertApplicationRow } from './applications.repository.js';
import { CallClosedError, CallNotFoundError, CallValidationError } from './calls.errors.js';
import { findCallRowBySlug, type CallRow } from './calls.repository.js';
import {
	applicationSchema,
	parseCallInput,
	type ApplicationFields,
	type ApplicationInput
} from './calls.schema.js';
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

/** An open call by its slug; drafts and unknown slugs are not found, closed ones refused. */
async function acceptingCall(db: Db, slug: string, now: Date): Promise<CallRow> {
	const call = await findCallRowBySlug(db, slug);
	if (!call || call.status === 'draft') throw new CallNotFoundError(slug);
	if (!isAccepting(call.status, call.deadline, now)) throw new CallClosedError(call.id);
	return call;
}

/** Validates the form: its rules, and a place that is one of the call's district. */
async function validate(db: Db, call: CallRow, input: ApplicationInput) {
	const fields = parseCallInput(applicationSchema, input);
	if (fields.placeId !== null) {
		const place = (await allPlaces(db)).find((candidate) => candidate.id === fields.placeId);
		if (!place || place.districtId !== call.districtId)
			throw new CallValidationError([{ path: 'placeId', code: 'unknown' }]);
	}
	return fields;
}

/** The contact with its consent, the application and its audit entry, in the caller's transaction. */
async function store(trx: Db, call: CallRow, fields: ApplicationFields, now: Date) {
	const { name, email, phone, languages } = fields;
	const contactId = await createApplicantContact(
		trx,
		call.districtId,
		COMMITTEE_PURPOSE,
		{ name, email, phone, languages },
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
	return id;
}

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
	const call = await acceptingCall(db, submission.callSlug, now);
	const attempt = {
		scope: 'application' as const,
		account: '',
		address: addressHash(submission.clientAddress)
	};
	await refuseIfThrottled(db, attempt, now);
	if (!(await recordFailure(db, attempt, null, now))) await refuseIfThrottled(db, attempt, now);
	if (submission.trap.trim() !== '') return false;
	const fields = await validate(db, call, submission.input);
	await inTransaction(db, async (trx) => {
		await store(trx, call, fields, now);
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

/**
 * Records an application as the form would, without the form's guards and without the mail to
 * the coordinators: how the demo fills the inbox, which sends no mail. Returns its id.
 */
export async function recordApplication(
	db: Kysely<DB>,
	callSlug: string,
	input: ApplicationInput,
	now = new Date()
): Promise<number> {
	const call = await acceptingCall(db, callSlug, now);
	const fields = await validate(db, call, input);
	return inTransaction(db, (trx) => store(trx, call, fields, now));
}
