import { z } from 'zod';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { MEMBER_ROLES } from './networks.table.js';
import { NetworkValidationError, type NetworkIssue } from './networks.errors.js';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z.string().regex(DAY);
const id = z.number().int().positive();

export const networkInputSchema = z.object({
	name: z.string().trim().min(1).max(200),
	description: z.string().trim().max(5000),
	actionFields: z.array(z.enum(ACTION_FIELDS)).min(1).max(ACTION_FIELDS.length),
	coordinatingOrganisationId: id.nullable()
});
export type NetworkInput = z.infer<typeof networkInputSchema>;

/** A member is an organisation or a person from the contact directory, never both. */
export const memberInputSchema = z
	.object({
		organisationId: id.nullable(),
		contactId: id.nullable(),
		role: z.enum(MEMBER_ROLES),
		joinedOn: day
	})
	.refine((member) => (member.organisationId === null) !== (member.contactId === null), {
		path: ['member'],
		message: 'one_member'
	});
export type MemberInput = z.infer<typeof memberInputSchema>;

/** zod's issues as domain issues: `path` joined with dots, `code` the zod code. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const issues: NetworkIssue[] = parsed.error.issues.map((issue) => ({
		path: issue.path.join('.'),
		code: issue.code === 'custom' ? issue.message : issue.code
	}));
	throw new NetworkValidationError(issues);
}
