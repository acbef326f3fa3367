import type { Kysely } from 'kysely';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import { recordAudit } from '../accounts/audit.service.js';
import { purgeErasedPages } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { ContactErasedError, ContactNotFoundError } from './contacts.errors.js';
import { findContactRow } from './contacts.repository.js';
import type { Editor } from './contacts.service.js';
import {
	anonymiseContactRow,
	clearPresenterNames,
	deleteApplications,
	deleteConsents,
	deleteMailTo,
	endMemberships,
	invalidateRsvpTokens,
	redactAuditEntries,
	revokeFeeds
} from './erasure.repository.js';
import { mayKeepDirectory } from './directory-access.js';
import { addressesOf } from './person-data.service.js';

/**
 * Erasure (Art. 17 DSGVO): the person's data goes; their row stays as "former participant", so
 * invitations, attendance and tasks of past meetings still count them. Their links (RSVP,
 * calendar feed) stop working, memberships end, and the consents, applications to committees'
 * calls and every mail to any address they had go with the person. Freed database space is overwritten (SQLite; PostgreSQL: VACUUM).
 */
export interface ErasureSummary {
	consentsDeleted: number;
	feedsRevoked: number;
	invitationsKept: number;
	membershipsEnded: number;
	mailsDeleted: number;
	applicationsDeleted: number;
}

export async function erasePerson(
	db: Kysely<DB>,
	actor: Editor,
	contactId: number,
	now = new Date()
): Promise<ErasureSummary> {
	const contact = await findContactRow(db, contactId);
	if (!contact || contact.districtId !== actor.districtId)
		throw new ContactNotFoundError(contactId);
	if (!mayKeepDirectory(actor, contact.districtId)) throw new ForbiddenError('delete', actor.role);
	if (contact.anonymisedAt) throw new ContactErasedError(contactId);
	const at = now.toISOString();
	const summary = await db.transaction().execute(async (trx) => {
		// Read before the audit entries that record earlier addresses are redacted.
		const addresses = await addressesOf(trx, contactId, contact.email);
		await anonymiseContactRow(trx, contactId, at);
		const counts: ErasureSummary = {
			consentsDeleted: await deleteConsents(trx, contactId),
			feedsRevoked: await revokeFeeds(trx, contactId, at),
			invitationsKept: await invalidateRsvpTokens(trx, contactId),
			membershipsEnded: await endMemberships(trx, contactId, berlinToday(now)),
			mailsDeleted: await deleteMailTo(trx, addresses),
			applicationsDeleted: await deleteApplications(trx, contactId)
		};
		await clearPresenterNames(trx, contactId);
		await redactAuditEntries(trx, contactId);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'contact.erase',
				entity: 'contact',
				entityId: contactId,
				after: counts
			},
			now
		);
		return counts;
	});
	await purgeErasedPages(db);
	return summary;
}
