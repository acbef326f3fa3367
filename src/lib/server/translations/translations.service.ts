import { createHash } from 'node:crypto';
import { latinDigits } from '../../format.js';
import { SOURCE_LOCALE, type Locale } from '../../i18n/locales.js';
import type { Db } from '../db/schema.js';
import {
	deleteTranslation,
	findTranslations,
	findTranslationsOfEntities,
	upsertTranslation
} from './translations.repository.js';

// Other contexts keep their entities' translations in step inside their own transactions.
export {
	deleteAllTranslations,
	deleteTranslation,
	findAllTranslations,
	findTranslationsOfEntities,
	upsertTranslation
} from './translations.repository.js';

export type TranslatableEntity =
	'offer' | 'page' | 'contact' | 'goal' | 'measure' | 'chain' | 'chain_stage' | 'committee_call';
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

/** A stored translation as an editor sees it: its text and its status against today's German. */
export interface EditedTranslation {
	value: string;
	status: TranslationStatus;
}

/**
 * The stored translations of entities, for editing them: a lookup by id, language and field that
 * says `missing` where none is stored and `outdated` where the German source changed since.
 */
export async function editedTranslations(
	db: Db,
	entity: TranslatableEntity,
	entityIds: number[]
): Promise<(id: number, locale: Locale, field: string, source: string) => EditedTranslation> {
	const rows = await findTranslationsOfEntities(db, entity, entityIds);
	const byKey = new Map(rows.map((row) => [`${row.entityId}:${row.locale}:${row.field}`, row]));
	return (id, locale, field, source) => {
		const row = byKey.get(`${id}:${locale}:${field}`);
		return row
			? { value: row.value, status: statusNow(row, source) }
			: { value: '', status: 'missing' };
	};
}

/**
 * Writes one edited translation: an emptied one is removed (pages then show German), a changed
 * or confirmed one is stored as reviewed against the current German text. True when it wrote.
 */
export async function applyEditedTranslation(
	db: Db,
	key: { entity: TranslatableEntity; entityId: number; locale: Locale; field: string },
	value: string,
	before: EditedTranslation,
	source: { text: string; confirmed: boolean },
	now: Date
): Promise<boolean> {
	if (value === '') {
		if (before.status === 'missing') return false;
		await deleteTranslation(db, key);
		return true;
	}
	if (value === before.value && !(source.confirmed && before.status === 'outdated')) return false;
	await saveTranslation(db, { ...key, value, status: 'reviewed', sourceText: source.text }, now);
	return true;
}
