import { z } from 'zod';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { COMPUTATIONS } from '../measures/computations.js';
import {
	INDICATOR_DIRECTIONS,
	MEASURE_STATUSES,
	PERIOD_KINDS
} from '../measures/measures.table.js';

/** The shape of content/demo/concept.json and measures.json, described in content/demo/FORMAT.md. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const year = z.number().int().min(1990).max(2100);
const months = z.number().int();

const valueSchema = z.union([
	z.number(),
	z.object({ value: z.number(), source: z.string().default(''), note: z.string().default('') })
]);

export const demoConceptSchema = z.object({
	/** The year the file's days and years are written as of; the seeder shifts them to today's. */
	yearsAsOf: year,
	concept: z.object({
		title: z.string().min(1),
		adoptedOn: day,
		periodFrom: year,
		periodTo: year,
		documentUrl: z.string().url()
	}),
	fields: z.array(
		z.object({
			actionField: z.enum(ACTION_FIELDS),
			goal: z.string().min(1),
			subGoals: z.array(
				z.object({
					key: z.string().min(1),
					text: z.string().min(1),
					indicators: z.array(
						z.object({
							name: z.string().min(1),
							unit: z.string().min(1),
							direction: z.enum(INDICATOR_DIRECTIONS),
							periodKind: z.enum(PERIOD_KINDS),
							baseline: z.object({ value: z.number(), on: day }),
							target: z.object({ value: z.number(), year }),
							computation: z.enum(COMPUTATIONS).optional(),
							parameter: z.number().positive().optional(),
							values: z.record(z.string(), valueSchema)
						})
					)
				})
			)
		})
	)
});

const reachCount = z.number().int().min(0).optional();

export const demoMeasuresSchema = z.object({
	fundingSources: z.array(z.string().min(1)).min(1),
	measures: z.array(
		z.object({
			key: z.string().min(1),
			title: z.string().min(1),
			description: z.string(),
			actionFields: z.array(z.enum(ACTION_FIELDS)).min(1),
			goals: z.array(z.string()),
			status: z.enum(MEASURE_STATUSES),
			statusMonthsAgo: months.min(0),
			statusReason: z.string().optional(),
			lead: z.string().min(1),
			partners: z.array(z.string()).default([]),
			responsible: z.string().optional(),
			startsInMonths: months.nullable(),
			endsInMonths: months.nullable(),
			progress: z.union([z.literal('milestones'), z.number().int().min(0).max(100)]),
			public: z.boolean(),
			milestones: z
				.array(z.object({ title: z.string().min(1), dueInMonths: months, done: z.boolean() }))
				.default([]),
			budget: z
				.array(
					z.object({
						source: z.string(),
						yearOffset: z.number().int().max(0),
						planned: z.number().min(0),
						spent: z.number().min(0)
					})
				)
				.default([]),
			reach: z
				.array(
					z.object({
						yearOffset: z.number().int().max(0),
						participants: z.number().int().min(0),
						women: reachCount,
						men: reachCount,
						diverse: reachCount,
						ageMinors: reachCount,
						ageYoungAdults: reachCount,
						ageAdults: reachCount,
						ageSeniors: reachCount
					})
				)
				.default([]),
			offers: z.array(z.string()).default([]),
			links: z.array(z.object({ title: z.string(), url: z.string() })).default([]),
			lastUpdateMonthsAgo: months.min(0),
			note: z.string().optional(),
			decidedIn: z
				.object({ network: z.string(), meeting: z.string(), decision: z.string().min(1) })
				.optional()
		})
	)
});

export type DemoConcept = z.infer<typeof demoConceptSchema>;
export type DemoMeasure = z.infer<typeof demoMeasuresSchema>['measures'][number];
