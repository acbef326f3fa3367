import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { ChainEditor } from '../chains/chain-access.js';
import { saveChainTranslations } from '../chains/chain-translations.service.js';
import { CHAIN_TARGET_LOCALES, type ChainTranslationsInput } from '../chains/chains.schema.js';
import { createChain, listChains, loadChain } from '../chains/chains.service.js';
import { reportFriction } from '../chains/friction.service.js';
import {
	addReviewDecision,
	createReview,
	reviewDecisionToTask,
	updateReview
} from '../chains/reviews.service.js';
import { createStage } from '../chains/stages.service.js';
import { updateHandOver } from '../chains/transitions.service.js';
import type { DB } from '../db/schema.js';
import { changeTaskStatus } from '../minutes/tasks.service.js';
import type { Locale } from '../../i18n/locales.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { demoChainsSchema, type DemoChain, type DemoReview } from './demo.chains.schema.js';
import { instantOn } from './demo.history.js';
import { buildLookup, findPastMeeting, lookUp, organisationIdsBySlug } from './demo.lookup.js';
import type { DemoDecision, DemoIdea } from './demo.measures.js';
import { readJson } from './demo.seed.js';

/**
 * The demo's support chains (content/demo/chains.json), built through the chains context as the
 * demo's coordinator: each chain with its stages, whose `follows` create the transitions, its
 * past reviews in network meetings with their findings and decisions, the hand-over documented
 * at each transition on the day it was last reviewed, and the partners' friction reports.
 * Public texts get their translations, reviewed. Dates count back from the seeding day.
 *
 * The reviews' decisions that started measures are returned, for the measures to be created
 * from them: a measure's decision is fixed when it is created.
 */
export async function seedDemoChains(
	trx: Transaction<DB>,
	contentDir: string,
	coordinator: ChainEditor,
	offerIds: Map<string, number>,
	now = new Date()
): Promise<ReviewOutcomes> {
	const outcomes: ReviewOutcomes = { measures: new Map(), ideas: [] };
	if ((await listChains(trx, coordinator)).length) return outcomes;
	const file = join(contentDir, 'demo', 'chains.json');
	const { chains } = await readJson(file, demoChainsSchema);
	const refs: Refs = {
		districtIds: (await buildLookup(trx)).districtByAgs,
		offerIds,
		organisationIds: await organisationIdsBySlug(trx),
		today: berlinToday(now),
		now
	};
	for (const chain of chains) {
		try {
			await seedChain(trx, coordinator, chain, refs, outcomes);
		} catch (failure) {
			throw new Error(`${file}: chain "${chain.key}": ${String(failure)}`, { cause: failure });
		}
	}
	return outcomes;
}

/** What the reviews' decisions started: existing measures by key, and new ideas. */
export interface ReviewOutcomes {
	measures: Map<string, DemoDecision>;
	ideas: { idea: DemoIdea; decision: DemoDecision }[];
}

interface Refs {
	districtIds: Map<string, number>;
	offerIds: Map<string, number>;
	organisationIds: Map<string, number>;
	today: string;
	now: Date;
}

/** A chain was set up a month before the first thing anyone recorded about it. */
function setUpOn(chain: DemoChain, today: string, reviewDays: string[]): string {
	const daysAgo = Math.max(
		0,
		...chain.transitions.map((transition) => transition.reviewedDaysAgo ?? 0),
		...chain.frictionReports.map((report) => report.daysAgo)
	);
	const first = [addDays(today, -daysAgo), ...reviewDays].sort()[0]!;
	return addDays(first, -30);
}

async function seedChain(
	trx: Transaction<DB>,
	actor: ChainEditor,
	chain: DemoChain,
	refs: Refs,
	outcomes: ReviewOutcomes
): Promise<void> {
	if (lookUp(refs.districtIds, chain.district, 'district') !== actor.districtId)
		throw new Error(`district ${chain.district} is not the coordinator's`);
	const meetings = [];
	for (const review of chain.reviews) meetings.push(await findPastMeeting(trx, review, refs.today));
	const at = instantOn(
		setUpOn(
			chain,
			refs.today,
			meetings.map((meeting) => meeting.day)
		)
	);
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
	// A review's findings set the transitions' states on its day; the hand-overs documented
	// since, on their later days, come after it.
	for (const [index, review] of chain.reviews.entries())
		await seedReview(trx, actor, chainId, review, meetings[index]!, {
			...refs,
			stageIds,
			transitionIds,
			outcomes
		});
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
 * A review held in a past meeting, recorded after it: its findings, and its decisions written
 * into the meeting's minutes, each followed up as the file says. A task is marked with its
 * status on the day it was due (by its owner's demo log-in where there is one); measures are
 * created later from their decisions.
 */
async function seedReview(
	trx: Transaction<DB>,
	coordinator: ChainEditor,
	chainId: number,
	review: DemoReview,
	meeting: { id: number; day: string },
	refs: Refs & {
		stageIds: Map<string, number>;
		transitionIds: Map<string, number>;
		outcomes: ReviewOutcomes;
	}
): Promise<void> {
	const at = instantOn(meeting.day, '17:00');
	const reviewId = await createReview(
		trx,
		coordinator,
		chainId,
		{ meetingId: meeting.id, summary: review.summary },
		at
	);
	await updateReview(
		trx,
		coordinator,
		reviewId,
		{
			summary: review.summary,
			findings: review.findings.map((finding) =>
				'stage' in finding
					? {
							stageId: lookUp(refs.stageIds, finding.stage, 'stage'),
							transitionId: null,
							state: null,
							text: finding.text
						}
					: {
							stageId: null,
							transitionId: transitionOf(refs.transitionIds, finding.from, finding.to),
							state: finding.state,
							text: finding.text
						}
			)
		},
		at
	);
	for (const decision of review.decisions) {
		const decisionId = await addReviewDecision(trx, coordinator, reviewId, decision.text, at);
		const decided = { decisionId, day: meeting.day };
		if ('measure' in decision) refs.outcomes.measures.set(decision.measure, decided);
		else if ('idea' in decision)
			refs.outcomes.ideas.push({ idea: decision.idea, decision: decided });
		else {
			const { task } = decision;
			const ownerId = lookUp(refs.organisationIds, task.owner, 'organisation');
			const dueOn = addDays(meeting.day, task.dueInDays);
			const taskId = await reviewDecisionToTask(
				trx,
				coordinator,
				reviewId,
				decisionId,
				{
					title: task.title,
					description: '',
					owner: { organisationId: ownerId },
					dueOn,
					status: 'open',
					agendaItemId: null,
					actionField: null,
					networkId: null,
					offer: null
				},
				at
			);
			if (task.status !== 'open')
				await changeTaskStatus(
					trx,
					(await partnerOf(trx, ownerId)) ?? coordinator,
					taskId,
					task.status,
					dueOn < refs.today ? instantOn(dueOn) : refs.now
				);
		}
	}
}

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
			// Late in the day: after a review held that day, whose findings this updates.
			reviewedOn === null ? setUpAt : instantOn(reviewedOn, '18:00')
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
