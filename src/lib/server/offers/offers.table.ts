import type { Generated, Insertable } from 'kysely';

export interface OffersTable {
	id: Generated<number>;
	districtId: number;
	organisationId: number;
	slug: string;
	title: string;
	summary: string;
	description: string;
	costKind: string;
	costCents: number | null;
	costNote: string | null;
	access: string;
	languageLevel: string;
	/** The level the offer leads to, where it names one; always above languageLevel. */
	languageLevelExit: string | null;
	locationKind: string;
	street: string | null;
	placeId: number | null;
	onlineUrl: string | null;
	scheduleKind: string;
	validFrom: string | null;
	validTo: string | null;
	contactName: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
	status: string;
	/** Denormalised from offer_occurrences for sorting by next date. */
	nextStartsAt: string | null;
	createdAt: string;
	updatedAt: string;
	lastVerifiedAt: string;
	/** When the owner was last asked to confirm the offer; null once they did. */
	verificationRemindedAt: string | null;
}

export interface OfferActionFieldsTable {
	offerId: number;
	actionField: string;
}
export interface OfferTargetGroupsTable {
	offerId: number;
	targetGroup: string;
}
export interface OfferLanguagesTable {
	offerId: number;
	language: string;
}
export interface OfferAccessibilityTable {
	offerId: number;
	feature: string;
}

/** A single date (rrule null) or a recurring series; times are Europe/Berlin wall-clock `YYYY-MM-DDTHH:mm`. */
export interface OfferSchedulesTable {
	id: Generated<number>;
	offerId: number;
	startsAt: string;
	endsAt: string | null;
	rrule: string | null;
}

export interface OfferOccurrencesTable {
	offerId: number;
	startsAt: string;
	endsAt: string | null;
}

export type NewOfferRow = Insertable<OffersTable>;
