import { z } from 'zod';
import { isWallClockTime } from '../../shared/time/wall-clock.js';

/** Wall-clock Europe/Berlin `YYYY-MM-DDTHH:mm`, as offer dates are stored. */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const localDateTime = z.string().regex(LOCAL_DATE_TIME).refine(isWallClockTime, 'invalid_date');
const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.nullable()
		.transform((value) => value || null);

export const agendaItemSchema = z.object({
	/** The stored item this row edits; absent for a new item. */
	id: z.number().int().positive().optional(),
	title: z.string().trim().min(1).max(300),
	presenter: optionalText(200),
	presenterContactId: z.number().int().positive().nullable(),
	startsAt: localDateTime.nullable(),
	durationMinutes: z
		.number()
		.int()
		.min(1)
		.max(24 * 60)
		.nullable()
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const meetingInputSchema = z
	.object({
		title: z.string().trim().min(1).max(200),
		startsAt: localDateTime,
		endsAt: localDateTime,
		location: optionalText(300),
		// Only web links: a javascript: or file: link must never reach a mail or a page.
		onlineUrl: z
			.string()
			.trim()
			.max(500)
			.nullable()
			.transform((value) => value || null)
			.pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).nullable()),
		description: z.string().trim().max(5000),
		agenda: z.array(agendaItemSchema).max(30)
	})
	.superRefine((meeting, context) => {
		if (meeting.endsAt <= meeting.startsAt)
			context.addIssue({ code: 'custom', path: ['endsAt'], message: 'end_before_start' });
		if (!meeting.location && !meeting.onlineUrl)
			context.addIssue({ code: 'custom', path: ['location'], message: 'place_required' });
		meeting.agenda.forEach((item, index) => {
			if (item.startsAt && (item.startsAt < meeting.startsAt || item.startsAt >= meeting.endsAt))
				context.addIssue({
					code: 'custom',
					path: ['agenda', index, 'startsAt'],
					message: 'slot_outside'
				});
		});
	});
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type ValidMeeting = z.output<typeof meetingInputSchema>;

/** A series repeats the first meeting on the same weekday of the month (e.g. every 2nd Tuesday). */
export const SERIES_MONTHS = { none: 0, monthly: 1, bimonthly: 2, quarterly: 3 } as const;
export type SeriesInterval = keyof typeof SERIES_MONTHS;
export const MAX_SERIES = 12;

export const meetingSeriesSchema = z.object({
	every: z.enum(Object.keys(SERIES_MONTHS) as [SeriesInterval, ...SeriesInterval[]]),
	count: z.number().int().min(2).max(MAX_SERIES)
});
export type MeetingSeries = z.infer<typeof meetingSeriesSchema>;
