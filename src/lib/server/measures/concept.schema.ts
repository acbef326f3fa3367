import { z } from 'zod';
import { parseWith } from '../../shared/errors/schema-issues.js';
import { LOCALES, SOURCE_LOCALE } from '../../i18n/locales.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { parseDecimal, targetIssue } from './concept-rules.js';
import { ConceptValidationError } from './concept.errors.js';
import { COMPUTATIONS } from './computations.js';
import { INDICATOR_DIRECTIONS, PERIOD_KINDS } from './measures.table.js';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;
const id = z.number().int().positive();
const emptyIsNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * A number typed into a form or given as one; empty is null, words are `not_a_number`. That issue
 * lets the other checks go on (the bad number reads as NaN, which they pass over), so a form shows
 * every problem at once.
 */
const optionalDecimal = z
	.union([z.number(), z.string().max(50), z.null()])
	.transform((input, ctx) => {
		const value = typeof input === 'string' ? parseDecimal(input) : input;
		if (value === 'invalid' || (value !== null && !Number.isFinite(value))) {
			ctx.addIssue({ code: 'custom', message: 'not_a_number', continue: true });
			return Number.NaN;
		}
		return value;
	});
const isNumber = (value: number | null): value is number => value !== null && !Number.isNaN(value);
const decimal = optionalDecimal.transform((value, ctx) => {
	if (value !== null) return value;
	ctx.addIssue({ code: 'custom', message: 'required' });
	return z.NEVER;
});
const optionalYear = optionalDecimal.refine(
	(value) => !isNumber(value) || (Number.isInteger(value) && value >= 1990 && value <= 2100),
	{ message: 'invalid_year' }
);
const year = optionalYear.transform((value, ctx) => {
	if (value !== null) return value;
	ctx.addIssue({ code: 'custom', message: 'required' });
	return z.NEVER;
});
const day = z.string().trim().regex(DAY, { message: 'invalid_day' });
const optionalDay = z
	.union([z.string().max(20), z.null()])
	.transform((value) => (value === null ? null : emptyIsNull(value)))
	.pipe(day.nullable());

export const conceptVersionSchema = z
	.object({
		title: z.string().trim().min(1).max(200),
		adoptedOn: day,
		periodFrom: year,
		periodTo: year,
		documentUrl: z
			.union([z.string().max(1000), z.null()])
			.transform((value) => (value === null ? null : emptyIsNull(value)))
			.pipe(
				z
					.string()
					.regex(/^https?:\/\/\S+$/, { message: 'invalid_url' })
					.nullable()
			)
	})
	.superRefine((version, ctx) => {
		if (version.periodTo < version.periodFrom)
			ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'before_from' });
	});
export type ConceptVersionInput = z.input<typeof conceptVersionSchema>;
export type ConceptVersionValues = z.output<typeof conceptVersionSchema>;

export const GOAL_TEXT_MAX = 2000;
export const TARGET_LOCALES = LOCALES.filter((locale) => locale !== SOURCE_LOCALE);

export const goalInputSchema = z.object({
	actionField: z.enum(ACTION_FIELDS),
	/** Null for the action field's guiding goal. */
	parentId: id.nullable(),
	text: z.string().trim().min(1).max(GOAL_TEXT_MAX)
});
export type GoalInput = z.input<typeof goalInputSchema>;

/** The German text and its translations; `confirmed` lists outdated ones confirmed as still right. */
export const goalTextsSchema = z.object({
	text: z.string().trim().min(1).max(GOAL_TEXT_MAX),
	translations: z
		.partialRecord(z.enum(TARGET_LOCALES), z.string().trim().max(GOAL_TEXT_MAX))
		.default({}),
	confirmed: z.array(z.enum(TARGET_LOCALES)).max(TARGET_LOCALES.length).default([])
});
export type GoalTextsInput = z.input<typeof goalTextsSchema>;

export const indicatorInputSchema = z
	.object({
		name: z.string().trim().min(1).max(200),
		unit: z.string().trim().min(1).max(50),
		direction: z.enum(INDICATOR_DIRECTIONS),
		periodKind: z.enum(PERIOD_KINDS),
		baselineValue: optionalDecimal,
		baselineOn: optionalDay,
		targetValue: optionalDecimal,
		targetYear: optionalYear,
		computation: z
			.union([z.enum(COMPUTATIONS), z.literal(''), z.null()])
			.transform((value) => value || null),
		computationParameter: optionalDecimal.refine((value) => !isNumber(value) || value > 0, {
			message: 'not_positive'
		})
	})
	.superRefine((indicator, ctx) => {
		const issue = targetIssue(indicator.baselineOn, indicator.targetYear);
		if (issue) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.code });
		// A baseline is a value on a day: one without the other says nothing.
		if ((indicator.baselineValue === null) !== (indicator.baselineOn === null))
			ctx.addIssue({
				code: 'custom',
				path: [indicator.baselineValue === null ? 'baselineValue' : 'baselineOn'],
				message: 'baseline_pair'
			});
		if ((indicator.targetValue === null) !== (indicator.targetYear === null))
			ctx.addIssue({
				code: 'custom',
				path: [indicator.targetValue === null ? 'targetValue' : 'targetYear'],
				message: 'target_pair'
			});
	});
export type IndicatorInput = z.input<typeof indicatorInputSchema>;
export type IndicatorValues = z.output<typeof indicatorInputSchema>;

export const valueInputSchema = z.object({
	period: z.string().trim().min(1).max(20),
	value: decimal,
	source: z.string().trim().max(500).default(''),
	note: z.string().trim().max(2000).default('')
});
export type ValueInput = z.input<typeof valueInputSchema>;

/** Parses an input or throws ConceptValidationError with the field-specific codes. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> =>
	parseWith(schema, input, (issues) => new ConceptValidationError(issues));
