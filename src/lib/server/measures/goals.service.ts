import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
	deleteAllTranslations,
	deleteTranslation,
	findTranslationsOfEntities,
	localizeMany,
	saveTranslation,
	statusNow,
	type LocalizedText,
	type TranslationStatus
} from '../translations/translations.service.js';
import {
	authorizeConceptEdit,
	authorizeConceptRead,
	canEditConcept,
	type ConceptEditor
} from './concept-access.js';
import { ConceptNotFoundError, ConceptValidationError } from './concept.errors.js';
import {
	deleteGoalRows,
	findGoalRow,
	findMeasureGoalLinks,
	insertGoal,
	linkMeasureToGoal,
	listGoalRows,
	nextGoalPosition,
	unlinkMeasuresFromGoals,
	updateGoalText,
	type GoalRow
} from './concept.repository.js';
import {
	TARGET_LOCALES,
	goalInputSchema,
	goalTextsSchema,
	parseOrThrow,
	type GoalInput,
	type GoalTextsInput
} from './concept.schema.js';
import { getConceptVersion } from './concept.service.js';

/**
 * Goals of a concept version: per action field one guiding goal and its sub-goals, German text
 * translated per language through the translations context (entity `goal`, field `text`).
 */
type TargetLocale = (typeof TARGET_LOCALES)[number];
type ActionField = (typeof ACTION_FIELDS)[number];

export interface GoalTranslation {
	value: string;
	status: TranslationStatus;
}

export interface Goal {
	id: number;
	conceptVersionId: number;
	actionField: string;
	parentId: number | null;
	position: number;
	/** The German source text. */
	text: string;
	/** The text in the language asked for, or German marked as fallback. */
	localized: LocalizedText;
	/** Translation status per language, as the office shows it. */
	translationStatus: Record<TargetLocale, TranslationStatus>;
}

export interface ActionFieldGoals {
	actionField: ActionField;
	guiding: Goal | null;
	subGoals: Goal[];
}

async function translationsOf(db: Db, rows: GoalRow[]) {
	const stored = await findTranslationsOfEntities(
		db,
		'goal',
		rows.map((row) => row.id)
	);
	const byKey = new Map(stored.map((row) => [`${row.entityId}:${row.locale}`, row]));
	return (row: GoalRow, locale: TargetLocale): GoalTranslation => {
		const translation = byKey.get(`${row.id}:${locale}`);
		return translation
			? { value: translation.value, status: statusNow(translation, row.text) }
			: { value: '', status: 'missing' };
	};
}

async function toGoals(db: Db, rows: GoalRow[], locale: Locale): Promise<Goal[]> {
	const translation = await translationsOf(db, rows);
	const localized = await localizeMany(
		db,
		'goal',
		rows.map((row) => ({ id: row.id, fields: { text: row.text } })),
		locale
	);
	return rows.map((row) => ({
		id: row.id,
		conceptVersionId: row.conceptVersionId,
		actionField: row.actionField,
		parentId: row.parentId,
		position: row.position,
		text: row.text,
		localized: localized.get(row.id)!.text,
		translationStatus: Object.fromEntries(
			TARGET_LOCALES.map((target) => [target, translation(row, target).status])
		) as Record<TargetLocale, TranslationStatus>
	}));
}

/** The goals of a version per action field, in the order of the action fields. */
export async function goalsOfVersion(
	db: Db,
	actor: Actor,
	versionId: number,
	locale: Locale = 'de',
	now = new Date()
): Promise<ActionFieldGoals[]> {
	await getConceptVersion(db, actor, versionId, now);
	const goals = await toGoals(db, await listGoalRows(db, versionId), locale);
	return ACTION_FIELDS.map((actionField) => {
		const ofField = goals.filter((goal) => goal.actionField === actionField);
		const guiding = ofField.find((goal) => goal.parentId === null) ?? null;
		return {
			actionField,
			guiding,
			subGoals: ofField.filter((goal) => goal.parentId !== null)
		};
	});
}

/**
 * The guiding goal of each action field of a version in the language asked for, German where
 * untranslated; for the portal, which shows the concept's guiding goals to everyone.
 */
export async function guidingGoalsOfVersion(
	db: Db,
	versionId: number,
	locale: Locale
): Promise<Map<string, LocalizedText>> {
	const guiding = (await listGoalRows(db, versionId)).filter((row) => row.parentId === null);
	const localized = await localizeMany(
		db,
		'goal',
		guiding.map((row) => ({ id: row.id, fields: { text: row.text } })),
		locale
	);
	return new Map(guiding.map((row) => [row.actionField, localized.get(row.id)!.text]));
}

/** A goal the actor may read, with its version; ConceptNotFoundError for another district's. */
export async function goalRowFor(db: Db, actor: Actor, goalId: number): Promise<GoalRow> {
	const row = await findGoalRow(db, goalId);
	if (!row || row.districtId !== actor.districtId) throw new ConceptNotFoundError('goal', goalId);
	authorizeConceptRead(actor, row.districtId);
	return row;
}

export interface GoalDetail extends Goal {
	districtId: number;
	translations: Record<TargetLocale, GoalTranslation>;
	/** The guiding goal of a sub-goal. */
	parent: { id: number; text: string } | null;
	/** Sub-goals of a guiding goal. */
	subGoals: { id: number; text: string }[];
	/** Measures serving this goal (or, for a guiding goal, one of its sub-goals). */
	measures: { id: number; title: string; goalId: number }[];
	/** Other goals of the same action field and version the measures could move to. */
	moveTargets: { id: number; text: string }[];
	canEdit: boolean;
}

export async function getGoal(
	db: Db,
	actor: Actor,
	goalId: number,
	locale: Locale = 'de'
): Promise<GoalDetail> {
	const row = await goalRowFor(db, actor, goalId);
	const siblings = (await listGoalRows(db, row.conceptVersionId)).filter(
		(goal) => goal.actionField === row.actionField
	);
	const subGoals = siblings.filter((goal) => goal.parentId === row.id);
	const removed = new Set([row.id, ...subGoals.map((goal) => goal.id)]);
	const translation = await translationsOf(db, [row]);
	const [goal] = await toGoals(db, [row], locale);
	const parent = siblings.find((goal) => goal.id === row.parentId);
	return {
		...goal!,
		districtId: row.districtId,
		translations: Object.fromEntries(
			TARGET_LOCALES.map((target) => [target, translation(row, target)])
		) as Record<TargetLocale, GoalTranslation>,
		parent: parent ? { id: parent.id, text: parent.text } : null,
		subGoals: subGoals.map((goal) => ({ id: goal.id, text: goal.text })),
		measures: (await findMeasureGoalLinks(db, [...removed])).map((link) => ({
			id: link.measureId,
			title: link.title,
			goalId: link.goalId
		})),
		moveTargets: siblings
			.filter((goal) => !removed.has(goal.id))
			.map((goal) => ({ id: goal.id, text: goal.text })),
		canEdit: canEditConcept(actor, row.districtId)
	};
}

/** Adds a guiding goal (one per action field) or a sub-goal under the field's guiding goal. */
export async function createGoal(
	db: Kysely<DB>,
	actor: ConceptEditor,
	versionId: number,
	input: GoalInput,
	now = new Date()
): Promise<number> {
	const version = await getConceptVersion(db, actor, versionId, now);
	authorizeConceptEdit(actor, version.districtId);
	const goal = parseOrThrow(goalInputSchema, input);
	return inTransaction(db, async (trx) => {
		const ofField = (await listGoalRows(trx, versionId)).filter(
			(row) => row.actionField === goal.actionField
		);
		if (goal.parentId === null && ofField.some((row) => row.parentId === null))
			throw new ConceptValidationError([{ path: 'parentId', code: 'guiding_exists' }]);
		if (
			goal.parentId !== null &&
			!ofField.some((row) => row.id === goal.parentId && row.parentId === null)
		)
			throw new ConceptValidationError([{ path: 'parentId', code: 'unknown' }]);
		const stamp = now.toISOString();
		const id = await insertGoal(trx, {
			conceptVersionId: versionId,
			actionField: goal.actionField,
			parentId: goal.parentId,
			position: await nextGoalPosition(trx, versionId, goal.actionField),
			text: goal.text,
			createdAt: stamp,
			updatedAt: stamp
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.goal.create',
				entity: 'goal',
				entityId: id,
				after: { conceptVersionId: versionId, ...goal }
			},
			now
		);
		return id;
	});
}

/**
 * Saves a goal's German text and translations: an emptied translation is removed, a changed or
 * confirmed one stored as reviewed against the current German text; a changed German text
 * leaves the others outdated until someone reviews them.
 */
export async function saveGoalTexts(
	db: Kysely<DB>,
	actor: ConceptEditor,
	goalId: number,
	input: GoalTextsInput,
	now = new Date()
): Promise<void> {
	const before = await getGoal(db, actor, goalId);
	authorizeConceptEdit(actor, before.districtId);
	const texts = parseOrThrow(goalTextsSchema, input);
	const germanChanged = texts.text !== before.text;
	await inTransaction(db, async (trx) => {
		await updateGoalText(trx, goalId, texts.text, now.toISOString());
		const changed: Partial<Record<TargetLocale, string>> = {};
		for (const locale of TARGET_LOCALES) {
			const value = texts.translations[locale] ?? '';
			const old = before.translations[locale];
			const key = { entity: 'goal' as const, entityId: goalId, locale, field: 'text' };
			if (value === '') {
				if (old.status !== 'missing') {
					await deleteTranslation(trx, key);
					changed[locale] = '';
				}
				continue;
			}
			// An unchanged German text keeps the hash the translation was confirmed against.
			const confirmed = texts.confirmed.includes(locale) && !germanChanged;
			if (value === old.value && !(confirmed && old.status === 'outdated')) continue;
			await saveTranslation(
				trx,
				{ ...key, value, status: 'reviewed', sourceText: texts.text },
				now
			);
			changed[locale] = value;
		}
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.goal.edit',
				entity: 'goal',
				entityId: goalId,
				before: { text: before.text },
				after: { text: texts.text, translations: changed }
			},
			now
		);
	});
}

/** What becomes of the measures serving a goal that is deleted. */
export type MeasuresOnDelete = { measures: 'move'; toGoalId: number } | { measures: 'unlink' };

/**
 * Deletes a goal with its sub-goals, indicators and values. When measures serve any of them the
 * caller must say what becomes of them — moved to another goal of the same action field, or
 * unlinked — so no link is lost unasked.
 */
export async function deleteGoal(
	db: Kysely<DB>,
	actor: ConceptEditor,
	goalId: number,
	choice: MeasuresOnDelete | null,
	now = new Date()
): Promise<{ conceptVersionId: number }> {
	const goal = await getGoal(db, actor, goalId);
	authorizeConceptEdit(actor, goal.districtId);
	if (goal.measures.length > 0 && !choice)
		throw new ConceptValidationError([{ path: 'measures', code: 'choose' }]);
	if (
		choice?.measures === 'move' &&
		!goal.moveTargets.some((target) => target.id === choice.toGoalId)
	)
		throw new ConceptValidationError([{ path: 'toGoalId', code: 'unknown' }]);
	const removed = [goalId, ...goal.subGoals.map((sub) => sub.id)];
	await inTransaction(db, async (trx) => {
		// Re-read inside the transaction: a measure linked meanwhile is moved or unlinked too.
		const links = await findMeasureGoalLinks(trx, removed);
		if (links.length > 0 && !choice)
			throw new ConceptValidationError([{ path: 'measures', code: 'choose' }]);
		if (choice?.measures === 'move')
			for (const link of links) await linkMeasureToGoal(trx, link.measureId, choice.toGoalId);
		await unlinkMeasuresFromGoals(trx, removed);
		for (const id of removed) await deleteAllTranslations(trx, 'goal', id);
		await deleteGoalRows(trx, removed);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.goal.delete',
				entity: 'goal',
				entityId: goalId,
				before: { text: goal.text, subGoals: goal.subGoals, measures: links },
				after: { measures: links.length > 0 ? choice : null }
			},
			now
		);
	});
	return { conceptVersionId: goal.conceptVersionId };
}
