import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { COMMITTEE_PURPOSE } from '../directory/directory-access.js';
import { purposeForConsent } from '../directory/purposes.service.js';
import { allPlaces, listDistricts } from '../places/places.service.js';
import { localizeMany, type LocalizedText } from '../translations/translations.service.js';
import { findCallRowBySlug, listOpenCallRows, type CallRow } from './calls.repository.js';
import { isAccepting } from './calls.service.js';
import {
	listPublicCommittees,
	supportOffersOf,
	type PublicCommittee,
	type SupportOffer
} from './public-committees.service.js';

/**
 * The portal's side of calls: "Mitmachen" lists the open calls of every district in the
 * visitor's language (German where untranslated, marked), each with the offers that prepare
 * people for the committee; a call's page carries the application form while it is open.
 * Drafts never leave the office; a closed or expired call says so and shows no form.
 */
export interface PublicCallSummary {
	slug: string;
	title: LocalizedText;
	committeeName: string;
	seatsSought: number;
	deadline: string;
	supportOffers: SupportOffer[];
}

export interface PublicCall extends PublicCallSummary {
	text: LocalizedText;
	/** Null when the call names nobody in particular. */
	eligibility: LocalizedText | null;
	accepting: boolean;
	/** The places of the call's district, for "where do you live". */
	places: { id: number; name: string }[];
	/** The processing purpose the applicant consents to, as the office wrote it (German). */
	purpose: { name: string; description: string; retention: string };
}

async function localize(db: Kysely<DB>, rows: CallRow[], locale: Locale) {
	return localizeMany(
		db,
		'committee_call',
		rows.map((row) => ({
			id: row.id,
			fields: { title: row.title, text: row.text, eligibility: row.eligibility }
		})),
		locale
	);
}

export async function openCalls(
	db: Kysely<DB>,
	locale: Locale,
	now = new Date()
): Promise<PublicCallSummary[]> {
	const rows = await listOpenCallRows(db, berlinToday(now));
	const texts = await localize(db, rows, locale);
	const offersOf = await supportOffersOf(
		db,
		rows.map((row) => row.committeeId),
		locale,
		now
	);
	return rows.map((row) => summaryOf(row, texts.get(row.id)!.title, offersOf(row.committeeId)));
}

export interface ParticipationPage {
	calls: PublicCallSummary[];
	/** The public committees per district that has any, in the districts' order. */
	committees: { district: string; committees: PublicCommittee[] }[];
}

/** "Mitmachen": the open calls and the public committees of every district. */
export async function participationPage(
	db: Kysely<DB>,
	locale: Locale,
	now = new Date()
): Promise<ParticipationPage> {
	const committees = [];
	for (const district of await listDistricts(db)) {
		const own = await listPublicCommittees(db, district.id, locale, now);
		if (own.length) committees.push({ district: district.name, committees: own });
	}
	return { calls: await openCalls(db, locale, now), committees };
}

const summaryOf = (
	row: CallRow,
	title: LocalizedText,
	offers: SupportOffer[]
): PublicCallSummary => ({
	slug: row.slug,
	title,
	committeeName: row.committeeName,
	seatsSought: row.seatsSought,
	deadline: row.deadline,
	supportOffers: offers
});

/** A call that was opened once, in the visitor's language; null for drafts and unknown slugs. */
export async function publicCall(
	db: Kysely<DB>,
	slug: string,
	locale: Locale,
	now = new Date()
): Promise<PublicCall | null> {
	const row = await findCallRowBySlug(db, slug);
	if (!row || row.status === 'draft') return null;
	const texts = (await localize(db, [row], locale)).get(row.id)!;
	const offersOf = await supportOffersOf(db, [row.committeeId], locale, now);
	const purpose = await purposeForConsent(db, row.districtId, COMMITTEE_PURPOSE, now);
	const places = (await allPlaces(db))
		.filter((place) => place.districtId === row.districtId)
		.map(({ id, name }) => ({ id, name }));
	return {
		...summaryOf(row, texts.title, offersOf(row.committeeId)),
		text: texts.text,
		eligibility: row.eligibility ? texts.eligibility : null,
		accepting: isAccepting(row.status, row.deadline, now),
		places,
		purpose: {
			name: purpose.name,
			description: purpose.description,
			retention: purpose.retention
		}
	};
}
