import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formRowCount, formText, positiveIdOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { MeetingDetail } from './meetings.service.js';
import type { MeetingInput, MeetingSeries } from './meetings.schema.js';
import type { NetworkIssue } from '../networks/networks.errors.js';

/**
 * The meeting form as plain values (what the person typed, re-shown on errors) and its
 * translation to MeetingInput. A meeting is one day with a start and end time; agenda items
 * are repeated rows with a few empty ones to add more without JavaScript.
 */
export interface AgendaRowValues {
	id: string;
	title: string;
	presenter: string;
	presenterContactId: string;
	start: string;
	duration: string;
}

export interface MeetingFormValues {
	title: string;
	day: string;
	start: string;
	end: string;
	location: string;
	onlineUrl: string;
	description: string;
	agenda: AgendaRowValues[];
	/** A series of new meetings: how often, and how many in all. */
	every: string;
	count: string;
}

const SPARE_ROWS = 2;
const MAX_ROWS = 30;
const MAX_INPUT = 6000;

const emptyRow = (): AgendaRowValues => ({
	id: '',
	title: '',
	presenter: '',
	presenterContactId: '',
	start: '',
	duration: ''
});
const isEmpty = (row: AgendaRowValues) =>
	!row.title.trim() &&
	!row.presenter.trim() &&
	!row.presenterContactId &&
	!row.start &&
	!row.duration;

function withSpareRows(rows: AgendaRowValues[]): AgendaRowValues[] {
	const filled = rows.filter((row) => !isEmpty(row) || row.id);
	const spare = Math.max(0, Math.min(SPARE_ROWS, MAX_ROWS - filled.length));
	return [...filled, ...Array.from({ length: spare }, emptyRow)];
}

export function emptyMeetingForm(title = ''): MeetingFormValues {
	return {
		title,
		day: '',
		start: '',
		end: '',
		location: '',
		onlineUrl: '',
		description: '',
		agenda: withSpareRows([]),
		every: 'none',
		count: '4'
	};
}

export function meetingFormValues(meeting: MeetingDetail): MeetingFormValues {
	return {
		title: meeting.title,
		day: meeting.startsAt.slice(0, 10),
		start: meeting.startsAt.slice(11, 16),
		end: meeting.endsAt.slice(11, 16),
		location: meeting.location ?? '',
		onlineUrl: meeting.onlineUrl ?? '',
		description: meeting.description,
		every: 'none',
		count: '4',
		agenda: withSpareRows(
			meeting.agenda.map((item) => ({
				id: String(item.id),
				title: item.title,
				presenter: item.presenterText ?? '',
				presenterContactId: item.presenterContactId ? String(item.presenterContactId) : '',
				start: item.startsAt?.slice(11, 16) ?? '',
				duration: item.durationMinutes ? String(item.durationMinutes) : ''
			}))
		)
	};
}

export function readMeetingForm(form: FormData): MeetingFormValues {
	const text = (name: string) => formText(form, name, MAX_INPUT);
	const agenda: AgendaRowValues[] = [];
	const rows = formRowCount(form, 'agenda', 'title', MAX_ROWS);
	for (let index = 0; index < rows; index++)
		agenda.push({
			id: text(`agenda.${index}.id`).trim(),
			title: text(`agenda.${index}.title`),
			presenter: text(`agenda.${index}.presenter`),
			presenterContactId: text(`agenda.${index}.presenterContactId`).trim(),
			start: text(`agenda.${index}.start`).trim(),
			duration: text(`agenda.${index}.duration`).trim()
		});
	return {
		title: text('title'),
		day: text('day').trim(),
		start: text('start').trim(),
		end: text('end').trim(),
		location: text('location'),
		onlineUrl: text('onlineUrl').trim(),
		description: text('description'),
		agenda: withSpareRows(agenda),
		every: text('every').trim() || 'none',
		count: text('count').trim()
	};
}

/** The series the form asks for; null for a single meeting. */
export function meetingSeriesOf(values: MeetingFormValues): MeetingSeries | null {
	if (values.every === 'none') return null;
	return { every: values.every as MeetingSeries['every'], count: Number(values.count) };
}

/** The input for the service, and for each agenda item the form row it came from. */
export function meetingInputOf(values: MeetingFormValues): { input: MeetingInput; rows: number[] } {
	const rows: number[] = [];
	const agenda = values.agenda.flatMap((row, index) => {
		if (isEmpty(row)) return [];
		rows.push(index);
		const duration = row.duration ? Number(row.duration) : null;
		return [
			{
				...(positiveIdOf(row.id) ? { id: positiveIdOf(row.id)! } : {}),
				title: row.title,
				presenter: row.presenter,
				presenterContactId: positiveIdOf(row.presenterContactId),
				startsAt: row.start ? `${values.day}T${row.start}` : null,
				durationMinutes: duration
			}
		];
	});
	return {
		input: {
			title: values.title,
			startsAt: `${values.day}T${values.start}`,
			endsAt: `${values.day}T${values.end}`,
			location: values.location,
			onlineUrl: values.onlineUrl,
			description: values.description,
			agenda
		},
		rows
	};
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const MESSAGES: Record<string, MessageKey> = {
	too_small: 'office.meetings.error.required',
	too_big: 'office.meetings.error.tooLong',
	end_before_start: 'office.meetings.error.endBeforeStart',
	place_required: 'office.meetings.error.placeRequired',
	slot_outside: 'office.meetings.error.slotOutside'
};

/** Where each problem shows in the form, with its message; the first per input counts. */
export function meetingFormErrors(
	issues: readonly NetworkIssue[],
	values: MeetingFormValues,
	rows: number[]
): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue): [string, FormError] | null => {
		const [head, index, field] = issue.path.split('.');
		let input: string;
		let key = MESSAGES[issue.code] ?? 'office.meetings.error.invalid';
		if (head === 'agenda' && index !== undefined) {
			const row = rows[Number(index)] ?? 0;
			const name =
				{ startsAt: 'start', durationMinutes: 'duration' }[field ?? ''] ?? field ?? 'title';
			input = `agenda.${row}.${name}`;
			if (name === 'duration' && issue.code !== 'too_big') key = 'office.meetings.error.duration';
			if (name === 'start' && issue.code !== 'slot_outside') key = 'office.meetings.error.time';
		} else if (head === 'startsAt') {
			input = DAY.test(values.day) ? 'start' : 'day';
			key = input === 'day' ? 'office.meetings.error.day' : 'office.meetings.error.time';
		} else if (head === 'endsAt') {
			// Without a valid day the end is invalid too; the day's message says what to fix.
			if (issue.code !== 'end_before_start' && !DAY.test(values.day)) return null;
			input = 'end';
			if (issue.code !== 'end_before_start') key = 'office.meetings.error.time';
		} else if (head === 'count' || head === 'every') {
			input = head;
			key = 'office.meetings.series.error';
		} else if (head === 'onlineUrl') {
			input = 'onlineUrl';
			key = 'office.meetings.error.url';
		} else input = head ?? 'title';
		return [input, { key }];
	});
}
