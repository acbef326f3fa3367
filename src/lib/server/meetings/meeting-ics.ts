import {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus,
	type ICalCalendar
} from 'ical-generator';
import { berlinCalendar, TIME_ZONE, wallClock } from '../../shared/files/berlin-calendar.js';

/** What a calendar entry of a meeting needs; times are Europe/Berlin wall-clock. */
export interface CalendarMeeting {
	uid: string;
	sequence: number;
	networkName: string;
	title: string;
	startsAt: string;
	endsAt: string;
	location: string | null;
	onlineUrl: string | null;
	description: string;
	status: 'planned' | 'cancelled';
	updatedAt: string;
	agenda: { title: string; presenter: string | null; startsAt: string | null }[];
}

export interface Person {
	name: string;
	email: string;
}

function newCalendar(name: string, method: ICalCalendarMethod): ICalCalendar {
	return berlinCalendar({ name, product: 'Netzwerke', language: 'DE', method });
}

function describe(meeting: CalendarMeeting, extra: string | undefined): string {
	const agenda = meeting.agenda.map(
		(item, index) =>
			`${index + 1}. ${item.startsAt ? `${item.startsAt.slice(11, 16)} ` : ''}${item.title}${item.presenter ? ` (${item.presenter})` : ''}`
	);
	return [meeting.description, agenda.join('\n'), meeting.onlineUrl ?? '', extra ?? '']
		.filter(Boolean)
		.join('\n\n');
}

function addEvent(
	calendar: ICalCalendar,
	meeting: CalendarMeeting,
	options: { organizer?: Person; attendees?: Person[]; extra?: string }
) {
	calendar.createEvent({
		id: meeting.uid,
		sequence: meeting.sequence,
		start: wallClock(meeting.startsAt),
		end: wallClock(meeting.endsAt),
		timezone: TIME_ZONE,
		summary: `${meeting.networkName}: ${meeting.title}`,
		description: describe(meeting, options.extra),
		location: meeting.location ?? meeting.onlineUrl,
		url: meeting.onlineUrl,
		status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		stamp: new Date(meeting.updatedAt),
		organizer: options.organizer ?? null,
		attendees: (options.attendees ?? []).map((person) => ({
			name: person.name,
			email: person.email,
			role: ICalAttendeeRole.REQ,
			status: ICalAttendeeStatus.NEEDSACTION,
			rsvp: true
		}))
	});
}

/**
 * The .ics mailed to one invitee: METHOD:REQUEST for an invitation or update, METHOD:CANCEL
 * for a cancellation, always with the meeting's UID and current SEQUENCE so calendars replace
 * the entry they already have.
 */
export function invitationCalendar(
	meeting: CalendarMeeting,
	organizer: Person,
	attendee: Person,
	extra?: string
): { method: 'REQUEST' | 'CANCEL'; content: string } {
	const method =
		meeting.status === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
	const calendar = newCalendar(meeting.networkName, method);
	addEvent(calendar, meeting, { organizer, attendees: [attendee], extra });
	return {
		method: method === ICalCalendarMethod.CANCEL ? 'CANCEL' : 'REQUEST',
		content: calendar.toString()
	};
}

/** A subscribable feed: every meeting, cancelled ones marked STATUS:CANCELLED. */
export function feedCalendar(name: string, meetings: readonly CalendarMeeting[]): string {
	const calendar = newCalendar(name, ICalCalendarMethod.PUBLISH);
	for (const meeting of meetings) addEvent(calendar, meeting, {});
	return calendar.toString();
}
