import { z } from 'zod';
import { isCalendarDay } from '../../shared/time/wall-clock.js';
import { parseWith } from '../../shared/errors/schema-issues.js';
import { CommitteeValidationError } from './committees.errors.js';
import {
	COMMITTEE_OFFER_KINDS,
	COMMITTEE_TYPES,
	MEMBER_ROLES,
	type CommitteeOfferKind,
	type CommitteeType,
	type MemberRole
} from './committees.table.js';

/** The inputs of the committee register: committees, terms, members, figures, linked offers. */

export { COMMITTEE_OFFER_KINDS, COMMITTEE_TYPES, MEMBER_ROLES };
export type { CommitteeOfferKind, CommitteeType, MemberRole };

const id = z.number().int().positive();
const day = z.string().refine(isCalendarDay, { message: 'day' });
/** The largest body a district has (a Kreistag) is well below this. */
export const MAX_SEATS = 200;
const seats = z
	.number({ message: 'seats_number' })
	.int({ message: 'seats_number' })
	.min(1, { message: 'seats_range' })
	.max(MAX_SEATS, { message: 'seats_range' });

export const committeeInputSchema = z
	.object({
		name: z.string().trim().min(1).max(200),
		type: z.enum(COMMITTEE_TYPES),
		body: z.string().trim().max(200),
		organisationId: id.nullable(),
		seats,
		meetingRhythm: z.string().trim().max(200),
		contactId: id.nullable(),
		contactText: z.string().trim().max(500),
		description: z.string().trim().max(5_000),
		isPublic: z.boolean()
	})
	.superRefine((committee, context) => {
		// A public committee names whom to ask; the portal shows only the free text.
		if (committee.isPublic && !committee.contactText)
			context.addIssue({ code: 'custom', path: ['contactText'], message: 'public_contact' });
	});
export type CommitteeInput = z.input<typeof committeeInputSchema>;

export const termInputSchema = z
	.object({
		startsOn: day,
		endsOn: day.nullable(),
		seats: seats.nullable()
	})
	.superRefine((term, context) => {
		if (term.endsOn !== null && term.endsOn < term.startsOn)
			context.addIssue({ code: 'custom', path: ['endsOn'], message: 'ends_before_start' });
	});
export type TermInput = z.input<typeof termInputSchema>;

export const memberInputSchema = z
	.object({
		contactId: id,
		role: z.enum(MEMBER_ROLES),
		fromOn: day.nullable(),
		toOn: day.nullable()
	})
	.superRefine((member, context) => {
		if (member.fromOn !== null && member.toOn !== null && member.toOn < member.fromOn)
			context.addIssue({ code: 'custom', path: ['toOn'], message: 'ends_before_start' });
	});
export type MemberInput = z.input<typeof memberInputSchema>;

const count = z
	.number({ message: 'count_number' })
	.int({ message: 'count_number' })
	.min(0, { message: 'negative' })
	.max(10_000, { message: 'count_number' });

export const FIGURE_COUNTS = [
	'answered',
	'migrationHistory',
	'women',
	'men',
	'diverse',
	'genderNotStated'
] as const;
export type FigureCount = (typeof FIGURE_COUNTS)[number];
export const GENDER_COUNTS = ['women', 'men', 'diverse', 'genderNotStated'] as const;

/**
 * Anonymous counts of the members who answered a self-declaration: how many, how many of them
 * with their own or a parent's migration history, and by gender, where "not stated" takes
 * everyone who gave none, so the genders add up to the members who answered. The seats of the
 * term are checked by the service, which knows them.
 */
export const figuresInputSchema = z
	.object({
		recordedOn: day,
		answered: count,
		migrationHistory: count,
		women: count,
		men: count,
		diverse: count,
		genderNotStated: count
	})
	.superRefine((figures, context) => {
		for (const part of ['migrationHistory', ...GENDER_COUNTS] as const)
			if (figures[part] > figures.answered)
				context.addIssue({ code: 'custom', path: [part], message: 'above_total' });
		const genders = GENDER_COUNTS.reduce((sum, part) => sum + figures[part], 0);
		if (genders !== figures.answered && GENDER_COUNTS.every((p) => figures[p] <= figures.answered))
			context.addIssue({ code: 'custom', path: ['women'], message: 'gender_sum' });
	});
export type FiguresInput = z.input<typeof figuresInputSchema>;
export type Figures = z.output<typeof figuresInputSchema>;

export const offerLinkSchema = z.object({
	offerId: id,
	kind: z.enum(COMMITTEE_OFFER_KINDS)
});
export type OfferLinkInput = z.input<typeof offerLinkSchema>;

/** Parses a committees input or throws CommitteeValidationError with field-specific codes. */
export const parseCommitteeInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> =>
	parseWith(schema, input, (issues) => new CommitteeValidationError(issues));
