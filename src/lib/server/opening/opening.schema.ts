import { z } from 'zod';
import { parseWith } from '../../shared/errors/schema-issues.js';
import { isCalendarDay } from '../../shared/time/wall-clock.js';
import { OpeningValidationError } from './opening.errors.js';
import { UNIT_KINDS } from './opening.table.js';

/** The inputs of the intercultural opening context; every rule names the field it concerns. */

/** A text of the instrument in both office languages. */
const bilingual = (max: number) =>
	z.object({ de: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'key' });

export const MAX_LEVEL_COUNT = 7;

/**
 * An instrument version: a scale of levels 0…n shared by all items (each level with a label and
 * a description), and dimensions with items. Keys are stable across versions, so rounds answered
 * with different versions compare per dimension.
 */
export const instrumentContentSchema = z
	.object({
		scale: z
			.array(
				z.object({
					level: z.number().int().min(0),
					label: bilingual(80),
					description: bilingual(500)
				})
			)
			.min(2)
			.max(MAX_LEVEL_COUNT),
		dimensions: z
			.array(
				z.object({
					key,
					title: bilingual(200),
					items: z
						.array(z.object({ key, text: bilingual(1000) }))
						.min(1)
						.max(20)
				})
			)
			.min(1)
			.max(20)
	})
	.superRefine((content, context) => {
		content.scale.forEach((step, index) => {
			if (step.level !== index)
				context.addIssue({ code: 'custom', path: ['scale', index, 'level'], message: 'levels' });
		});
		const seen = new Set<string>();
		content.dimensions.forEach((dimension, d) => {
			if (seen.has(dimension.key))
				context.addIssue({ code: 'custom', path: ['dimensions', d, 'key'], message: 'duplicate' });
			seen.add(dimension.key);
			dimension.items.forEach((item, i) => {
				if (seen.has(item.key))
					context.addIssue({
						code: 'custom',
						path: ['dimensions', d, 'items', i, 'key'],
						message: 'duplicate'
					});
				seen.add(item.key);
			});
		});
	});
export type InstrumentContent = z.infer<typeof instrumentContentSchema>;
export type InstrumentDimension = InstrumentContent['dimensions'][number];
export type BilingualText = { de: string; en: string };

const id = z.number().int().positive();

export const unitInputSchema = z
	.object({
		kind: z.enum(UNIT_KINDS),
		name: z.string().trim().max(200),
		organisationId: id.nullable()
	})
	.superRefine((unit, context) => {
		if (unit.kind === 'organisation' && unit.organisationId === null)
			context.addIssue({ code: 'custom', path: ['organisationId'], message: 'organisation' });
		if (unit.kind === 'administration' && !unit.name)
			context.addIssue({ code: 'custom', path: ['name'], message: 'too_small' });
	});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const roundInputSchema = z.object({ label: z.string().trim().min(1).max(100) });
export type RoundInput = z.infer<typeof roundInputSchema>;

/** One item's answer: a level, or "not applicable", or nothing yet; a comment either way. */
export const answerSchema = z.object({
	itemKey: key,
	level: z.number().int().min(0).max(MAX_LEVEL_COUNT).nullable(),
	notApplicable: z.boolean(),
	comment: z.string().trim().max(2000, { message: 'comment_length' })
});
export type Answer = z.infer<typeof answerSchema>;

export const actionInputSchema = z
	.object({
		what: z.string().trim().min(1).max(200),
		who: z.string().trim().max(200),
		organisationId: id.nullable(),
		dueOn: z.string().refine(isCalendarDay, { message: 'day' }).nullable()
	})
	.refine((action) => action.who.length > 0 || action.organisationId !== null, {
		path: ['who'],
		message: 'who'
	});
export type ActionInput = z.infer<typeof actionInputSchema>;

export function parseOpeningInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	return parseWith(schema, input, (issues) => new OpeningValidationError(issues));
}
