import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
	applyEditedTranslation,
	editedTranslations,
	type EditedTranslation,
	type TranslationStatus
} from '../translations/translations.service.js';
import { authorizeOnChains, canOnChains, type ChainEditor } from './chain-access.js';
import { auditChains } from './chain-audit.js';
import type { ChainDetail } from './chain-views.js';
import { ChainValidationError, type ChainIssue } from './chains.errors.js';
import {
	CHAIN_TARGET_LOCALES,
	CHAIN_TEXT_FIELDS,
	chainTranslationsSchema,
	parseChainInput,
	STAGE_TEXT_FIELDS,
	type ChainTargetLocale,
	type ChainTranslationsInput
} from './chains.schema.js';
import { loadChain } from './chains.service.js';

/**
 * Translations of a chain's public texts for the portal's "Ihr Weg zu …": the chain's public
 * title and introduction (entity `chain`) and each stage's title and what it achieves (entity
 * `chain_stage`), with the statuses offers and measures have. The German texts are edited with
 * the chain and its stages; changing one marks its translations outdated until someone confirms
 * or rewrites them. Staff edit, everyone who reads the chain sees the states.
 */

/** One German text with its translation per language. */
export interface TranslatableText {
	entity: 'chain' | 'chain_stage';
	entityId: number;
	field: string;
	/** The text's name in the form: `publicTitle`, `stage.12.title`. */
	name: string;
	source: string;
	maxLength: number;
	translations: Record<ChainTargetLocale, EditedTranslation>;
}

export interface ChainTranslations {
	chainId: number;
	title: string;
	/** The chain's texts first, then each stage's in step order; empty German texts left out. */
	texts: TranslatableText[];
	/** Per language the state that needs work first (missing, outdated, machine, reviewed). */
	states: Record<ChainTargetLocale, TranslationStatus>;
	mayEdit: boolean;
}

const URGENCY: TranslationStatus[] = ['missing', 'outdated', 'machine', 'reviewed'];

export async function chainTranslations(
	db: Db,
	actor: Actor,
	chainId: number
): Promise<ChainTranslations> {
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'read', chain.districtId);
	return translationsOf(db, actor, chain);
}

async function translationsOf(
	db: Db,
	actor: Actor,
	chain: ChainDetail
): Promise<ChainTranslations> {
	const chainId = chain.id;
	const ofChain = await editedTranslations(db, 'chain', [chainId]);
	const ofStages = await editedTranslations(
		db,
		'chain_stage',
		chain.stages.map((stage) => stage.id)
	);
	const text = (
		entity: TranslatableText['entity'],
		entityId: number,
		field: string,
		name: string,
		source: string,
		maxLength: number
	): TranslatableText => {
		const stored = entity === 'chain' ? ofChain : ofStages;
		return {
			entity,
			entityId,
			field,
			name,
			source,
			maxLength,
			translations: Object.fromEntries(
				CHAIN_TARGET_LOCALES.map((locale) => [locale, stored(entityId, locale, field, source)])
			) as Record<ChainTargetLocale, EditedTranslation>
		};
	};
	const texts = [
		...Object.entries(CHAIN_TEXT_FIELDS).map(([field, max]) =>
			text('chain', chainId, field, field, chain[field as keyof typeof CHAIN_TEXT_FIELDS], max)
		),
		...chain.stages.flatMap((stage) =>
			Object.entries(STAGE_TEXT_FIELDS).map(([field, max]) =>
				text(
					'chain_stage',
					stage.id,
					field,
					`stage.${stage.id}.${field}`,
					stage[field as keyof typeof STAGE_TEXT_FIELDS],
					max
				)
			)
		)
	].filter((entry) => entry.source !== '');
	const states = Object.fromEntries(
		CHAIN_TARGET_LOCALES.map((locale) => {
			const present = texts.map((entry) => entry.translations[locale].status);
			return [locale, URGENCY.find((status) => present.includes(status)) ?? 'reviewed'];
		})
	) as Record<ChainTargetLocale, TranslationStatus>;
	return {
		chainId,
		title: chain.title,
		texts,
		states,
		mayEdit: canOnChains(actor, 'manage', chain.districtId)
	};
}

/**
 * Saves a chain's translations: an emptied one is removed (the portal then shows German), a
 * changed or confirmed one is stored as reviewed against today's German text. A text too long
 * for its field is refused with nothing saved. One audit entry for the chain and one per stage
 * whose translations changed.
 */
export async function saveChainTranslations(
	db: Kysely<DB>,
	actor: ChainEditor,
	chainId: number,
	input: ChainTranslationsInput,
	now = new Date()
): Promise<void> {
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const current = await translationsOf(db, actor, chain);
	const { translations, confirmed } = parseChainInput(chainTranslationsSchema, input);
	const typed = (locale: ChainTargetLocale, name: string) => translations[locale]?.[name] ?? '';
	const issues: ChainIssue[] = CHAIN_TARGET_LOCALES.flatMap((locale) =>
		current.texts
			.filter((entry) => typed(locale, entry.name).length > entry.maxLength)
			.map((entry) => ({ path: `translations.${locale}.${entry.name}`, code: 'too_big' }))
	);
	if (issues.length) throw new ChainValidationError(issues);
	await inTransaction(db, async (trx) => {
		const changed = new Map<number, string[]>();
		for (const entry of current.texts)
			for (const locale of CHAIN_TARGET_LOCALES) {
				const written = await applyEditedTranslation(
					trx,
					{ entity: entry.entity, entityId: entry.entityId, locale, field: entry.field },
					typed(locale, entry.name),
					entry.translations[locale],
					{ text: entry.source, confirmed: confirmed.includes(`${locale}.${entry.name}`) },
					now
				);
				if (!written) continue;
				const key = entry.entity === 'chain' ? 0 : entry.entityId;
				changed.set(key, [...(changed.get(key) ?? []), `${locale}.${entry.field}`]);
			}
		for (const [stageId, fields] of changed)
			await auditChains(
				trx,
				actor,
				chain.districtId,
				stageId === 0
					? {
							action: 'chain.translate',
							entity: 'chain',
							entityId: chainId,
							after: { translations: fields }
						}
					: {
							action: 'chain.stage.translate',
							entity: 'chain_stage',
							entityId: stageId,
							after: { translations: fields }
						},
				now
			);
	});
}
