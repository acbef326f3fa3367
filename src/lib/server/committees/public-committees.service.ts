import type { Locale } from '../../i18n/locales.js';
import type { Db } from '../db/schema.js';
import { publishedOfferLinks, type OfferLink } from '../offers/offer-page.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { currentTermOf, figuresView, toSummary, type TermFiguresView } from './committee-views.js';
import {
	findCommitteeRowBySlug,
	findFiguresRows,
	findLinkedOfferRows,
	findMemberRows,
	findTermRows,
	listCommitteeRows,
	type CommitteeRow
} from './committees.repository.js';
import {
	COMMITTEE_OFFER_KINDS,
	type CommitteeOfferKind,
	type CommitteeType
} from './committees.table.js';

/** An offer that prepares people for a committee, as the portal shows it today. */
export interface SupportOffer {
	kind: CommitteeOfferKind;
	offer: OfferLink;
}

const collator = new Intl.Collator('de');

/**
 * The published offers linked to the committees, per committee: trainings first, then
 * mentoring, each by title — the same order on every database. Public committees and calls
 * (whose committee may be internal) both show them.
 */
export async function supportOffersOf(
	db: Db,
	committeeIds: readonly number[],
	locale: Locale,
	now: Date
): Promise<(committeeId: number) => SupportOffer[]> {
	const links = await findLinkedOfferRows(db, committeeIds);
	const published = new Map(
		(
			await publishedOfferLinks(
				db,
				links.map((link) => link.offerId),
				locale,
				now
			)
		).map((offer) => [offer.id, offer])
	);
	return (committeeId) =>
		links
			.filter((link) => link.committeeId === committeeId && published.has(link.offerId))
			.map((link) => ({ kind: link.kind, offer: published.get(link.offerId)! }))
			.sort(
				(a, b) =>
					COMMITTEE_OFFER_KINDS.indexOf(a.kind) - COMMITTEE_OFFER_KINDS.indexOf(b.kind) ||
					collator.compare(a.offer.title.text, b.offer.title.text)
			);
}

/**
 * The committees a district marks public, as the portal and the API show them: what the
 * committee is, its current term with the vacancies, the offers that prepare for it that the
 * portal shows today, and its representation figures per term — suppressed, never members.
 * Names and descriptions are the German ones: a body's name is its proper name.
 */
export interface PublicCommittee {
	id: number;
	slug: string;
	name: string;
	type: CommitteeType;
	body: string;
	seats: number;
	meetingRhythm: string;
	description: string;
	/** Whom to ask, as the office wrote it for the public. */
	contact: string;
	currentTerm: {
		startsOn: string;
		endsOn: string | null;
		seats: number;
		vacancies: number;
	} | null;
	offers: SupportOffer[];
	/** Per term with recorded figures, oldest term first. */
	figures: (TermFiguresView & { termStartsOn: string; termEndsOn: string | null })[];
}

async function publicViews(
	db: Db,
	rows: CommitteeRow[],
	locale: Locale,
	now: Date
): Promise<PublicCommittee[]> {
	const ids = rows.map((row) => row.id);
	const terms = await findTermRows(db, ids);
	const termIds = terms.map((term) => term.id);
	const [members, figures, offersOf] = await Promise.all([
		findMemberRows(db, termIds),
		findFiguresRows(db, termIds),
		supportOffersOf(db, ids, locale, now)
	]);
	const today = berlinToday(now);
	return rows.map((row) => {
		const own = terms.filter((term) => term.committeeId === row.id);
		const summary = toSummary(row, own, members, today);
		const current = currentTermOf(own, today);
		return {
			id: row.id,
			slug: row.slug,
			name: row.name,
			type: row.type,
			body: row.body,
			seats: row.seats,
			meetingRhythm: row.meetingRhythm,
			description: row.description,
			contact: row.contactText,
			currentTerm: current
				? {
						startsOn: current.startsOn,
						endsOn: current.endsOn,
						seats: current.seats ?? row.seats,
						vacancies: summary.vacancies ?? 0
					}
				: null,
			offers: offersOf(row.id),
			figures: [...own].reverse().flatMap((term) => {
				const recorded = figures.find((figure) => figure.termId === term.id);
				return recorded
					? [{ termStartsOn: term.startsOn, termEndsOn: term.endsOn, ...figuresView(recorded) }]
					: [];
			})
		};
	});
}

/** The public committees of a district, by name. */
export async function listPublicCommittees(
	db: Db,
	districtId: number,
	locale: Locale,
	now = new Date()
): Promise<PublicCommittee[]> {
	return publicViews(
		db,
		await listCommitteeRows(db, districtId, { publicOnly: true }),
		locale,
		now
	);
}

/** A public committee by its address, or null when there is none (or it is internal). */
export async function getPublicCommittee(
	db: Db,
	districtId: number,
	slug: string,
	locale: Locale,
	now = new Date()
): Promise<PublicCommittee | null> {
	const row = await findCommitteeRowBySlug(db, districtId, slug);
	if (!row || row.isPublic !== 1) return null;
	return (await publicViews(db, [row], locale, now))[0]!;
}
