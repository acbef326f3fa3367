import type { Kysely } from 'kysely';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import {
	ContactErasedError,
	ContactNotFoundError,
	ContactValidationError
} from './contacts.errors.js';
import { findContactRow } from './contacts.repository.js';
import { consentSchema, issuesOf, withdrawalSchema } from './contacts.schema.js';
import type { Editor } from './contacts.service.js';
import {
	findConsentRow,
	insertConsentRow,
	listConsentRows,
	setConsentWithdrawn,
	type ConsentRow
} from './consents.repository.js';
import { mayKeepDirectory } from './directory-access.js';
import { findPurposeRow } from './purposes.repository.js';

/**
 * Consents to be contacted, per processing purpose: recorded with the day and how they were
 * given, withdrawn with the day. Nothing is overwritten, so the history shows what held when.
 */
export type Consent = Omit<ConsentRow, 'contactId'>;

async function contactFor(db: Db, actor: Editor, contactId: number) {
	const contact = await findContactRow(db, contactId);
	if (!contact || contact.districtId !== actor.districtId)
		throw new ContactNotFoundError(contactId);
	if (!mayKeepDirectory(actor, contact.districtId)) throw new ForbiddenError('edit', actor.role);
	if (contact.anonymisedAt) throw new ContactErasedError(contactId);
	return contact;
}

/** A person's consents, newest first; staff only. */
export async function listConsents(db: Db, actor: Editor, contactId: number): Promise<Consent[]> {
	const contact = await findContactRow(db, contactId);
	if (!contact || contact.districtId !== actor.districtId)
		throw new ContactNotFoundError(contactId);
	if (!mayKeepDirectory(actor, contact.districtId)) throw new ForbiddenError('read', actor.role);
	return (await listConsentRows(db, contactId)).map(
		({ contactId: _contact, ...consent }) => consent
	);
}

export async function recordConsent(
	db: Kysely<DB>,
	actor: Editor,
	contactId: number,
	input: { purposeId?: number; givenOn?: string; source?: string },
	now = new Date()
): Promise<number> {
	await contactFor(db, actor, contactId);
	const parsed = consentSchema(berlinToday(now)).safeParse(input);
	if (!parsed.success) throw new ContactValidationError(issuesOf(parsed.error));
	const purpose = await findPurposeRow(db, parsed.data.purposeId);
	if (!purpose || purpose.districtId !== actor.districtId)
		throw new ContactValidationError([
			{ path: 'purposeId', message: 'unknown purpose', code: 'unknown' }
		]);
	const active = (await listConsentRows(db, contactId)).some(
		(consent) => consent.purposeId === purpose.id && consent.withdrawnOn === null
	);
	if (active)
		throw new ContactValidationError([
			{ path: 'purposeId', message: 'already given', code: 'taken' }
		]);
	return db.transaction().execute(async (trx) => {
		const id = await insertConsentRow(trx, {
			contactId,
			...parsed.data,
			withdrawnOn: null,
			recordedBy: actor.id,
			recordedAt: now.toISOString()
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'contact.consent_record',
				entity: 'contact',
				entityId: contactId,
				after: {
					consentId: id,
					purpose: purpose.key,
					givenOn: parsed.data.givenOn,
					source: parsed.data.source
				}
			},
			now
		);
		return id;
	});
}

export async function withdrawConsent(
	db: Kysely<DB>,
	actor: Editor,
	consentId: number,
	input: { withdrawnOn?: string },
	now = new Date()
): Promise<void> {
	const consent = await findConsentRow(db, consentId);
	if (!consent)
		throw new ContactValidationError([{ path: 'consentId', message: 'unknown consent' }]);
	await contactFor(db, actor, consent.contactId);
	if (consent.withdrawnOn !== null)
		throw new ContactValidationError([
			{ path: 'withdrawnOn', message: 'already withdrawn', code: 'taken' }
		]);
	const parsed = withdrawalSchema(berlinToday(now), consent.givenOn).safeParse(input);
	if (!parsed.success) throw new ContactValidationError(issuesOf(parsed.error));
	await db.transaction().execute(async (trx) => {
		await setConsentWithdrawn(trx, consentId, parsed.data.withdrawnOn);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'contact.consent_withdraw',
				entity: 'contact',
				entityId: consent.contactId,
				before: { consentId, purpose: consent.purposeKey, withdrawnOn: null },
				after: { consentId, purpose: consent.purposeKey, withdrawnOn: parsed.data.withdrawnOn }
			},
			now
		);
	});
}
