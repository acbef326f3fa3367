import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { ChainEditor } from '../chains/chain-access.js';
import { saveChainTranslations } from '../chains/chain-translations.service.js';
import { CHAIN_TARGET_LOCALES, type ChainTranslationsInput } from '../chains/chains.schema.js';
import { createChain, listChains, loadChain } from '../chains/chains.service.js';
import { reportFriction } from '../chains/friction.service.js';
import { createStage } from '../chains/stages.service.js';
import { updateHandOver } from '../chains/transitions.service.js';
import type { DB } from '../db/schema.js';
import type { Locale } from '../../i18n/locales.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { demoChainsSchema, type DemoChain } from './demo.chains.schema.js';
import { instantOn } from './demo.history.js';
import { buildLookup, lookUp, organisationIdsBySlug } from './demo.lookup.js';
import { readJson } from './demo.seed.js';

/**
 * The demo's support chains (content/demo/chains.json), built through the chains context as the
 * demo's coordinator: each chain with its stages, whose `follows` create the transitions, the
 * hand-over documented at each transition on the day it was last reviewed, and the partners'
 * friction reports. Public texts get their translations, reviewed. Dates count back from the
 * seeding day.
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
	}

	await saveChainTranslations(trx, actor, chainId, translationsOf(chain, stageIds), at);

	const transitionIds = await transitionsByKeys(trx, chainId, stageIds);
	await documentHandOvers(trx, actor, chain, transitionIds, refs, at);
	await seedFrictionReports(trx, actor, chain, transitionIds, refs);
}

/** The chain's transitions by `from → to` stage keys, as the file names them. */
async function transitionsByKeys(
	trx: Transaction<DB>,
	chainId: number,
	stageIds: Map<string, number>
): Promise<Map<string, number>> {
	const keyOf = new Map([...stageIds].map(([key, id]) => [id, key]));
	return new Map(
		(await loadChain(trx, chainId)).transitions.map((transition) => [
			`${keyOf.get(transition.fromStageId)} → ${keyOf.get(transition.toStageId)}`,
			transition.id
		])
	);
}

const transitionOf = (transitionIds: Map<string, number>, from: string, to: string) =>
	lookUp(transitionIds, `${from} → ${to}`, 'transition (no stage follows the other)');

/**
 * The stages' `follows` created the transitions, undocumented; the file documents each one, on
 * the day it was last reviewed (or when the chain was set up, if never since).
 */
async function documentHandOvers(
	trx: Transaction<DB>,
	actor: ChainEditor,
	chain: DemoChain,
	transitionIds: Map<string, number>,
	refs: Refs,
	setUpAt: Date
): Promise<void> {
	const organisation = (key: string | null) =>
		key === null ? null : lookUp(refs.organisationIds, key, 'organisation');
	for (const { from, to, reviewedDaysAgo, ...handOver } of chain.transitions) {
		const reviewedOn = reviewedDaysAgo === null ? null : addDays(refs.today, -reviewedDaysAgo);
		await updateHandOver(
			trx,
			actor,
			transitionOf(transitionIds, from, to),
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
			reviewedOn === null ? setUpAt : instantOn(reviewedOn)
		);
	}
}

/**
 * Partners' friction reports, each on its day: from the organisation's demo log-in where it has
 * one, else entered by the coordinator for the organisation (as told on the phone).
 */
async function seedFrictionReports(
	trx: Transaction<DB>,
	coordinator: ChainEditor,
	chain: DemoChain,
	transitionIds: Map<string, number>,
	refs: Refs
): Promise<void> {
	for (const report of chain.frictionReports) {
		const organisationId = lookUp(refs.organisationIds, report.organisation, 'organisation');
		await reportFriction(
			trx,
			(await partnerOf(trx, organisationId)) ?? coordinator,
			transitionOf(transitionIds, report.from, report.to),
			{ body: report.body, waitingWeeks: report.waitingWeeks, organisationId },
			instantOn(addDays(refs.today, -report.daysAgo), '11:00')
		);
	}
}

/** The demo's partner log-in for an organisation, as an actor, if it has one. */
async function partnerOf(
	trx: Transaction<DB>,
	organisationId: number
): Promise<ChainEditor | undefined> {
	const user = await trx
		.selectFrom('users')
		.innerJoin('userOrganisations', 'userOrganisations.userId', 'users.id')
		.select(['users.id', 'users.districtId'])
		.where('users.role', '=', 'partner_editor')
		.where('userOrganisations.organisationId', '=', organisationId)
		.executeTakeFirst();
	return (
		user && {
			id: user.id,
			role: 'partner_editor',
			districtId: user.districtId,
			organisationIds: [organisationId]
		}
	);
}

/** Texts by their name in a language; the file's locale keys lose their type in the schema. */
type Texts = Partial<Record<Locale, Record<string, string>>>;

/** The file's translations as the chain's translation form names them, per language. */
function translationsOf(chain: DemoChain, stageIds: Map<string, number>): ChainTranslationsInput {
	const chainTexts: Texts = chain.translations;
	const translations: Texts = {};
	for (const locale of CHAIN_TARGET_LOCALES) {
		const texts = { ...chainTexts[locale] };
		for (const stage of chain.stages) {
			const stageId = lookUp(stageIds, stage.key, 'stage');
			const stageTexts: Texts = stage.translations;
			for (const [field, text] of Object.entries(stageTexts[locale] ?? {}))
				texts[`stage.${stageId}.${field}`] = text;
		}
		translations[locale] = texts;
	}
	return { translations, confirmed: [] };
}
