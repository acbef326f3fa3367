import { z } from 'zod';
import { LOCALES, SOURCE_LOCALE, type Locale } from '../../i18n/locales.js';
import type { Db } from '../db/schema.js';
import { sourceHash, type TranslationStatus } from '../translations/translations.service.js';
import { findRelations, findSchedules } from './offers.repository.js';
import type { OfferIssue } from './offers.errors.js';
import type { OfferInput, ScheduleEntry } from './offers.schema.js';
import { TRANSLATABLE_OFFER_FIELDS, type OfferTextField } from './offers.service.js';

export type TranslationLocale = Exclude<Locale, 'de'>;
export const TRANSLATION_LOCALES = LOCALES.filter(
	(locale): locale is TranslationLocale => locale !== SOURCE_LOCALE
);

const FIELD_LIMITS: Record<OfferTextField, number> = {
	title: 200,
	summary: 500,
	description: 10_000
};

const translatedTextSchema = z.object({
	value: z.string().trim().min(1),
	/** Hash of the German text this translation was made from; differs once German changes. */
	basedOn: z.string(),
	status: z.enum(['machine', 'reviewed'])
});
export type TranslatedText = z.infer<typeof translatedTextSchema>;

export type OfferTranslations = Partial<
	Record<TranslationLocale, Partial<Record<OfferTextField, TranslatedText>>>
>;

/** Everything a revision holds: the German offer and its translations. */
export interface OfferContent {
	offer: OfferInput;
	translations: OfferTranslations;
}

/** Checks the translations' lengths; the offer itself is checked by validateOffer. */
export function translationIssues(translations: OfferTranslations): OfferIssue[] {
	const issues: OfferIssue[] = [];
	for (const [locale, fields] of Object.entries(translations))
		for (const [field, text] of Object.entries(fields ?? {})) {
			const parsed = translatedTextSchema.safeParse(text);
			const limit = FIELD_LIMITS[field as OfferTextField];
			if (!parsed.success || !limit)
				issues.push({ path: `translations.${locale}.${field}`, message: 'invalid' });
			else if (parsed.data.value.length > limit)
				issues.push({
					path: `translations.${locale}.${field}`,
					message: 'too long',
					code: 'too_big',
					limit
				});
		}
	return issues;
}

/** A translation's status against the German text it belongs to now. */
export function translationStatus(
	offer: OfferInput,
	text: TranslatedText | undefined,
	field: OfferTextField
): TranslationStatus {
	if (!text) return 'missing';
	return text.basedOn === sourceHash(offer[field]) ? text.status : 'outdated';
}

/** Every translation's status by locale and field, for the offer page in the back office. */
export function translationStatuses(
	content: OfferContent
): Record<string, Record<string, TranslationStatus>> {
	return Object.fromEntries(
		TRANSLATION_LOCALES.map((locale) => [
			locale,
			Object.fromEntries(
				TRANSLATABLE_OFFER_FIELDS.map((field) => [
					field,
					translationStatus(content.offer, content.translations[locale]?.[field], field)
				])
			)
		])
	);
}

/** The content of the offers row (the published version, or the first draft) with its translations. */
export async function loadLiveContent(db: Db, offerId: number): Promise<OfferContent | undefined> {
	return (await loadLiveContents(db, [offerId])).get(offerId);
}

/** loadLiveContent for many offers in a few queries; offers that do not exist are left out. */
export async function loadLiveContents(
	db: Db,
	offerIds: number[]
): Promise<Map<number, OfferContent>> {
	const contents = new Map<number, OfferContent>();
	if (offerIds.length === 0) return contents;
	const [rows, relations, schedules, translations] = await Promise.all([
		db.selectFrom('offers').selectAll().where('id', 'in', offerIds).execute(),
		findRelations(db, offerIds),
		findSchedules(db, offerIds),
		db
			.selectFrom('translations')
			.select(['entityId', 'locale', 'field', 'value', 'status', 'sourceHash'])
			.where('entity', '=', 'offer')
			.where('entityId', 'in', offerIds)
			.execute()
	]);
	const entriesByOffer = new Map<number, ScheduleEntry[]>();
	for (const entry of schedules) {
		const entries = entriesByOffer.get(entry.offerId) ?? [];
		entries.push({
			startsAt: entry.startsAt,
			...(entry.endsAt ? { endsAt: entry.endsAt } : {}),
			...(entry.rrule ? { rrule: entry.rrule } : {})
		});
		entriesByOffer.set(entry.offerId, entries);
	}
	for (const row of rows) {
		const entries = entriesByOffer.get(row.id) ?? [];
		const related = relations.get(row.id)!;
		const offer: OfferInput = {
			organisationId: row.organisationId,
			title: row.title,
			summary: row.summary,
			description: row.description,
			actionFields: related.actionFields as OfferInput['actionFields'],
			targetGroups: related.targetGroups as OfferInput['targetGroups'],
			languages: related.languages as OfferInput['languages'],
			languageLevel: row.languageLevel as OfferInput['languageLevel'],
			languageLevelExit: row.languageLevelExit as OfferInput['languageLevelExit'],
			cost:
				row.costKind === 'free'
					? { kind: 'free' }
					: {
							kind: row.costKind as 'amount' | 'reduced',
							cents: row.costCents ?? 0,
							...(row.costNote ? { note: row.costNote } : {})
						},
			access: row.access as OfferInput['access'],
			accessibility: related.accessibility as OfferInput['accessibility'],
			location:
				row.locationKind === 'online'
					? { kind: 'online', url: row.onlineUrl ?? '' }
					: { kind: 'address', street: row.street ?? '', placeId: row.placeId ?? 0 },
			schedule:
				row.scheduleKind === 'appointment'
					? { kind: 'appointment' }
					: { kind: row.scheduleKind as 'dates' | 'recurring', entries },
			...(row.validFrom ? { validFrom: row.validFrom } : {}),
			...(row.validTo ? { validTo: row.validTo } : {}),
			contact: {
				...(row.contactName ? { name: row.contactName } : {}),
				...(row.contactPhone ? { phone: row.contactPhone } : {}),
				...(row.contactEmail ? { email: row.contactEmail } : {})
			}
		};
		contents.set(row.id, { offer, translations: {} });
	}
	for (const translation of translations) {
		const content = contents.get(translation.entityId);
		const locale = translation.locale as TranslationLocale;
		const field = translation.field as OfferTextField;
		if (
			!content ||
			!TRANSLATION_LOCALES.includes(locale) ||
			!TRANSLATABLE_OFFER_FIELDS.includes(field)
		)
			continue;
		(content.translations[locale] ??= {})[field] = {
			value: translation.value,
			basedOn: translation.sourceHash,
			status: translation.status === 'machine' ? 'machine' : 'reviewed'
		};
	}
	return contents;
}
