import type { CommitteeOfferKind, CommitteeType, MemberRole } from './committees.table.js';
import type {
	CommitteeRow,
	FiguresRow,
	LinkedOfferRow,
	MemberRow,
	TermRow
} from './committees.repository.js';
import { suppressFigures, type ShownFigures } from './representation.js';

/** What the register's pages get: rows become views here, figures only as suppressed. */

export interface MemberView {
	id: number;
	contactId: number;
	name: string;
	organisationName: string | null;
	role: MemberRole;
	fromOn: string | null;
	toOn: string | null;
	/** A member now, by the term's and the membership's dates. */
	current: boolean;
	/** For staff: the person has since withdrawn their consent for committee work. */
	consentWithdrawn: boolean;
}

export interface TermFiguresView {
	recordedOn: string;
	figures: ShownFigures;
}

export interface TermView {
	id: number;
	startsOn: string;
	endsOn: string | null;
	/** The seats that apply: the term's own, else the committee's. */
	seats: number;
	/** The term's own number of seats, when it differs from the committee's. */
	ownSeats: number | null;
	current: boolean;
	memberCount: number;
	/** Null when the actor may not see who the members are. */
	members: MemberView[] | null;
	/** Null when the actor may not see the figures or none are recorded. */
	figures: TermFiguresView | null;
	hasFigures: boolean;
}

export interface LinkedOfferView {
	offerId: number;
	kind: CommitteeOfferKind;
	title: string;
	slug: string;
	published: boolean;
}

export interface CommitteeSummary {
	id: number;
	districtId: number;
	slug: string;
	name: string;
	type: CommitteeType;
	body: string;
	organisationId: number | null;
	organisationName: string | null;
	seats: number;
	isPublic: boolean;
	currentTerm: { id: number; startsOn: string; endsOn: string | null } | null;
	/** Seats minus current members of the current term; null without a current term. */
	vacancies: number | null;
}

export interface CommitteeDetail extends CommitteeSummary {
	meetingRhythm: string;
	contact: { contactId: number | null; name: string | null; text: string };
	description: string;
	/** Newest first. */
	terms: TermView[];
	offers: LinkedOfferView[];
	may: { manage: boolean; seeMembers: boolean; seeFigures: boolean };
}

const within = (day: string, from: string | null, to: string | null) =>
	(from === null || from <= day) && (to === null || day <= to);

export const isCurrentTerm = (term: TermRow, today: string) =>
	within(today, term.startsOn, term.endsOn);

/** A member on a day: within the term and within their own dates. */
export const isMemberOn = (
	member: Pick<MemberRow, 'fromOn' | 'toOn'>,
	term: TermRow,
	day: string
) => within(day, term.startsOn, term.endsOn) && within(day, member.fromOn, member.toOn);

export const seatsOf = (term: TermRow, committee: Pick<CommitteeRow, 'seats'>) =>
	term.seats ?? committee.seats;

/** The current term: the latest begun one that has not ended. */
export function currentTermOf(terms: readonly TermRow[], today: string): TermRow | undefined {
	return [...terms]
		.filter((term) => isCurrentTerm(term, today))
		.sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
}

export function toSummary(
	row: CommitteeRow,
	terms: readonly TermRow[],
	members: readonly MemberRow[],
	today: string
): CommitteeSummary {
	const current = currentTermOf(terms, today);
	const currentMembers = current
		? members.filter((m) => m.termId === current.id && isMemberOn(m, current, today)).length
		: 0;
	return {
		id: row.id,
		districtId: row.districtId,
		slug: row.slug,
		name: row.name,
		type: row.type,
		body: row.body,
		organisationId: row.organisationId,
		organisationName: row.organisationName,
		seats: row.seats,
		isPublic: row.isPublic === 1,
		currentTerm: current
			? { id: current.id, startsOn: current.startsOn, endsOn: current.endsOn }
			: null,
		vacancies: current ? Math.max(0, seatsOf(current, row) - currentMembers) : null
	};
}

export function figuresView(row: FiguresRow): TermFiguresView {
	return { recordedOn: row.recordedOn, figures: suppressFigures(row) };
}

export function toTermView(
	committee: CommitteeRow,
	term: TermRow,
	members: readonly MemberRow[],
	figures: FiguresRow | undefined,
	today: string,
	may: { seeMembers: boolean; seeFigures: boolean }
): TermView {
	const ofTerm = members.filter((member) => member.termId === term.id);
	return {
		id: term.id,
		startsOn: term.startsOn,
		endsOn: term.endsOn,
		seats: seatsOf(term, committee),
		ownSeats: term.seats,
		current: isCurrentTerm(term, today),
		// Now for the current term; everyone who sat in it for a past or coming one.
		memberCount: isCurrentTerm(term, today)
			? ofTerm.filter((member) => isMemberOn(member, term, today)).length
			: ofTerm.length,
		members: may.seeMembers
			? ofTerm.map((member) => ({
					id: member.id,
					contactId: member.contactId,
					name: member.name,
					organisationName: member.organisationName,
					role: member.role,
					fromOn: member.fromOn,
					toOn: member.toOn,
					current: isMemberOn(member, term, today),
					consentWithdrawn: false
				}))
			: null,
		figures: may.seeFigures && figures ? figuresView(figures) : null,
		hasFigures: figures !== undefined
	};
}

export const toOfferView = (row: LinkedOfferRow): LinkedOfferView => ({
	offerId: row.offerId,
	kind: row.kind,
	title: row.title,
	slug: row.slug,
	published: row.status === 'published'
});
