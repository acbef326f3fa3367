import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import {
	applyEditedTranslation,
	editedTranslations,
	type EditedTranslation,
	type TranslationStatus
} from '../translations/translations.service.js';
import { TARGET_LOCALES } from './concept.schema.js';
import { canOnMeasure } from './measure-access.js';
import { audit, measureFor, type MeasureActor } from './measure-scope.js';
import { MeasureValidationError } from './measures.errors.js';
import {
	MEASURE_TEXT_FIELDS,
	measureTranslationsSchema,
	parseOrThrow,
	type MeasureTranslationsInput
} from './measures.schema.js';

/**
 * Translations of a public measure for the portal (entity `measure`: title, description and the
 * status note), kept on the measure's office page with the statuses offers and goals have.
 * The German texts are edited with the measure itself; changing one marks its translations
 * outdated until someone confirms or rewrites them.
 */
type TargetLocale = (typeof TARGET_LOCALES)[number];
export type MeasureTextField = (typeof MEASURE_TEXT_FIELDS)[number];

export interface MeasureTranslations {
	isPublic: boolean;
	/** The German source of each field; the status note may be empty. */
	texts: Record<MeasureTextField, string>;
	translations: Record<TargetLocale, Record<MeasureTextField, EditedTranslation>>;
	/** Per language the state that needs work first (missing, outdated, machine, reviewed). */
	states: Record<TargetLocale, TranslationStatus>;
	mayEdit: boolean;
}

const URGENCY: TranslationStatus[] = ['missing', 'outdated', 'machine', 'reviewed'];

export async function measureTranslations(
	db: Db,
	actor: Actor,
	measureId: number
): Promise<MeasureTranslations> {
	const { row, scope } = await measureFor(db, actor, measureId, 'read');
	const texts = { title: row.title, description: row.description, statusReason: row.statusReason };
	const stored = await editedTranslations(db, 'measure', [measureId]);
	const translations = {} as MeasureTranslations['translations'];
	const states = {} as MeasureTranslations['states'];
	for (const locale of TARGET_LOCALES) {
		translations[locale] = Object.fromEntries(
			MEASURE_TEXT_FIELDS.map((field) => [field, stored(measureId, locale, field, texts[field])])
		) as Record<MeasureTextField, EditedTranslation>;
		const present = MEASURE_TEXT_FIELDS.filter((field) => texts[field] !== '').map(
			(field) => translations[locale][field].status
		);
		states[locale] = URGENCY.find((status) => present.includes(status)) ?? 'reviewed';
	}
	return {
		isPublic: row.isPublic === 1,
		texts,
		translations,
		states,
		mayEdit: canOnMeasure(actor, 'manage', scope)
	};
}

/**
 * Saves a public measure's translations: an emptied one is removed (the portal then shows German),
 * a changed or confirmed one is stored as reviewed against today's German text. A field without
 * German text (no status note) takes no translation. Staff only; audited.
 */
export async function saveMeasureTranslations(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: MeasureTranslationsInput,
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'manage');
	const current = await measureTranslations(db, actor, measureId);
	if (!current.isPublic)
		throw new MeasureValidationError([{ path: 'isPublic', code: 'not_public' }]);
	const { translations, confirmed } = parseOrThrow(measureTranslationsSchema, input);
	await db.transaction().execute(async (trx) => {
		const changed: string[] = [];
		for (const locale of TARGET_LOCALES)
			for (const field of MEASURE_TEXT_FIELDS) {
				if (current.texts[field] === '') continue;
				const written = await applyEditedTranslation(
					trx,
					{ entity: 'measure', entityId: measureId, locale, field },
					translations[locale]?.[field] ?? '',
					current.translations[locale][field],
					{ text: current.texts[field], confirmed: confirmed.includes(`${locale}.${field}`) },
					now
				);
				if (written) changed.push(`${locale}.${field}`);
			}
		await audit(
			trx,
			actor,
			{
				action: 'measure.translate',
				entity: 'measure',
				entityId: measureId,
				after: { translations: changed }
			},
			now
		);
	});
}
