import { describe, expect, it } from 'vitest';
import { hsdsServiceProblems, SCHEMA_TIMEOUT_MS } from '../../../../tests/support/hsds-schema.js';
import type { ExportOffer } from './export-offer.js';
import { hsdsService, stableUuid } from './hsds.js';

const offer: ExportOffer = {
	id: 3,
	slug: 'frauencafe-3',
	title: 'Frauencafé',
	summary: 'Treffpunkt für Frauen.',
	description: '',
	organisation: { id: 9, name: 'Treffpunkt e.V.', email: null, phone: '0461 1', website: null },
	actionFields: ['women'],
	targetGroups: ['women', 'newcomers'],
	languages: ['de'],
	accessibility: [],
	languageLevel: 'none',
	languageLevelExit: null,
	cost: { kind: 'free', cents: null, note: null },
	access: 'walk_in',
	location: { kind: 'online', url: 'https://example.org' },
	schedule: {
		kind: 'recurring',
		entries: [
			{ startsAt: '2026-06-26T15:00', endsAt: null, rrule: 'FREQ=MONTHLY;BYDAY=-1FR' },
			{ startsAt: '2026-06-01T09:00', endsAt: '2026-06-01T10:00', rrule: 'FREQ=DAILY;COUNT=5' },
			{ startsAt: '2026-06-03T09:00', endsAt: null, rrule: 'FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2' },
			{ startsAt: '2026-06-03T09:00', endsAt: null, rrule: 'FREQ=YEARLY' }
		]
	},
	validFrom: null,
	validTo: '2026-12-31',
	contact: { name: null, phone: null, email: null },
	lastVerifiedAt: '2026-05-01T10:00:00.000Z'
};

describe('HSDS 3.0', () => {
	it('makes name-based UUIDs that stay the same', () => {
		expect(stableUuid('a')).toBe(stableUuid('a'));
		expect(stableUuid('a')).not.toBe(stableUuid('b'));
		expect(stableUuid('a')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
	});

	it('turns recurrence rules into the schedule columns HSDS has', () => {
		const service = hsdsService(offer, { origin: 'https://kitz.example' });
		expect(service.schedules).toMatchObject([
			{
				freq: 'MONTHLY',
				interval: 1,
				byday: '-1FR',
				opens_at: '15:00',
				valid_to: '2026-12-31'
			},
			{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', count: 5, closes_at: '10:00' },
			{ freq: 'MONTHLY', byday: '2WE' },
			{ dtstart: '2026-06-03', notes: expect.stringContaining('RRULE FREQ=YEARLY') }
		]);
		expect(service.schedules[0]).not.toHaveProperty('closes_at');
		expect(service.schedules[3]).not.toHaveProperty('freq');
		expect(service).toMatchObject({
			fees_description: 'kostenlos',
			application_process: 'ohne Anmeldung',
			eligibility_description: 'Frauen, Neu Zugewanderte',
			assured_date: '2026-05-01',
			contacts: [],
			cost_options: [],
			organization: { phones: [{ number: '0461 1' }] },
			attributes: [{ link_type: 'service', taxonomy_term: { code: 'women', name: 'Frauen' } }]
		});
	});

	it('describes an offer by appointment as such', () => {
		const service = hsdsService(
			{ ...offer, schedule: { kind: 'appointment', entries: [] } },
			{ origin: 'https://kitz.example' }
		);
		expect(service.schedules).toEqual([
			{ id: expect.any(String), service_id: service.id, description: 'Termin nach Vereinbarung' }
		]);
	});

	it(
		'leaves absent values out, as the HSDS 3.0 schema wants, instead of writing null',
		() => {
			const problemsOf = hsdsServiceProblems();
			const open = { ...offer, validTo: null };
			const paid = { ...offer, cost: { kind: 'fee' as const, cents: 300, note: null } };
			for (const service of [open, paid].map((o) =>
				hsdsService(o, { origin: 'https://kitz.example' })
			))
				expect(problemsOf(service)).toEqual([]);
		},
		SCHEMA_TIMEOUT_MS
	);
});
