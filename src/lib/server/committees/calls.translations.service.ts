import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
	applyEditedTranslation,
	editedTranslations,
	type EditedTranslation,
	type TranslationStatus
} from '../translations/translations.service.js';
import {
	CALL_TARGET_LOCALES,
	CALL_TEXT_FIELDS,
	callTranslationsSchema,
	parseCallInput,
	type CallTargetLocale,
	type CallTextField,
	type CallTranslationsInput
} from './calls.schema.js';
import { CallValidationError } from './calls.errors.js';
import { loadCall, type CallEditor } from './calls.service.js';

/**
 * Translations of a call's title, text and who may apply for the portal (entity `committee_call`), with the
 * statuses offers, measures and chains have: the German text is edited with the call, and a
 * changed one marks its translations outdated until someone confirms or rewrites them.
 */
export interface CallTranslations {
	callId: number;
	title: string;
	texts: Record<CallTextField, string>;
	translations: Record<CallTargetLocale, Record<CallTextField, EditedTranslation>>;
	/** Per language the state that needs work first (missing, outdated, machine, reviewed). */
	states: Record<CallTargetLocale, TranslationStatus>;
}

const URGENCY: TranslationStatus[] = ['missing', 'outdated', 'machine', 'reviewed'];
const FIELDS = Object.keys(CALL_TEXT_FIELDS) as CallTextField[];

export async function callTranslations(
	db: Db,
	actor: Actor,
	callId: number
): Promise<CallTranslations> {
	const call = await loadCall(db, actor, callId);
	const texts = { title: call.title, text: call.text, eligibility: call.eligibility };
	const stored = await editedTranslations(db, 'committee_call', [callId]);
	const translations = {} as CallTranslations['translations'];
	const states = {} as CallTranslations['states'];
	for (const locale of CALL_TARGET_LOCALES) {
		translations[locale] = Object.fromEntries(
			FIELDS.map((field) => [field, stored(callId, locale, field, texts[field])])
		) as Record<CallTextField, EditedTranslation>;
		const present = FIELDS.filter((field) => texts[field] !== '').map(
			(field) => translations[locale][field].status
		);
		states[locale] = URGENCY.find((status) => present.includes(status)) ?? 'reviewed';
	}
	return { callId, title: call.title, texts, translations, states };
}

/**
 * Saves a call's translations: an emptied one is removed (the portal then shows German), a
 * changed or confirmed one is stored as reviewed against today's German text. A text too long
 * for its field is refused with nothing saved. One audit entry with the changed fields.
 */
export async function saveCallTranslations(
	db: Kysely<DB>,
	actor: CallEditor,
	callId: number,
	input: CallTranslationsInput,
	now = new Date()
): Promise<void> {
	const current = await callTranslations(db, actor, callId);
	const call = await loadCall(db, actor, callId, now);
	const { translations, confirmed } = parseCallInput(callTranslationsSchema, input);
	const typed = (locale: CallTargetLocale, field: CallTextField) =>
		translations[locale]?.[field] ?? '';
	const issues = CALL_TARGET_LOCALES.flatMap((locale) =>
		FIELDS.filter((field) => typed(locale, field).length > CALL_TEXT_FIELDS[field]).map(
			(field) => ({ path: `translations.${locale}.${field}`, code: 'too_big' })
		)
	);
	if (issues.length) throw new CallValidationError(issues);
	await inTransaction(db, async (trx) => {
		const changed: string[] = [];
		for (const locale of CALL_TARGET_LOCALES)
			for (const field of FIELDS) {
				// Who may apply is optional; without German text there is nothing to translate.
				if (current.texts[field] === '') continue;
				const written = await applyEditedTranslation(
					trx,
					{ entity: 'committee_call', entityId: callId, locale, field },
					typed(locale, field),
					current.translations[locale][field],
					{ text: current.texts[field], confirmed: confirmed.includes(`${locale}.${field}`) },
					now
				);
				if (written) changed.push(`${locale}.${field}`);
			}
		if (changed.length)
			await recordAudit(
				trx,
				{
					districtId: call.districtId,
					userId: actor.id,
					action: 'committee.call.translate',
					entity: 'committee_call',
					entityId: callId,
					after: { translations: changed }
				},
				now
			);
	});
}
