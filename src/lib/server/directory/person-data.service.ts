import { type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import type { Db } from '../db/schema.js';
import { ContactNotFoundError } from './contacts.errors.js';
import { findContactRow } from './contacts.repository.js';
import { listConsentRows } from './consents.repository.js';
import { mayKeepDirectory } from './directory-access.js';
import {
	agendaItemsPresentedBy,
	applicationsOf,
	auditedContactStates,
	auditEntriesAbout,
	committeeSeatsOf,
	feedsOf,
	invitationsOf,
	mailTo,
	membershipsOf,
	relatedIds,
	tasksOwnedBy
} from './person-data.repository.js';
import { listPurposeRows } from './purposes.repository.js';

/**
 * The answer to a request for access (Art. 15 DSGVO): everything the office keeps about one
 * person, with the purposes it is kept for. Staff only; served as JSON and as a readable page.
 */
export interface PersonData {
	exportedAt: string;
	person: {
		id: number;
		name: string;
		roleTitle: string | null;
		organisation: string | null;
		email: string | null;
		phone: string | null;
		languages: string[];
		actionFields: string[];
		notes: string | null;
		createdAt: string;
		updatedAt: string;
		anonymisedAt: string | null;
	};
	consents: {
		purpose: string;
		purposeName: string;
		givenOn: string;
		source: string;
		withdrawnOn: string | null;
		recordedAt: string;
		recordedBy: string | null;
	}[];
	/** The record entries of the purposes the person consented to. */
	purposes: {
		key: string;
		name: string;
		description: string;
		legalBasis: string;
		dataCategories: string;
		retention: string;
	}[];
	networkMemberships: Awaited<ReturnType<typeof membershipsOf>>;
	meetingInvitations: Awaited<ReturnType<typeof invitationsOf>>;
	tasks: Awaited<ReturnType<typeof tasksOwnedBy>>;
	agendaItems: Awaited<ReturnType<typeof agendaItemsPresentedBy>>;
	calendarFeeds: Awaited<ReturnType<typeof feedsOf>>;
	/** Seats in committees and advisory boards, per term. */
	committeeMemberships: Awaited<ReturnType<typeof committeeSeatsOf>>;
	/** Applications to committees' calls sent through the portal, with the message. */
	committeeApplications: Awaited<ReturnType<typeof applicationsOf>>;
	/** Every mail to the person's current or an earlier address, sent or still waiting. */
	mails: PersonMail[];
	auditEntries: {
		at: string;
		action: string;
		entity: string;
		by: string | null;
		before: unknown;
		after: unknown;
	}[];
}

export interface PersonMail {
	to: string;
	subject: string;
	createdAt: string;
	/** `retrying`: delivery failed so far and is tried again. */
	status: 'sent' | 'queued' | 'retrying';
	sentAt: string | null;
	body: string;
	attachments: string[];
}

const list = (codes: string) => (codes ? codes.split(',') : []);
const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

/** Every address the person had: the current one and each the audit log recorded, lower case. */
export async function addressesOf(
	db: Db,
	contactId: number,
	current: string | null
): Promise<string[]> {
	const addresses = new Set<string>();
	const add = (state: unknown) => {
		const email = (state as { email?: unknown } | null)?.email;
		if (typeof email === 'string' && email) addresses.add(email.toLowerCase());
	};
	add({ email: current });
	for (const { before, after } of await auditedContactStates(db, contactId)) {
		add(json(before));
		add(json(after));
	}
	return [...addresses];
}

async function mailsOf(db: Db, addresses: string[]): Promise<PersonMail[]> {
	return (await mailTo(db, addresses)).map((mail) => ({
		to: mail.toAddress,
		subject: mail.subject,
		createdAt: mail.createdAt,
		status: mail.sentAt ? 'sent' : mail.attempts > 0 ? 'retrying' : 'queued',
		sentAt: mail.sentAt,
		body: mail.textBody,
		attachments: mail.attachments
			? (JSON.parse(mail.attachments) as { filename: string }[]).map((file) => file.filename)
			: []
	}));
}

export async function exportPersonData(
	db: Db,
	actor: Actor,
	contactId: number,
	now = new Date()
): Promise<PersonData> {
	const row = await findContactRow(db, contactId);
	if (!row || row.districtId !== actor.districtId) throw new ContactNotFoundError(contactId);
	if (!mayKeepDirectory(actor, row.districtId)) throw new ForbiddenError('export', actor.role);
	const consents = await listConsentRows(db, contactId);
	const consentedKeys = new Set(consents.map((consent) => consent.purposeKey));
	const purposes = (await listPurposeRows(db, row.districtId)).filter((purpose) =>
		consentedKeys.has(purpose.key)
	);
	const audit = await auditEntriesAbout(db, contactId, await relatedIds(db, contactId));
	return {
		exportedAt: now.toISOString(),
		person: {
			id: row.id,
			name: row.name,
			roleTitle: row.roleTitle,
			organisation: row.organisationName,
			email: row.email,
			phone: row.phone,
			languages: list(row.languages),
			actionFields: list(row.actionFields),
			notes: row.notes,
			createdAt: row.createdAt,
			updatedAt: row.updatedAt,
			anonymisedAt: row.anonymisedAt
		},
		consents: consents.map((consent) => ({
			purpose: consent.purposeKey,
			purposeName: consent.purposeName,
			givenOn: consent.givenOn,
			source: consent.source,
			withdrawnOn: consent.withdrawnOn,
			recordedAt: consent.recordedAt,
			recordedBy: consent.recordedByName
		})),
		purposes: purposes.map(({ key, name, description, legalBasis, dataCategories, retention }) => ({
			key,
			name,
			description,
			legalBasis,
			dataCategories,
			retention
		})),
		networkMemberships: await membershipsOf(db, contactId),
		meetingInvitations: await invitationsOf(db, contactId),
		tasks: await tasksOwnedBy(db, contactId),
		agendaItems: await agendaItemsPresentedBy(db, contactId),
		calendarFeeds: await feedsOf(db, contactId),
		committeeMemberships: await committeeSeatsOf(db, contactId),
		committeeApplications: await applicationsOf(db, contactId),
		mails: await mailsOf(db, await addressesOf(db, contactId, row.email)),
		auditEntries: audit.map((entry) => ({
			at: entry.at,
			action: entry.action,
			entity: entry.entity,
			by: entry.userName,
			before: json(entry.before),
			after: json(entry.after)
		}))
	};
}
