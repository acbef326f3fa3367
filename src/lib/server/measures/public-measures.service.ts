import type { Locale } from '../../i18n/locales.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { Db } from '../db/schema.js';
import { publishedOfferLinks, type OfferLink } from '../offers/offer-page.service.js';
import { listDistricts } from '../places/places.service.js';
import { localizeMany, type LocalizedText } from '../translations/translations.service.js';
import { currentConceptVersion } from './concept.service.js';
import { guidingGoalsOfVersion } from './goals.service.js';
import { staleMonthsOf } from './measure-scope.js';
import { summarise } from './measure-views.js';
import { findOfferIds } from './measure-parts.repository.js';
import { findDistrictIdsWithPublicMeasures, listMeasureRows } from './measures.repository.js';
import type { MeasureStatus } from './measures.table.js';

/**
 * The portal's "Was wir tun" page: a district's measures marked public, per action field under
 * the guiding goal of its current concept, in the visitor's language (German where untranslated,
 * marked as such). No budget, people or traffic light leave the office: only what the district
 * chose to account for in public.
 */
export interface PublicMeasure {
	id: number;
	title: LocalizedText;
	description: LocalizedText;
	/** Why the measure has its status (e.g. why it stopped), where the office wrote one. */
	statusNote: LocalizedText | null;
	status: MeasureStatus;
	statusOn: string;
	/** Percent, or null while there is nothing to tell. */
	progress: number | null;
	startsOn: string | null;
	endsOn: string | null;
	leadOrganisationName: string | null;
	/** The published offers that came of it, linked to their pages. */
	offers: OfferLink[];
}

export interface PublicActionField {
	actionField: (typeof ACTION_FIELDS)[number];
	guidingGoal: LocalizedText | null;
	measures: PublicMeasure[];
}

export interface PublicMeasuresPage {
	district: { slug: string; name: string };
	/** Every district with public measures, to switch between; empty while there is one or none. */
	districts: { slug: string; name: string }[];
	concept: { title: string } | null;
	/** Action fields with at least one public measure, in the order of the action fields. */
	fields: PublicActionField[];
}

/**
 * The public measures of the district with the slug, or of the first district that has any
 * (the first district when none has) — unknown slugs fall back the same way.
 */
export async function publicMeasures(
	db: Db,
	districtSlug: string | null,
	locale: Locale,
	now = new Date()
): Promise<PublicMeasuresPage | null> {
	const districts = await listDistricts(db);
	const showing = new Set(await findDistrictIdsWithPublicMeasures(db));
	const withMeasures = districts.filter((district) => showing.has(district.id));
	const district =
		withMeasures.find((candidate) => candidate.slug === districtSlug) ??
		withMeasures[0] ??
		districts[0];
	if (!district) return null;
	const rows = (await listMeasureRows(db, district.id)).filter((row) => row.isPublic === 1);
	const [summaries, texts, offerIds, version] = await Promise.all([
		summarise(db, rows, await staleMonthsOf(db, district.id), now),
		localizeMany(
			db,
			'measure',
			rows.map((row) => ({
				id: row.id,
				fields: { title: row.title, description: row.description, statusReason: row.statusReason }
			})),
			locale
		),
		findOfferIds(
			db,
			rows.map((row) => row.id)
		),
		currentConceptVersion(db, district.id, now)
	]);
	const offers = new Map(
		(
			await publishedOfferLinks(
				db,
				offerIds.map((link) => link.offerId),
				locale,
				now
			)
		).map((offer) => [offer.id, offer])
	);
	const goals = version ? await guidingGoalsOfVersion(db, version.id, locale) : new Map();
	const measures = summaries.map((summary): PublicMeasure & { actionFields: string[] } => {
		const text = texts.get(summary.id)!;
		return {
			id: summary.id,
			title: text.title,
			description: text.description,
			statusNote: text.statusReason.text ? text.statusReason : null,
			status: summary.status,
			statusOn: summary.statusOn,
			progress: summary.progress,
			startsOn: summary.startsOn,
			endsOn: summary.endsOn,
			leadOrganisationName: summary.leadOrganisationName,
			offers: offerIds
				.filter((link) => link.measureId === summary.id && offers.has(link.offerId))
				.map((link) => offers.get(link.offerId)!),
			actionFields: summary.actionFields
		};
	});
	const choice = ({ slug, name }: { slug: string; name: string }) => ({ slug, name });
	return {
		district: choice(district),
		districts: withMeasures.length > 1 ? withMeasures.map(choice) : [],
		concept: version ? { title: version.title } : null,
		fields: ACTION_FIELDS.map((actionField) => ({
			actionField,
			guidingGoal: goals.get(actionField) ?? null,
			measures: measures
				.filter((measure) => measure.actionFields.includes(actionField))
				.map(({ actionFields: _fields, ...measure }) => measure)
		})).filter((field) => field.measures.length > 0)
	};
}
