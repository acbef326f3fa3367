import { createHash } from 'node:crypto';
import { latinDigits } from '../../format.js';
import { SOURCE_LOCALE, type Locale } from '../../i18n/locales.js';
import type { Db } from '../db/schema.js';
import { findTranslations, upsertTranslation } from './translations.repository.js';

// Other contexts keep their entities' translations in step inside their own transactions.
export {
	deleteAllTranslations,
	deleteTranslation,
	findAllTranslations,
	findTranslationsOfEntities,
	upsertTranslation
} from './translations.repository.js';

export type TranslatableEntity = 'offer' | 'page' | 'contact' | 'goal';
export type TranslationStatus = 'missing' | 'machine' | 'reviewed' | 'outdated';

/** A text in the language the visitor asked for, or the German source when none exists yet. */
export interface LocalizedText {
	text: string;
	/** BCP 47 language of `text`. */
	lang: string;
	/** True when the visitor asked for another language and sees the German source. */
	fallback: boolean;
	status: TranslationStatus;
}

export function sourceHash(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export async function saveTranslation(
	db: Db,
	input: {
		entity: TranslatableEntity;
		entityId: number;
		locale: Locale;
		field: string;
		value: string;
		status: 'machine' | 'reviewed';
		sourceText: string;
	},
	now = new Date()
): Promise<void> {
	await upsertTranslation(db, {
		entity: input.entity,
		entityId: input.entityId,
		locale: input.locale,
		field: input.field,
		value: input.value,
		status: input.status,
		sourceHash: sourceHash(input.sourceText),
		updatedAt: now.toISOString()
	});
}

/**
 * Localises the given text fields of many entities at once. A translation made from an older
 * German text is still shown, marked outdated, because it is better than none for a newcomer.
 */
export async function localizeMany<F extends string>(
	db: Db,
	entity: TranslatableEntity,
	sources: { id: number; fields: Record<F, string> }[],
	locale: Locale
): Promise<Map<number, Record<F, LocalizedText>>> {
	const result = new Map<number, Record<F, LocalizedText>>();
	const stored =
		locale === SOURCE_LOCALE
			? []
			: await findTranslations(
					db,
					entity,
					sources.map((source) => source.id),
					locale
				);
	const byKey = new Map(stored.map((row) => [`${row.entityId}:${row.field}`, row]));
	for (const source of sources) {
		const fields = {} as Record<F, LocalizedText>;
		for (const [field, text] of Object.entries(source.fields) as [F, string][]) {
			fields[field] = localizeField(text, byKey.get(`${source.id}:${field}`), locale);
		}
		result.set(source.id, fields);
	}
	return result;
}

/** A stored translation's status against today's German: outdated once its source changed. */
export function statusNow(
	translation: { status: string; sourceHash: string },
	sourceText: string
): TranslationStatus {
	return translation.sourceHash === sourceHash(sourceText)
		? (translation.status as TranslationStatus)
		: 'outdated';
}

function localizeField(
	sourceText: string,
	translation: { value: string; status: string; sourceHash: string } | undefined,
	locale: Locale
): LocalizedText {
	if (locale === SOURCE_LOCALE || sourceText === '')
		return { text: sourceText, lang: 'de', fallback: false, status: 'reviewed' };
	if (!translation) return { text: sourceText, lang: 'de', fallback: true, status: 'missing' };
	return {
		// One digit system per page: the interface and the German content write 0–9.
		text: latinDigits(translation.value),
		lang: locale,
		fallback: false,
		status: statusNow(translation, sourceText)
	};
}
