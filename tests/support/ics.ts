import ICAL from 'ical.js';

export interface ParsedEvent {
	uid: string;
	sequence: number;
	status: string | null;
	summary: string;
	tzid: string | null;
	/** The start as a UTC instant, resolved with the calendar's own VTIMEZONE. */
	start: string;
	end: string;
	organizer: string | null;
	attendees: string[];
}

/** Parses an .ics with ical.js (strictly: it throws on malformed text) into what tests check. */
export function parseIcs(text: string): { method: string | null; events: ParsedEvent[] } {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone'))
		ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	const events = calendar.getAllSubcomponents('vevent').map((component) => {
		const event = new ICAL.Event(component);
		const dtstart = component.getFirstProperty('dtstart');
		return {
			uid: event.uid,
			sequence: event.sequence,
			status: (component.getFirstPropertyValue('status') as string | null) ?? null,
			summary: event.summary,
			tzid: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
			start: event.startDate.toJSDate().toISOString(),
			end: event.endDate.toJSDate().toISOString(),
			organizer: (component.getFirstPropertyValue('organizer') as string | null) ?? null,
			attendees: component
				.getAllProperties('attendee')
				.map((property) => String(property.getFirstValue()))
		};
	});
	return { method: (calendar.getFirstPropertyValue('method') as string | null) ?? null, events };
}
