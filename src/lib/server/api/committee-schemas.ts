import { z } from 'zod';
import { COMMITTEE_OFFER_KINDS, COMMITTEE_TYPES } from '../committees/committees.schema.js';
import { FEWER_THAN_5, SMALL_CELL_LIMIT, WITHHELD } from '../committees/representation.js';
import { apiSchemas } from './schemas.js';

/** The public committees' shapes (issue 12), registered with the offers' for the document. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const shownCountSchema = z
	.union([z.number().int().min(SMALL_CELL_LIMIT), z.enum([FEWER_THAN_5, WITHHELD])])
	.meta({
		description:
			'A count of five or more; `fewer_than_5` for any count from 0 to 4; `withheld` where the other counts would give a small one away.'
	})
	.register(apiSchemas, { id: 'ShownCount' });

export const publicCommitteeSchema = z
	.strictObject({
		district: z.string().meta({ description: 'Slug of the district the committee is in.' }),
		slug: z.string(),
		name: z.string(),
		type: z.enum(COMMITTEE_TYPES),
		body: z.string().meta({ description: 'The body the committee belongs to.' }),
		seats: z.number().int().min(1),
		meetingRhythm: z.string(),
		description: z.string(),
		contact: z.string().meta({ description: 'Whom to ask, as the office wrote it.' }),
		currentTerm: z
			.strictObject({
				startsOn: day,
				endsOn: day.nullable(),
				seats: z.number().int().min(1),
				vacancies: z.number().int().min(0)
			})
			.nullable(),
		offers: z.array(
			z.strictObject({
				slug: z.string(),
				title: z.string().meta({ description: 'The German title.' }),
				kind: z.enum(COMMITTEE_OFFER_KINDS),
				url: z.url()
			})
		),
		figures: z
			.array(
				z.strictObject({
					termStartsOn: day,
					termEndsOn: day.nullable(),
					recordedOn: day,
					answered: shownCountSchema,
					migrationHistory: shownCountSchema,
					women: shownCountSchema,
					men: shownCountSchema,
					diverse: shownCountSchema,
					genderNotStated: shownCountSchema
				})
			)
			.meta({
				description:
					'Anonymous, self-declared counts of the members who answered, per term (oldest first); never about a person.'
			})
	})
	.register(apiSchemas, { id: 'PublicCommittee' });

export const committeeListSchema = z
	.strictObject({ items: z.array(publicCommitteeSchema) })
	.register(apiSchemas, { id: 'CommitteeList' });

export const committeesQuerySchema = z.object({
	district: z
		.string()
		.max(60)
		.optional()
		.meta({ description: 'District slug; all districts when left out or unknown.' })
});

export type CommitteeList = z.infer<typeof committeeListSchema>;
