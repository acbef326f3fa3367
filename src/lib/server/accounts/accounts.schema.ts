import { z } from 'zod';
import { ROLES } from './authorization.js';

export const MIN_PASSWORD_LENGTH = 12;

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(200);

export const newAccountSchema = z
	.object({
		districtId: z.number().int().positive(),
		email: z.string().trim().toLowerCase().email().max(200),
		name: z.string().trim().min(1).max(200),
		role: z.enum(ROLES),
		organisationIds: z.array(z.number().int().positive()).default([]),
		password: passwordSchema.optional()
	})
	.refine((account) => account.role !== 'partner_editor' || account.organisationIds.length > 0, {
		message: 'a partner editor works for at least one organisation',
		path: ['organisationIds']
	})
	.refine((account) => account.role === 'partner_editor' || account.organisationIds.length === 0, {
		message: 'only partner editors are bound to organisations',
		path: ['organisationIds']
	});
export type NewAccount = z.input<typeof newAccountSchema>;
export type ValidNewAccount = z.output<typeof newAccountSchema>;
