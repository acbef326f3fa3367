import { z } from 'zod';
import { LOCALES, SOURCE_LOCALE } from '../../i18n/locales.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { LANGUAGE_LEVELS, TARGET_GROUPS } from '../offers/offers.schema.js';
import { isCalendarDay } from '../../shared/time/wall-clock.js';
import { parseWith } from '../../shared/errors/schema-issues.js';
import { ChainValidationError } from './chains.errors.js';
import { TRANSITION_STATES } from './chains.table.js';

/** The inputs of chains, stages, transitions, friction reports and reviews. */

export { TRANSITION_STATES };

const id = z.number().int().positive();
const day = z.string().refine(isCalendarDay, { message: 'day' });

/** A reach a person can be expected to travel: at least 1 km, at most the width of a district. */
export const MIN_REACH_KM = 1;
export const MAX_REACH_KM = 250;
export const DEFAULT_REACH_KM = 25;

export const STAGE_COSTS = ['any', 'free', 'free_or_reduced'] as const;
export type StageCost = (typeof STAGE_COSTS)[number];

/**
 * Which offers qualify for a stage. Every rule that is set must hold (an empty list is no rule);
 * within a list one value is enough. Levels compare in the order of LANGUAGE_LEVELS.
 */
export const stageRulesSchema = z.object({
	actionFields: z.array(z.enum(ACTION_FIELDS)).max(ACTION_FIELDS.length).default([]),
	targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]),
	/** The offer asks for this level or less on entry. */
	entryLevelMax: z.enum(LANGUAGE_LEVELS).nullable().default(null),
	/** The offer leads to this level or more. */
	exitLevelMin: z.enum(LANGUAGE_LEVELS).nullable().default(null),
	/** Words of which one must occur in the offer's German text (title, summary, description). */
	keywords: z.array(z.string().trim().min(3).max(60)).max(20).default([]),
	cost: z.enum(STAGE_COSTS).default('any'),
	/** Whether offers held online qualify at all. */
	onlineAllowed: z.boolean().default(true)
});
export type StageRules = z.infer<typeof stageRulesSchema>;

/** True when the rules say something about offers (online alone selects nothing). */
export function hasRule(rules: StageRules): boolean {
	return (
		rules.actionFields.length > 0 ||
		rules.targetGroups.length > 0 ||
		rules.entryLevelMax !== null ||
		rules.exitLevelMin !== null ||
		rules.keywords.length > 0 ||
		rules.cost !== 'any'
	);
}

export const chainInputSchema = z.object({
	title: z.string().trim().min(1).max(200),
	publicTitle: z.string().trim().min(1).max(200),
	introduction: z.string().trim().max(5_000),
	actionFields: z.array(z.enum(ACTION_FIELDS)).min(1).max(ACTION_FIELDS.length),
	isPublic: z.boolean()
});
export type ChainInput = z.infer<typeof chainInputSchema>;

export const reachSchema = z.object({
	reachKm: z
		.number()
		.min(MIN_REACH_KM, { message: 'reach_range' })
		.max(MAX_REACH_KM, { message: 'reach_range' }),
	onlineCounts: z.boolean()
});

/**
 * A stage with its place in the graph: the stages it follows (its predecessors in the same
 * chain). A stage needs a rule or at least one offer included by hand.
 */
export const stageInputSchema = z
	.object({
		title: z.string().trim().min(1).max(200),
		achieves: z.string().trim().max(2_000),
		isOptional: z.boolean(),
		rules: stageRulesSchema,
		includedOfferIds: z.array(id).max(500).default([]),
		excludedOfferIds: z.array(id).max(500).default([]),
		follows: z.array(id).max(50).default([])
	})
	.merge(reachSchema)
	.superRefine((stage, context) => {
		if (!hasRule(stage.rules) && stage.includedOfferIds.length === 0)
			context.addIssue({ code: 'custom', path: ['rules'], message: 'no_rule' });
		if (stage.includedOfferIds.some((offerId) => stage.excludedOfferIds.includes(offerId)))
			context.addIssue({ code: 'custom', path: ['excludedOfferIds'], message: 'both' });
	});
export type StageInput = z.input<typeof stageInputSchema>;
export type ParsedStageInput = z.infer<typeof stageInputSchema>;

/** The hand-over at a transition between two stages of one chain. */
export const transitionInputSchema = z.object({
	fromStageId: id,
	toStageId: id,
	referral: z.string().trim().max(2_000),
	agreement: z.string().trim().max(2_000),
	fromOrganisationId: id.nullable(),
	toOrganisationId: id.nullable(),
	fromContact: z.string().trim().max(300),
	toContact: z.string().trim().max(300),
	waitingWeeks: z.number().int().min(0, { message: 'negative' }).max(260).nullable(),
	state: z.enum(TRANSITION_STATES),
	reviewedOn: day.nullable()
});
export type TransitionInput = z.infer<typeof transitionInputSchema>;

export const frictionInputSchema = z.object({
	body: z.string().trim().min(1).max(2_000),
	waitingWeeks: z.number().int().min(0, { message: 'negative' }).max(260).nullable()
});
export type FrictionInput = z.infer<typeof frictionInputSchema>;

/** What becomes of a deleted stage's transitions and of review findings about it. */
export const stageDeletionSchema = z.object({
	/** `bridge`: each predecessor is connected to each successor; `drop`: the transitions go. */
	transitions: z.enum(['bridge', 'drop']),
	/** `keep`: findings stay with the stage's name; `drop`: they go. */
	findings: z.enum(['keep', 'drop'])
});
export type StageDeletion = z.infer<typeof stageDeletionSchema>;

/** The languages a chain's public texts are translated into. */
export const CHAIN_TARGET_LOCALES = LOCALES.filter((locale) => locale !== SOURCE_LOCALE);
export type ChainTargetLocale = (typeof CHAIN_TARGET_LOCALES)[number];

/** The public texts of a chain and of its stages, with the longest each may be. */
export const CHAIN_TEXT_FIELDS = { publicTitle: 200, introduction: 5_000 } as const;
export const STAGE_TEXT_FIELDS = { title: 200, achieves: 2_000 } as const;

/**
 * A chain's translations per language, each text by its name in the form (`publicTitle`,
 * `stage.12.title`); `confirmed` lists `<locale>.<name>` of outdated ones confirmed. Each text's
 * own limit is checked by the service, which knows the names.
 */
export const chainTranslationsSchema = z.object({
	translations: z
		.partialRecord(
			z.enum(CHAIN_TARGET_LOCALES),
			z.record(z.string().max(40), z.string().trim().max(20_000))
		)
		.default({}),
	confirmed: z.array(z.string().max(60)).max(2_000).default([])
});
export type ChainTranslationsInput = z.input<typeof chainTranslationsSchema>;

/** Parses a chains input or throws ChainValidationError with the field-specific codes. */
export const parseChainInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> =>
	parseWith(schema, input, (issues) => new ChainValidationError(issues));
