import { z } from 'zod';
import { LOCALES, SOURCE_LOCALE } from '../../i18n/locales.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import {
	chainInputSchema,
	frictionInputSchema,
	hasRule,
	reachSchema,
	stageInputSchema,
	stageRulesSchema,
	transitionInputSchema,
	TRANSITION_STATES
} from '../chains/chains.schema.js';
import { TASK_STATUSES } from '../minutes/minutes.table.js';

/** The shape of content/demo/chains.json, described for authors in content/demo/FORMAT.md. */

/** A chain's or stage's key, unique within its scope; a chain's key is its slug. */
const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
/** An offer's or organisation's key in the demo offers files (or `kitz`, the KITZ page's). */
const contentKey = z.string().min(1);
const daysAgo = z.number().int().min(0);

/** Every portal language but German, the source: public texts are translated into each. */
const translated = <T extends z.ZodRawShape>(shape: T) =>
	z.record(z.enum(LOCALES).exclude([SOURCE_LOCALE]), z.object(shape));

const stageShape = stageInputSchema.shape;

export const demoStageSchema = z
	.object({
		key,
		title: stageShape.title,
		achieves: stageShape.achieves.min(1),
		isOptional: stageShape.isOptional,
		rules: stageRulesSchema,
		/** Offers taken whatever the rules say, and offers left out although the rules match. */
		include: z.array(contentKey).default([]),
		exclude: z.array(contentKey).default([]),
		/** Keys of the stages of the same chain this one comes after. */
		follows: z.array(key).default([]),
		...reachSchema.shape,
		translations: translated({ title: stageShape.title, achieves: stageShape.achieves.min(1) })
	})
	.superRefine((stage, context) => {
		if (!hasRule(stage.rules) && stage.include.length === 0)
			context.addIssue({ code: 'custom', path: ['rules'], message: 'no_rule' });
		if (stage.include.some((offer) => stage.exclude.includes(offer)))
			context.addIssue({ code: 'custom', path: ['exclude'], message: 'both' });
	});

/** The hand-over between two stages; organisations by key, the day reviewed counted back. */
export const demoTransitionSchema = transitionInputSchema
	.omit({
		fromStageId: true,
		toStageId: true,
		fromOrganisationId: true,
		toOrganisationId: true,
		reviewedOn: true
	})
	.extend({
		from: key,
		to: key,
		fromOrganisation: contentKey.nullable(),
		toOrganisation: contentKey.nullable(),
		reviewedDaysAgo: daysAgo.nullable()
	});

export const demoFrictionSchema = frictionInputSchema.extend({
	from: key,
	to: key,
	/** The partner organisation that reported it. */
	organisation: contentKey,
	daysAgo
});

const findingText = z.string().trim().min(1).max(2_000);

/** A finding about a stage, or about a transition with the state the review found it in. */
const demoFindingSchema = z.union([
	z.strictObject({ stage: key, text: findingText }),
	z.strictObject({ from: key, to: key, state: z.enum(TRANSITION_STATES), text: findingText })
]);

const decisionText = z.string().trim().min(1).max(2_000);

/**
 * A decision of the review, written into the meeting's minutes, and what became of it: a
 * follow-up task, an existing measure of measures.json that was started from it, or a new
 * measure as an idea.
 */
const demoDecisionSchema = z.union([
	z.strictObject({
		text: decisionText,
		task: z.strictObject({
			title: z.string().trim().min(1).max(300),
			owner: contentKey,
			/** Days after the meeting. */
			dueInDays: z.number().int().min(0),
			status: z.enum(TASK_STATUSES)
		})
	}),
	z.strictObject({ text: decisionText, measure: z.string().min(1) }),
	z.strictObject({
		text: decisionText,
		idea: z.strictObject({
			title: z.string().trim().min(1).max(200),
			description: z.string().trim().min(1),
			actionFields: z.array(z.enum(ACTION_FIELDS)).min(1),
			lead: contentKey
		})
	})
]);

/** A chain review held in a past demo meeting, named like measures.json's `decidedIn`. */
export const demoReviewSchema = z.object({
	network: z.string().min(1),
	meeting: z.string().min(1),
	summary: z.string().trim().min(1),
	findings: z.array(demoFindingSchema).min(1),
	decisions: z.array(demoDecisionSchema).min(1)
});

const chainShape = chainInputSchema.shape;

export const demoChainSchema = chainInputSchema.extend({
	key,
	/** The district's official five-digit key (content/places/districts.csv). */
	district: z.string().regex(/^\d{5}$/),
	translations: translated({
		publicTitle: chainShape.publicTitle,
		introduction: chainShape.introduction.min(1)
	}),
	stages: z.array(demoStageSchema).min(1),
	transitions: z.array(demoTransitionSchema).default([]),
	frictionReports: z.array(demoFrictionSchema).default([]),
	reviews: z.array(demoReviewSchema).default([])
});

export const demoChainsSchema = z.object({ chains: z.array(demoChainSchema) });

export type DemoChain = z.infer<typeof demoChainSchema>;
export type DemoStage = z.infer<typeof demoStageSchema>;
export type DemoReview = z.infer<typeof demoReviewSchema>;
