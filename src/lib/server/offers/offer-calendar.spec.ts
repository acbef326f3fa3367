import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { offerCalendar } from './offer-calendar.js';
import type { OfferDetail } from './offer-page.service.js';
import { expandSchedule } from './schedule.js';

// A Saturday: the day the demo and partners typically enter "starts today".
const SATURDAY = '2026-12-05';

function offerWith(series: { startsAt: string; endsAt?: string; rrule?: string }[]): OfferDetail {
	const text = (value: string) => ({ text: value, lang: 'de', fallback: false });
	return {
		id: 7,
		slug: 'sprachcafe',
		title: text('Sprachcafé'),
		summary: text('Deutsch sprechen'),
		location: { kind: 'online', url: 'https://example.org/raum' },
		schedule: {
			kind: 'recurring',
			series: series.map((entry) => ({
				startsAt: entry.startsAt,
				endsAt: entry.endsAt ?? null,
				rrule: entry.rrule ?? null,
				recurrence: null
			}))
		},
		updatedAt: '2026-12-01T08:00:00.000Z'
	} as unknown as OfferDetail;
}

/** The first `count` starts of each VEVENT as a calendar app expands them (RFC 5545 semantics). */
function expandedStarts(ics: string, count: number): { dtstart: string; starts: string[] }[] {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const timezone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
	return calendar.getAllSubcomponents('vevent').map((component) => {
		const event = new ICAL.Event(component);
		event.startDate.zone = timezone;
		const iterator = event.iterator();
		const starts: string[] = [];
		for (let next = iterator.next(); next && starts.length < count; next = iterator.next()) {
			next.zone = timezone;
			starts.push(next.toString().slice(0, 16));
		}
		return { dtstart: event.startDate.toString().slice(0, 16), starts };
	});
}

const ownStarts = (startsAt: string, rrule: string, count: number) =>
	expandSchedule([{ startsAt, rrule }], startsAt, '2031-01-01T00:00')
		.slice(0, count)
		.map((occurrence) => occurrence.startsAt);

describe('offerCalendar', () => {
	const cases = [
		{ name: 'Monday to Friday', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', first: '2026-12-07' },
		{ name: 'weekly on Tuesday', rrule: 'FREQ=WEEKLY;BYDAY=TU', first: '2026-12-08' },
		{ name: 'monthly on the 2nd Wednesday', rrule: 'FREQ=MONTHLY;BYDAY=2WE', first: '2026-12-09' }
	];

	for (const { name, rrule, first } of cases) {
		it(`starts a ${name} series entered on a Saturday at its first real date`, () => {
			const startsAt = `${SATURDAY}T18:00`;
			const ics = offerCalendar(
				offerWith([{ startsAt, endsAt: `${SATURDAY}T19:30`, rrule }]),
				'https://example.org/de/offers/sprachcafe',
				'example.org'
			);
			const [event] = expandedStarts(ics, 40);
			expect(event!.dtstart).toBe(`${first}T18:00`);
			expect(event!.starts[0]).toBe(event!.dtstart);
			// Exactly the dates the offer page lists, none on a Saturday, 18:00 across the year.
			expect(event!.starts).toEqual(ownStarts(startsAt, rrule, 40));
			expect(event!.starts.filter((start) => start.startsWith(SATURDAY))).toEqual([]);
		});
	}

	it('keeps 18:00 Berlin time across the switch to summer time', () => {
		const startsAt = '2027-03-20T18:00'; // a Saturday, eight days before the switch
		const rrule = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
		const ics = offerCalendar(offerWith([{ startsAt, rrule }]), 'https://x.example', 'x.example');
		const [event] = expandedStarts(ics, 15);
		expect(event!.dtstart).toBe('2027-03-22T18:00');
		expect(event!.starts).toEqual(ownStarts(startsAt, rrule, 15));
		expect(event!.starts).toContain('2027-03-29T18:00');
	});

	it('leaves out a series whose rule never occurs and keeps one-off dates as they are', () => {
		const ics = offerCalendar(
			offerWith([
				{ startsAt: '2026-12-05T10:00', rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261206T000000' },
				{ startsAt: '2026-12-12T10:00', endsAt: '2026-12-12T12:00' }
			]),
			'https://x.example',
			'x.example'
		);
		expect(expandedStarts(ics, 5)).toEqual([
			{ dtstart: '2026-12-12T10:00', starts: ['2026-12-12T10:00'] }
		]);
	});
});
