import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import type { ChainEditor } from '../chains/chain-access.js';
import { createChain, listChains, loadChain } from '../chains/chains.service.js';
import { createStage } from '../chains/stages.service.js';
import { updateHandOver } from '../chains/transitions.service.js';
import type { DB } from '../db/schema.js';
import { saveTranslation, type TranslatableEntity } from '../translations/translations.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { demoChainsSchema, type DemoChain } from './demo.chains.schema.js';
import { instantOn } from './demo.history.js';
import { buildLookup, lookUp, organisationIdsBySlug } from './demo.lookup.js';
import { readJson } from './demo.seed.js';

/**
 * The demo's support chains (content/demo/chains.json), built through the chains context as the
 * demo's coordinator: each chain with its stages, whose `follows` create the transitions, and
 * the hand-over documented at each transition on the day it was last reviewed. Public texts get
 * their reviewed translations. Dates count back from the seeding day.
 */
export async function seedDemoChains(
	trx: Transaction<DB>,
	contentDir: string,
	coordinator: ChainEditor,
	offerIds: Map<string, number>,
	now = new Date()
): Promise<void> {
	if ((await listChains(trx, coordinator)).length) return;
	const file = join(contentDir, 'demo', 'chains.json');
	const { chains } = await readJson(file, demoChainsSchema);
	const refs: Refs = {
		districtIds: (await buildLookup(trx)).districtByAgs,
		offerIds,
		organisationIds: await organisationIdsBySlug(trx),
		today: berlinToday(now)
	};
	for (const chain of chains) {
		try {
			await seedChain(trx, coordinator, chain, refs);
		} catch (failure) {
			throw new Error(`${file}: chain "${chain.key}": ${String(failure)}`, { cause: failure });
		}
	}
}

interface Refs {
	districtIds: Map<string, number>;
	offerIds: Map<string, number>;
	organisationIds: Map<string, number>;
	today: string;
}

/** A chain was set up a month before the first thing anyone recorded about it. */
function setUpDaysAgo(chain: DemoChain): number {
	return (
		30 +
		Math.max(
			0,
			...chain.transitions.map((transition) => transition.reviewedDaysAgo ?? 0),
			...chain.frictionReports.map((report) => report.daysAgo)
		)
	);
}

async function seedChain(
	trx: Transaction<DB>,
	actor: ChainEditor,
	chain: DemoChain,
	refs: Refs
): Promise<void> {
	if (lookUp(refs.districtIds, chain.district, 'district') !== actor.districtId)
		throw new Error(`district ${chain.district} is not the coordinator's`);
	const setUpOn = addDays(refs.today, -setUpDaysAgo(chain));
	const at = instantOn(setUpOn);
	const chainId = await createChain(trx, actor, chain, at);
	await translate(
		trx,
		'chain',
		chainId,
		{ publicTitle: chain.publicTitle, introduction: chain.introduction },
		chain.translations,
		at
	);

	const stageIds = new Map<string, number>();
	for (const stage of chain.stages) {
		const stageId = await createStage(
			trx,
			actor,
			chainId,
			{
				title: stage.title,
				achieves: stage.achieves,
				isOptional: stage.isOptional,
				rules: stage.rules,
				includedOfferIds: stage.include.map((key) => lookUp(refs.offerIds, key, 'offer')),
				excludedOfferIds: stage.exclude.map((key) => lookUp(refs.offerIds, key, 'offer')),
				follows: stage.follows.map((key) => lookUp(stageIds, key, 'stage')),
				reachKm: stage.reachKm,
				onlineCounts: stage.onlineCounts
			},
			at
		);
		stageIds.set(stage.key, stageId);
		await translate(
			trx,
			'chain_stage',
			stageId,
			{ title: stage.title, achieves: stage.achieves },
			stage.translations,
			at
		);
	}

	// The stages' `follows` created the transitions, undocumented; the file documents each one.
	const transitionIds = new Map(
		(await loadChain(trx, chainId)).transitions.map((transition) => [
			`${transition.fromStageId} → ${transition.toStageId}`,
			transition.id
		])
	);
	for (const { from, to, reviewedDaysAgo, ...handOver } of chain.transitions) {
		const pair = `${lookUp(stageIds, from, 'stage')} → ${lookUp(stageIds, to, 'stage')}`;
		const reviewedOn = reviewedDaysAgo === null ? null : addDays(refs.today, -reviewedDaysAgo);
		const organisation = (key: string | null) =>
			key === null ? null : lookUp(refs.organisationIds, key, 'organisation');
		await updateHandOver(
			trx,
			actor,
			lookUp(transitionIds, pair, `transition ${from} → ${to} (no stage follows)`),
			{
				referral: handOver.referral,
				agreement: handOver.agreement,
				fromOrganisationId: organisation(handOver.fromOrganisation),
				toOrganisationId: organisation(handOver.toOrganisation),
				fromContact: handOver.fromContact,
				toContact: handOver.toContact,
				waitingWeeks: handOver.waitingWeeks,
				state: handOver.state,
				reviewedOn
			},
			reviewedOn === null ? at : instantOn(reviewedOn)
		);
	}
}

/** Saves the translations of an entity's public texts, reviewed, against its German source. */
async function translate<F extends string>(
	trx: Transaction<DB>,
	entity: TranslatableEntity,
	entityId: number,
	source: Record<F, string>,
	translations: Partial<Record<Locale, Record<F, string>>>,
	at: Date
): Promise<void> {
	for (const [locale, fields] of Object.entries(translations) as [Locale, Record<F, string>][])
		for (const [field, value] of Object.entries(fields) as [F, string][])
			await saveTranslation(
				trx,
				{ entity, entityId, locale, field, value, status: 'reviewed', sourceText: source[field] },
				at
			);
}
