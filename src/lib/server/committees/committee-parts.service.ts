import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { COMMITTEE_PURPOSE } from '../directory/directory-access.js';
import { getContact, listContacts } from '../directory/contacts.service.js';
import { listDeskOffers } from '../offers/offer-desk.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import type { CommitteeEditor } from './committee-access.js';
import { auditCommittees } from './committee-audit.js';
import { isMemberOn, seatsOf } from './committee-views.js';
import {
	CommitteeNotFoundError,
	CommitteeValidationError,
	MemberNotFoundError,
	TermNotFoundError
} from './committees.errors.js';
import {
	deleteFiguresRows,
	deleteMemberRow,
	deleteTermRow,
	findFiguresRows,
	findMemberRow,
	findMemberRows,
	findOfferDistrict,
	findTermRow,
	findTermRows,
	insertMemberRow,
	insertTermRow,
	linkOfferRow,
	replaceFiguresRow,
	unlinkOfferRow,
	updateTermRow,
	type CommitteeRow,
	type TermRow
} from './committees.repository.js';
import {
	figuresInputSchema,
	memberInputSchema,
	offerLinkSchema,
	parseCommitteeInput,
	termInputSchema,
	type FiguresInput,
	type MemberInput,
	type OfferLinkInput,
	type TermInput
} from './committees.schema.js';
import { committeeToManage } from './committees.service.js';
import { suppressFigures } from './representation.js';

/** Terms of office, members, representation figures and linked offers of a committee. */

const invalid = (path: string, code: string, params?: Record<string, string | number>) =>
	new CommitteeValidationError([{ path, code, ...(params ? { params } : {}) }]);

/** A term with its committee, which the actor keeps. */
async function termToManage(
	db: Db,
	actor: CommitteeEditor,
	termId: number
): Promise<{ term: TermRow; committee: CommitteeRow }> {
	const term = await findTermRow(db, termId);
	if (!term) throw new TermNotFoundError(termId);
	const committee = await committeeToManage(db, actor, term.committeeId).catch((failure) => {
		throw failure instanceof CommitteeNotFoundError ? new TermNotFoundError(termId) : failure;
	});
	return { term, committee };
}

const overlaps = (
	a: Pick<TermRow, 'startsOn' | 'endsOn'>,
	b: Pick<TermRow, 'startsOn' | 'endsOn'>
) => (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);

/** The most members the term has on any one day, with `extra` counted in. */
function mostMembersAtOnce(
	term: TermRow,
	members: { fromOn: string | null; toOn: string | null }[]
): number {
	const days = [term.startsOn, ...members.map((member) => member.fromOn ?? term.startsOn)];
	return Math.max(
		0,
		...days.map((day) => members.filter((member) => isMemberOn(member, term, day)).length)
	);
}

/** Checks a term's dates against the committee's other terms and its seats against its members. */
async function checkTerm(
	db: Db,
	committee: CommitteeRow,
	term: Pick<TermRow, 'startsOn' | 'endsOn' | 'seats'>,
	termId: number | null
): Promise<void> {
	const others = (await findTermRows(db, [committee.id])).filter((other) => other.id !== termId);
	const clash = others.find((other) => overlaps(other, term));
	if (clash)
		throw invalid('startsOn', 'overlaps', {
			from: clash.startsOn,
			to: clash.endsOn ?? '…'
		});
	if (termId === null) return;
	const row = { ...(await findTermRow(db, termId))!, ...term };
	const members = await findMemberRows(db, [termId]);
	const outside = members.find(
		(member) =>
			(member.fromOn !== null && member.fromOn < row.startsOn) ||
			(member.toOn !== null && row.endsOn !== null && member.toOn > row.endsOn)
	);
	if (outside) throw invalid('startsOn', 'member_outside', { name: outside.name });
	const seats = seatsOf(row, committee);
	const most = mostMembersAtOnce(row, members);
	if (most > seats) throw invalid('seats', 'fewer_seats_than_members', { seats, members: most });
	const figures = (await findFiguresRows(db, [termId]))[0];
	// The message names no count: a recorded figure leaves only through the small-number rule.
	if (figures && figures.answered > seats)
		throw invalid('seats', 'fewer_seats_than_answered', { seats });
}

export async function createTerm(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	committeeId: number,
	input: TermInput,
	now = new Date()
): Promise<number> {
	const committee = await committeeToManage(db, actor, committeeId);
	const term = parseCommitteeInput(termInputSchema, input);
	await checkTerm(db, committee, term, null);
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const id = await insertTermRow(trx, { committeeId, ...term, createdAt: at, updatedAt: at });
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{ action: 'committee.term.create', entityId: committeeId, after: { termId: id, ...term } },
			now
		);
		return id;
	});
}

export async function updateTerm(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	termId: number,
	input: TermInput,
	now = new Date()
): Promise<void> {
	const { term: before, committee } = await termToManage(db, actor, termId);
	const term = parseCommitteeInput(termInputSchema, input);
	await checkTerm(db, committee, term, termId);
	await inTransaction(db, async (trx) => {
		await updateTermRow(trx, termId, { ...term, updatedAt: now.toISOString() });
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{
				action: 'committee.term.update',
				entityId: committee.id,
				before: { termId, startsOn: before.startsOn, endsOn: before.endsOn, seats: before.seats },
				after: { termId, ...term }
			},
			now
		);
	});
}

/** Deletes a term with its memberships and figures (the page says so before). */
export async function deleteTerm(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	termId: number,
	now = new Date()
): Promise<void> {
	const { term, committee } = await termToManage(db, actor, termId);
	const members = await findMemberRows(db, [termId]);
	await inTransaction(db, async (trx) => {
		await deleteTermRow(trx, termId);
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{
				action: 'committee.term.delete',
				entityId: committee.id,
				before: {
					termId,
					startsOn: term.startsOn,
					endsOn: term.endsOn,
					memberContactIds: members.map((member) => member.contactId)
				}
			},
			now
		);
	});
}

/**
 * The people of the directory who may become members: those with a recorded, not withdrawn
 * consent for committee work, by name.
 */
export async function memberCandidates(
	db: Db,
	actor: CommitteeEditor
): Promise<{ id: number; name: string; organisationName: string | null }[]> {
	const contacts = await listContacts(db, actor, {
		q: '',
		organisationId: null,
		actionField: null,
		language: null,
		consent: COMMITTEE_PURPOSE
	});
	return contacts
		.filter((contact) => contact.consentKeys.includes(COMMITTEE_PURPOSE))
		.map(({ id, name, organisationName }) => ({ id, name, organisationName }));
}

/**
 * Adds a person from the directory to a term: only with their consent for committee work, only
 * within the term, once at a time, and never more members on one day than the term has seats.
 */
export async function addMember(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	termId: number,
	input: MemberInput,
	now = new Date()
): Promise<number> {
	const { term, committee } = await termToManage(db, actor, termId);
	const member = parseCommitteeInput(memberInputSchema, input);
	const contact = await getContact(db, actor, member.contactId).catch(() => null);
	if (!contact || contact.anonymisedAt) throw invalid('contactId', 'unknown');
	if (!contact.consentKeys.includes(COMMITTEE_PURPOSE))
		throw invalid('contactId', 'no_consent', { name: contact.name });
	if (
		(member.fromOn !== null && member.fromOn < term.startsOn) ||
		(member.toOn !== null && term.endsOn !== null && member.toOn > term.endsOn)
	)
		throw invalid(
			member.fromOn !== null && member.fromOn < term.startsOn ? 'fromOn' : 'toOn',
			'outside_term'
		);
	const members = await findMemberRows(db, [termId]);
	const same = members.filter((other) => other.contactId === member.contactId);
	if (
		same.some((other) =>
			overlaps(
				{ startsOn: other.fromOn ?? term.startsOn, endsOn: other.toOn ?? term.endsOn },
				{ startsOn: member.fromOn ?? term.startsOn, endsOn: member.toOn ?? term.endsOn }
			)
		)
	)
		throw invalid('contactId', 'already_member', { name: contact.name });
	const seats = seatsOf(term, committee);
	if (mostMembersAtOnce(term, [...members, member]) > seats)
		throw invalid('contactId', 'seats_full', { seats });
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const id = await insertMemberRow(trx, { termId, ...member, createdAt: at, updatedAt: at });
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{ action: 'committee.member.add', entityId: committee.id, after: { termId, ...member } },
			now
		);
		return id;
	});
}

export async function removeMember(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	memberId: number,
	now = new Date()
): Promise<void> {
	const member = await findMemberRow(db, memberId);
	if (!member) throw new MemberNotFoundError(memberId);
	const { committee } = await termToManage(db, actor, member.termId).catch((failure) => {
		throw failure instanceof TermNotFoundError ? new MemberNotFoundError(memberId) : failure;
	});
	await inTransaction(db, async (trx) => {
		await deleteMemberRow(trx, memberId);
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{
				action: 'committee.member.remove',
				entityId: committee.id,
				before: {
					termId: member.termId,
					contactId: member.contactId,
					role: member.role,
					fromOn: member.fromOn,
					toOn: member.toOn
				}
			},
			now
		);
	});
}

/**
 * Records a term's representation figures, replacing those recorded before: one set per term,
 * as two sets of one term would differ by the people who came or left. The audit keeps only
 * what the page shows (suppressed), as administrators read the audit log.
 */
export async function recordFigures(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	termId: number,
	input: FiguresInput,
	now = new Date()
): Promise<void> {
	const { term, committee } = await termToManage(db, actor, termId);
	const figures = parseCommitteeInput(figuresInputSchema, input);
	if (figures.recordedOn > berlinToday(now)) throw invalid('recordedOn', 'future');
	const seats = seatsOf(term, committee);
	if (figures.answered > seats) throw invalid('answered', 'above_seats', { seats });
	await inTransaction(db, async (trx) => {
		const at = now.toISOString();
		await replaceFiguresRow(trx, {
			termId,
			...figures,
			recordedBy: actor.id,
			createdAt: at,
			updatedAt: at
		});
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{
				action: 'committee.figures.record',
				entityId: committee.id,
				after: { termId, recordedOn: figures.recordedOn, ...suppressFigures(figures).counts }
			},
			now
		);
	});
}

export async function deleteFigures(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	termId: number,
	now = new Date()
): Promise<void> {
	const { committee } = await termToManage(db, actor, termId);
	await inTransaction(db, async (trx) => {
		if (!(await deleteFiguresRows(trx, termId))) return;
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{ action: 'committee.figures.delete', entityId: committee.id, before: { termId } },
			now
		);
	});
}

/** The district's offers a coordinator can link, by title, without those already linked. */
export async function offerChoices(
	db: Db,
	actor: CommitteeEditor,
	linked: readonly number[]
): Promise<{ id: number; title: string }[]> {
	return (await listDeskOffers(db, actor))
		.filter((offer) => !linked.includes(offer.id) && offer.status !== 'archived')
		.map(({ id, title }) => ({ id, title }))
		.sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

/** Links a training or mentoring offer of the district to a committee. */
export async function linkOffer(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	committeeId: number,
	input: OfferLinkInput,
	now = new Date()
): Promise<void> {
	const committee = await committeeToManage(db, actor, committeeId);
	const link = parseCommitteeInput(offerLinkSchema, input);
	if ((await findOfferDistrict(db, link.offerId)) !== committee.districtId)
		throw invalid('offerId', 'unknown');
	await inTransaction(db, async (trx) => {
		await linkOfferRow(trx, committeeId, link.offerId, link.kind);
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{ action: 'committee.offer.link', entityId: committeeId, after: link },
			now
		);
	});
}

export async function unlinkOffer(
	db: Kysely<DB>,
	actor: CommitteeEditor,
	committeeId: number,
	offerId: number,
	now = new Date()
): Promise<void> {
	const committee = await committeeToManage(db, actor, committeeId);
	await inTransaction(db, async (trx) => {
		if (!(await unlinkOfferRow(trx, committeeId, offerId))) return;
		await auditCommittees(
			trx,
			actor,
			committee.districtId,
			{ action: 'committee.offer.unlink', entityId: committeeId, before: { offerId } },
			now
		);
	});
}
