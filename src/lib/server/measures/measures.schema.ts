import { z } from 'zod';
import { parseWith } from '../../shared/errors/schema-issues.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { parsePeriod } from '../../shared/time/period.js';
import { isCalendarDay } from '../../shared/time/wall-clock.js';
import { TARGET_LOCALES } from './concept.schema.js';
import { MEASURE_STATUSES, PROGRESS_MODES } from './measures.table.js';
import { MeasureValidationError } from './measures.errors.js';

/** The inputs of measures and their parts; every rule names the field it concerns. */

/** The statuses in their order, for other contexts (the report counts measures per status). */
export { MEASURE_STATUSES };

const day = z.string().refine(isCalendarDay, { message: 'day' });
const id = z.number().int().positive();
const MAX_CENTS = 1_000_000_000_00;
const cents = z.number().int().min(0, { message: 'negative' }).max(MAX_CENTS);
const count = z.number().int().min(0, { message: 'negative' }).max(10_000_000);

export const MAX_LINKS = 20;

export const linkSchema = z.object({
	title: z.string().trim().min(1).max(200),
	url: z.url({ protocol: /^https?$/ }).max(2000)
});

export const measureInputSchema = z
	.object({
		title: z.string().trim().min(1).max(200),
		description: z.string().trim().max(10_000),
		actionFields: z.array(z.enum(ACTION_FIELDS)).min(1).max(ACTION_FIELDS.length),
		goalIds: z.array(id).max(100),
		leadOrganisationId: id.nullable(),
		partnerOrganisationIds: z.array(id).max(100),
		responsibleContactId: id.nullable(),
		startsOn: day.nullable(),
		endsOn: day.nullable(),
		progressMode: z.enum(PROGRESS_MODES),
		isPublic: z.boolean(),
		links: z.array(linkSchema).max(MAX_LINKS),
		decisionId: id.nullable()
	})
	.superRefine((measure, context) => {
		if (measure.startsOn && measure.endsOn && measure.endsOn < measure.startsOn)
			context.addIssue({ code: 'custom', path: ['endsOn'], message: 'before_start' });
		if (
			measure.leadOrganisationId !== null &&
			measure.partnerOrganisationIds.includes(measure.leadOrganisationId)
		)
			context.addIssue({
				code: 'custom',
				path: ['partnerOrganisationIds'],
				message: 'lead_partner'
			});
	});
export type MeasureInput = z.infer<typeof measureInputSchema>;

/** A status change: the day it took effect; a stopped measure says why. */
export const statusInputSchema = z
	.object({ status: z.enum(MEASURE_STATUSES), statusOn: day, reason: z.string().trim().max(2000) })
	.refine((change) => change.status !== 'stopped' || change.reason.length > 0, {
		path: ['reason'],
		message: 'reason_required'
	});
export type StatusInput = z.infer<typeof statusInputSchema>;

/** A status note, with progress in percent where progress is entered by hand. */
export const updateInputSchema = z
	.object({
		note: z.string().trim().max(5000),
		progress: z
			.number()
			.int()
			.min(0, { message: 'percent' })
			.max(100, { message: 'percent' })
			.nullable()
	})
	.refine((update) => update.note.length > 0 || update.progress !== null, {
		path: ['note'],
		message: 'empty_update'
	});
export type UpdateInput = z.infer<typeof updateInputSchema>;

export const milestoneInputSchema = z.object({
	title: z.string().trim().min(1).max(300),
	dueOn: day,
	decisionId: id.nullable()
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

export const budgetInputSchema = z
	.object({
		fundingSourceId: id,
		year: z.number().int().min(2000).max(2100),
		plannedCents: cents,
		spentCents: cents
	})
	.refine((line) => line.plannedCents < 0 || line.spentCents <= line.plannedCents, {
		path: ['spentCents'],
		message: 'over_planned'
	});
export type BudgetInput = z.infer<typeof budgetInputSchema>;

/** The fields of a measure that are translated (entity `measure`) once it is public. */
export const MEASURE_TEXT_FIELDS = ['title', 'description', 'statusReason'] as const;

const translated = (max: number) => z.string().trim().max(max).default('');

/**
 * A public measure's translations per language (title, description, status note, each as long
 * as its German field may be); `confirmed` lists `<locale>.<field>` of outdated ones confirmed.
 */
export const measureTranslationsSchema = z.object({
	translations: z
		.partialRecord(
			z.enum(TARGET_LOCALES),
			z.object({
				title: translated(200),
				description: translated(10_000),
				statusReason: translated(2000)
			})
		)
		.default({}),
	confirmed: z.array(z.string().max(40)).max(100).default([])
});
export type MeasureTranslationsInput = z.input<typeof measureTranslationsSchema>;

export const GENDERS = ['women', 'men', 'diverse'] as const;
export const AGE_GROUPS = ['ageMinors', 'ageYoungAdults', 'ageAdults', 'ageSeniors'] as const;

const sumOf = (values: (number | null)[]) => values.reduce<number>((sum, v) => sum + (v ?? 0), 0);

/** Participants in a period; each breakdown (gender, age group) at most adds up to them. */
export const reachInputSchema = z
	.object({
		period: z.string().refine((value) => parsePeriod(value) !== null, { message: 'period' }),
		participants: count,
		women: count.nullable(),
		men: count.nullable(),
		diverse: count.nullable(),
		ageMinors: count.nullable(),
		ageYoungAdults: count.nullable(),
		ageAdults: count.nullable(),
		ageSeniors: count.nullable()
	})
	.superRefine((reach, context) => {
		if (sumOf(GENDERS.map((key) => reach[key])) > reach.participants)
			context.addIssue({ code: 'custom', path: ['women'], message: 'breakdown_over' });
		if (sumOf(AGE_GROUPS.map((key) => reach[key])) > reach.participants)
			context.addIssue({ code: 'custom', path: ['ageMinors'], message: 'breakdown_over' });
	});
export type ReachInput = z.infer<typeof reachInputSchema>;

export const fundingSourceInputSchema = z.object({ name: z.string().trim().min(1).max(200) });

export const MAX_STALE_MONTHS = 24;
export const staleMonthsSchema = z.number().int().min(1).max(MAX_STALE_MONTHS);

/** Parses an input or throws MeasureValidationError with the field-specific codes. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> =>
	parseWith(schema, input, (issues) => new MeasureValidationError(issues));
