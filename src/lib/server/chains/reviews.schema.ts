import { z } from 'zod';
import { TRANSITION_STATES } from './chains.table.js';

/** The inputs of a chain review: the meeting it is held in, its summary and its findings. */

const id = z.number().int().positive();

export const reviewInputSchema = z.object({
	meetingId: id,
	summary: z.string().trim().max(5_000)
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** What the review found about one stage, or about one transition with the state it found. */
export const findingInputSchema = z
	.object({
		stageId: id.nullable(),
		transitionId: id.nullable(),
		state: z.enum(TRANSITION_STATES).nullable(),
		text: z.string().trim().max(2_000)
	})
	.superRefine((finding, context) => {
		if ((finding.stageId === null) === (finding.transitionId === null))
			context.addIssue({ code: 'custom', path: ['stageId'], message: 'one_subject' });
		if (finding.stageId !== null && finding.state !== null)
			context.addIssue({ code: 'custom', path: ['state'], message: 'state_of_stage' });
	});
export type FindingInput = z.infer<typeof findingInputSchema>;

export const reviewUpdateSchema = z.object({
	summary: z.string().trim().max(5_000),
	findings: z.array(findingInputSchema).max(400)
});
export type ReviewUpdate = z.infer<typeof reviewUpdateSchema>;
