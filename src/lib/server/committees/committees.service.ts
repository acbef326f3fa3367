import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { COMMITTEE_PURPOSE } from '../directory/directory-access.js';
import { contactFormOptions, getContact, listContacts } from '../directory/contacts.service.js';
import { slugify } from '../../shared/text/slugify.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import {
	authorizeManage,
	mayManageCommittees,
	maySeeCommittee,
	maySeeFigures,
	maySeeMembers,
	type CommitteeEditor
} from './committee-access.js';
import { auditCommittees } from './committee-audit.js';
import {
	toOfferView,
	toSummary,
	toTermView,
	type CommitteeDetail,
	type CommitteeSummary
} from './committee-views.js';
import { CommitteeNotFoundError, CommitteeValidationError } from './committees.errors.js';
import {
	committeeIdsWithMembersOf,
	deleteCommitteeRow,
	findCommitteeRow,
	findCommitteeRowBySlug,
	findFiguresRows,
	findLinkedOfferRows,
	findMemberRows,
	findOrganisationDistrict,
	findTermRows,
	insertCommitteeRow,
	listCommitteeRows,
	updateCommitteeRow,
	type CommitteeRow
} from './committees.repository.js';
import {
	COMMITTEE_TYPES,
	committeeInputSchema,
	parseCommitteeInput,
	type CommitteeInput,
	type CommitteeType
} from './committees.schema.js';

export type {
	CommitteeDetail,
	CommitteeSummary,
	LinkedOfferView,
	MemberView,
	TermFiguresView,
	TermView
} from './committee-views.js';

/** The register's filters: a type, and public or internal ones only. */
export interface CommitteeFilters {
	type: CommitteeType | null;
	visibility: 'public' | 'internal' | null;
}

/** The committees of the rows the actor may see. */
async function visibleRows(db: Db, actor: Actor, rows: CommitteeRow[]): Promise<CommitteeRow[]> {
	const withMembers =
		actor.role === 'partner_editor'
			? await committeeIdsWithMembersOf(db, actor.organisationIds)
			: new Set<number>();
	return rows.filter((row) =>
		maySeeCommittee(actor, {
			districtId: row.districtId,
			organisationId: row.organisationId,
			hasMemberOfActor: withMembers.has(row.id)
		})
	);
}

/** The district's register as the actor may see it, by name. */
export async function listCommittees(
	db: Db,
	actor: Actor,
	filters: CommitteeFilters = { type: null, visibility: null },
	now = new Date()
): Promise<CommitteeSummary[]> {
	const rows = (await visibleRows(db, actor, await listCommitteeRows(db, actor.districtId))).filter(
		(row) =>
			(filters.type === null || row.type === filters.type) &&
			(filters.visibility === null || (row.isPublic === 1) === (filters.visibility === 'public'))
	);
	const terms = await findTermRows(
		db,
		rows.map((row) => row.id)
	);
	const members = await findMemberRows(
		db,
		terms.map((term) => term.id)
	);
	const today = berlinToday(now);
	return rows.map((row) =>
		toSummary(
			row,
			terms.filter((term) => term.committeeId === row.id),
			members,
			today
		)
	);
}

/** A committee with its terms, members and figures, without authorisation (callers check). */
export async function loadCommittee(
	db: Db,
	committeeId: number,
	may: { manage: boolean; seeMembers: boolean; seeFigures: boolean },
	now = new Date()
): Promise<CommitteeDetail> {
	const row = await findCommitteeRow(db, committeeId);
	if (!row) throw new CommitteeNotFoundError(committeeId);
	const terms = await findTermRows(db, [row.id]);
	const termIds = terms.map((term) => term.id);
	const [members, figures, offers] = await Promise.all([
		findMemberRows(db, termIds),
		findFiguresRows(db, termIds),
		findLinkedOfferRows(db, [row.id])
	]);
	const today = berlinToday(now);
	return {
		...toSummary(row, terms, members, today),
		meetingRhythm: row.meetingRhythm,
		// The directory contact is the office's own note; others read the public contact text.
		contact: may.manage
			? { contactId: row.contactId, name: row.contactName, text: row.contactText }
			: { contactId: null, name: null, text: row.contactText },
		description: row.description,
		terms: terms.map((term) =>
			toTermView(
				row,
				term,
				members,
				figures.find((figure) => figure.termId === term.id),
				today,
				may
			)
		),
		offers: offers.map(toOfferView),
		may
	};
}

/** One committee as the actor may see it; one they may not see is not found. */
export async function getCommittee(
	db: Db,
	actor: Actor,
	committeeId: number,
	now = new Date()
): Promise<CommitteeDetail> {
	const row = await findCommitteeRow(db, committeeId);
	if (!row || (await visibleRows(db, actor, [row])).length === 0)
		throw new CommitteeNotFoundError(committeeId);
	const committee = await loadCommittee(
		db,
		committeeId,
		{
			manage: mayManageCommittees(actor, row.districtId),
			seeMembers: maySeeMembers(actor),
			seeFigures: maySeeFigures(actor)
		},
		now
	);
	return committee.may.manage ? withConsents(db, actor, committee) : committee;
}

/** Marks the members who have withdrawn their consent since, for staff to act on. */
async function withConsents(
	db: Db,
	actor: Actor,
	committee: CommitteeDetail
): Promise<CommitteeDetail> {
	const consenting = new Set(
		(
			await listContacts(db, actor, {
				q: '',
				organisationId: null,
				actionField: null,
				language: null,
				consent: COMMITTEE_PURPOSE
			})
		).map((contact) => contact.id)
	);
	return {
		...committee,
		terms: committee.terms.map((term) => ({
			...term,
			members:
				term.members?.map((member) => ({
					...member,
					consentWithdrawn: !consenting.has(member.contactId)
				})) ?? null
		}))
	};
}

/** A committee the actor keeps, for the changes to it. */
export async function committeeToManage(
	db: Db,
	actor: Actor,
	committeeId: number
): Promise<CommitteeRow> {
	const row = await findCommitteeRow(db, committeeId);
	if (!row || row.districtId !== actor.districtId) throw new CommitteeNotFoundError(committeeId);
	authorizeManage(actor, row.districtId);
	return row;
}

/** The first free address for a new committee: its name, numbered when taken. */
async function freeSlug(db: Db, districtId: number, text: string): Promise<string> {
	const base = slugify(text) || 'gremium';
	for (let n = 1; ; n += 1) {
		const slug = n === 1 ? base : `${base}-${n}`;
		if (!(await findCommitteeRowBySlug(db, districtId, slug))) return slug;
	}
}

/** Checks what only the database knows: the organisation and the contact are the district's. */
async function validCommittee(db: Db, actor: Actor, input: CommitteeInput) {
	const committee = parseCommitteeInput(committeeInputSchema, input);
	if (
		committee.organisationId !== null &&
		(await findOrganisationDistrict(db, committee.organisationId)) !== actor.districtId
	)
		throw new CommitteeValidationError([{ path: 'organisationId', code: 'unknown' }]);
	if (committee.contactId !== null) {
		const contact = await getContact(db, actor, committee.contactId).catch(() => null);
		if (!contact || contact.anonymisedAt)
			throw new CommitteeValidationError([{ path: 'contactId', code: 'unknown' }]);
	}
	return committee;
}

const columnsOf = (committee: z.output<typeof committeeInputSchema>) => ({
	...committee,
	isPublic: committee.isPublic ? 1 : 0
});

export async function createCommittee(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	input: CommitteeInput,
	now = new Date()
): Promise<number> {
	authorizeManage(actor, actor.districtId);
	const committee = await validCommittee(db, actor, input);
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const id = await insertCommitteeRow(trx, {
			districtId: actor.districtId,
			slug: await freeSlug(trx, actor.districtId, committee.name),
			...columnsOf(committee),
			createdAt: at,
			updatedAt: at
		});
		await auditCommittees(
			trx,
			actor,
			actor.districtId,
			{ action: 'committee.create', entityId: id, after: committee },
			now
		);
		return id;
	});
}

/** Changes what a committee is; its address stays, so links to its public page keep working. */
export async function updateCommittee(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	committeeId: number,
	input: CommitteeInput,
	now = new Date()
): Promise<void> {
	const before = await committeeToManage(db, actor, committeeId);
	const committee = await validCommittee(db, actor, input);
	await inTransaction(db, async (trx) => {
		await updateCommitteeRow(trx, committeeId, {
			...columnsOf(committee),
			updatedAt: now.toISOString()
		});
		await auditCommittees(
			trx,
			actor,
			before.districtId,
			{
				action: 'committee.update',
				entityId: committeeId,
				before: auditView(before),
				after: committee
			},
			now
		);
	});
}

const auditView = (row: CommitteeRow) => ({
	name: row.name,
	type: row.type,
	body: row.body,
	organisationId: row.organisationId,
	seats: row.seats,
	meetingRhythm: row.meetingRhythm,
	contactId: row.contactId,
	contactText: row.contactText,
	description: row.description,
	isPublic: row.isPublic === 1
});

/** What deleting a committee takes with it, for the page that asks first. */
export interface CommitteeDeletionPreview {
	committee: { id: number; name: string };
	terms: number;
	memberships: number;
	termsWithFigures: number;
	offers: number;
}

export async function previewCommitteeDeletion(
	db: Db,
	actor: Actor,
	committeeId: number
): Promise<CommitteeDeletionPreview> {
	await committeeToManage(db, actor, committeeId);
	const detail = await loadCommittee(db, committeeId, {
		manage: true,
		seeMembers: true,
		seeFigures: false
	});
	return {
		committee: { id: detail.id, name: detail.name },
		terms: detail.terms.length,
		memberships: detail.terms.reduce((sum, term) => sum + (term.members?.length ?? 0), 0),
		termsWithFigures: detail.terms.filter((term) => term.hasFigures).length,
		offers: detail.offers.length
	};
}

/**
 * Deletes a committee with its terms, memberships, figures, offer links and calls, once the
 * person confirmed that they know; the people stay in the directory.
 */
export async function deleteCommittee(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	committeeId: number,
	confirmed: boolean,
	now = new Date()
): Promise<void> {
	const preview = await previewCommitteeDeletion(db, actor, committeeId);
	if (!confirmed) throw new CommitteeValidationError([{ path: 'confirm', code: 'confirm' }]);
	const before = await committeeToManage(db, actor, committeeId);
	await inTransaction(db, async (trx) => {
		await deleteCommitteeRow(trx, committeeId);
		await auditCommittees(
			trx,
			actor,
			before.districtId,
			{
				action: 'committee.delete',
				entityId: committeeId,
				before: { ...auditView(before), ...preview, committee: undefined }
			},
			now
		);
	});
}

/** The choices of the committee form: the district's organisations and directory contacts. */
export async function committeeFormOptions(db: Db, actor: Actor) {
	authorizeManage(actor, actor.districtId);
	const { organisations } = await contactFormOptions(db, actor);
	const contacts = await listContacts(db, actor, {
		q: '',
		organisationId: null,
		actionField: null,
		language: null,
		consent: null
	});
	return {
		types: COMMITTEE_TYPES,
		organisations,
		contacts: contacts.map(({ id, name, organisationName }) => ({ id, name, organisationName }))
	};
}
