import type { OfferRelations } from '../offers/offers.schema.js';
import { formatAmount, formatDate } from '../../shared/files/cell-values.js';
import { formatDateEntry } from './date-entries.js';
import { COLUMNS, type RowCells } from './columns.js';
import type { ExportRow } from './exchange.repository.js';
import { labelOf, type Vocabulary } from './vocabulary.js';

export interface ExportScheduleEntry {
	startsAt: string;
	endsAt: string | null;
	rrule: string | null;
}

/** An offer as exports write it: everything the template columns and HSDS need. */
export interface ExportOffer extends OfferRelations {
	id: number;
	slug: string;
	title: string;
	summary: string;
	description: string;
	organisation: {
		id: number;
		name: string;
		email: string | null;
		phone: string | null;
		website: string | null;
	};
	languageLevel: string;
	languageLevelExit: string | null;
	cost: { kind: string; cents: number | null; note: string | null };
	access: string;
	location:
		| {
				kind: 'address';
				street: string;
				place: { id: number; name: string; ags: string; lat: number; lon: number };
				postcode: string | null;
		  }
		| { kind: 'online'; url: string };
	schedule: { kind: string; entries: ExportScheduleEntry[] };
	validFrom: string | null;
	validTo: string | null;
	contact: { name: string | null; phone: string | null; email: string | null };
	lastVerifiedAt: string;
}

export function rowToExportOffer(
	row: ExportRow,
	relations: OfferRelations,
	entries: ExportScheduleEntry[],
	postcode: string | null
): ExportOffer {
	return {
		...relations,
		id: row.id,
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		description: row.description,
		organisation: {
			id: row.organisationId,
			name: row.organisationName,
			email: row.organisationEmail,
			phone: row.organisationPhone,
			website: row.organisationWebsite
		},
		languageLevel: row.languageLevel,
		languageLevelExit: row.languageLevelExit,
		cost: { kind: row.costKind, cents: row.costCents, note: row.costNote },
		access: row.access,
		location:
			row.locationKind === 'online' || row.placeId === null
				? { kind: 'online', url: row.onlineUrl ?? '' }
				: {
						kind: 'address',
						street: row.street ?? '',
						place: {
							id: row.placeId,
							name: row.placeName ?? '',
							ags: row.placeAgs ?? '',
							lat: row.placeLat ?? 0,
							lon: row.placeLon ?? 0
						},
						postcode
					},
		schedule: { kind: row.scheduleKind, entries },
		validFrom: row.validFrom,
		validTo: row.validTo,
		contact: { name: row.contactName, phone: row.contactPhone, email: row.contactEmail },
		lastVerifiedAt: row.lastVerifiedAt
	};
}

const labels = (vocabulary: Vocabulary, codes: readonly string[]) =>
	codes.map((code) => labelOf(vocabulary, code)).join(', ');

/** The template cells of an offer: what the importer reads back into the same offer. */
export function offerCells(offer: ExportOffer): RowCells {
	const rules = offer.schedule.entries.map((entry) => entry.rrule ?? '');
	const sameRule = rules.every((rule) => rule === rules[0]);
	return {
		title: offer.title,
		summary: offer.summary,
		description: offer.description,
		organisation: offer.organisation.name,
		actionFields: labels('actionFields', offer.actionFields),
		targetGroups: labels('targetGroups', offer.targetGroups),
		languages: labels('languages', offer.languages),
		languageLevel: labelOf('languageLevel', offer.languageLevel),
		languageLevelExit: offer.languageLevelExit
			? labelOf('languageLevelExit', offer.languageLevelExit)
			: '',
		cost: labelOf('cost', offer.cost.kind),
		amount: offer.cost.kind === 'free' ? '' : formatAmount(offer.cost.cents ?? 0),
		costNote: offer.cost.kind === 'free' ? '' : (offer.cost.note ?? ''),
		access: labelOf('access', offer.access),
		accessibility: labels('accessibility', offer.accessibility),
		street: offer.location.kind === 'address' ? offer.location.street : '',
		place: offer.location.kind === 'address' ? offer.location.place.name : '',
		onlineUrl: offer.location.kind === 'online' ? offer.location.url : '',
		dates: offer.schedule.entries.map(formatDateEntry).join(', '),
		rrule: sameRule ? (rules[0] ?? '') : rules.join(' | '),
		validFrom: offer.validFrom ? formatDate(offer.validFrom) : '',
		validTo: offer.validTo ? formatDate(offer.validTo) : '',
		contactName: offer.contact.name ?? '',
		contactPhone: offer.contact.phone ?? '',
		contactEmail: offer.contact.email ?? ''
	};
}

/** The header row and one row per offer, in template column order. */
export function offerTable(offers: readonly ExportOffer[]): string[][] {
	return [
		COLUMNS.map((column) => column.header),
		...offers.map((offer) => {
			const cells = offerCells(offer);
			return COLUMNS.map((column) => cells[column.key]);
		})
	];
}
