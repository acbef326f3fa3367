import { z } from 'zod';
import { parseWith } from '../../shared/errors/schema-issues.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { MEMBER_ROLES } from './networks.table.js';
import { NetworkValidationError } from './networks.errors.js';

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

/** Parses an input or throws NetworkValidationError with the field-specific codes. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> =>
	parseWith(schema, input, (issues) => new NetworkValidationError(issues));
