import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/messages.js';
import { COLUMNS, type RowCells } from './columns.js';
import { mapRow, type RowContext } from './row-mapper.js';
import { validateRow } from './row-validation.js';
import { templateRows } from './template.js';

const context: RowContext = {
	organisations: [
		{ id: 1, name: 'Volkshochschule Kappeln', allowed: true },
		{ id: 2, name: 'AWO Kreisverband', allowed: false }
	],
	defaultOrganisationId: 1,
	findPlace: (text) => ({ kappeln: { id: 7 }, '24376': { id: 7 } })[text.toLowerCase()]
};

const example = Object.fromEntries(
	COLUMNS.map((column, index) => [column.key, templateRows()[1]![index]!])
) as RowCells;

function check(overrides: Partial<RowCells>) {
	const cells = { ...example, ...overrides };
	const mapped = mapRow(cells, 2, context);
	return { input: mapped.input, problems: validateRow(mapped, cells) };
}

const described = (problems: ReturnType<typeof check>['problems']) =>
	problems.map((problem) => `${problem.column}: ${translator('de')(problem.key, problem.params)}`);

describe('mapping a template row to an offer', () => {
	it('reads the template example into a valid draft', () => {
		const { input, problems } = check({});
		expect(problems).toEqual([]);
		expect(input).toMatchObject({
			organisationId: 1,
			actionFields: ['language', 'women'],
			languages: ['de', 'ar'],
			languageLevel: 'none',
			languageLevelExit: 'A1',
			cost: { kind: 'reduced', cents: 2500 },
			access: 'registration',
			location: { kind: 'address', street: 'Schulstraße 4', placeId: 7 },
			schedule: {
				kind: 'recurring',
				entries: [
					{
						startsAt: '2026-06-02T18:00',
						endsAt: '2026-06-02T19:30',
						rrule: 'FREQ=WEEKLY;BYDAY=TU,TH'
					}
				]
			},
			validFrom: '2026-06-01',
			status: 'draft'
		});
	});

	it('words each problem for its column in plain language', () => {
		const { problems } = check({
			actionFields: 'Sprache, Kochen',
			organisation: 'AWO Kreisverband',
			amount: 'viel',
			title: 'x'.repeat(201),
			rrule: 'jeden Dienstag',
			validTo: '01.01.2020'
		});
		expect(described(problems)).toEqual([
			'Träger: Für „AWO Kreisverband“ dürfen Sie keine Angebote importieren. Sie können nur für Ihre eigene Organisation importieren.',
			expect.stringMatching(
				/^Handlungsfelder: „Kochen“ ist kein bekanntes Handlungsfeld\. Erlaubt sind: Wohnen, Sprache, Arbeit, /
			),
			'Betrag: „viel“ ist kein Betrag. Schreiben Sie z. B. 25 oder 12,50.',
			'Titel: Der Text ist zu lang: höchstens 200 Zeichen.',
			'Gültig bis: „Gültig bis“ liegt vor „Gültig ab“.',
			'Wiederholung: „jeden Dienstag“ ist keine gültige Wiederholungsregel. Beispiel: FREQ=WEEKLY;BYDAY=TU für jeden Dienstag.'
		]);
	});

	it('tells apart dates, appointments and series', () => {
		expect(check({ dates: '', rrule: '' }).input.schedule).toEqual({ kind: 'appointment' });
		expect(
			check({ dates: '01.07.2026 10:00, 08.07.2026 10:00', rrule: '' }).input.schedule
		).toMatchObject({
			kind: 'dates',
			entries: [{ startsAt: '2026-07-01T10:00' }, { startsAt: '2026-07-08T10:00' }]
		});
		expect(described(check({ dates: '', rrule: 'FREQ=WEEKLY' }).problems)).toEqual([
			'Wiederholung: Für eine Wiederholung braucht es in „Termine“ den ersten Termin, z. B. 02.06.2026 18:00-19:30.'
		]);
		expect(
			check({
				dates: '01.07.2026 10:00, 02.07.2026 10:00',
				rrule: 'FREQ=WEEKLY | FREQ=MONTHLY | FREQ=DAILY'
			}).problems[0]
		).toMatchObject({ column: 'Wiederholung', params: { rules: 3, dates: 2 } });
	});

	it('wants an address or a link, never both, and free offers without amount', () => {
		expect(check({ street: '', place: '', onlineUrl: 'www.example.org' }).input.location).toEqual({
			kind: 'online',
			url: 'https://www.example.org'
		});
		const keys = (overrides: Partial<RowCells>) =>
			check(overrides).problems.map(
				(problem) => `${problem.column} ${problem.key.split('.').at(-1)}`
			);
		expect(keys({ onlineUrl: 'https://example.org' })).toEqual(['Online-Link addressAndOnline']);
		expect(keys({ street: '', place: '' })).toEqual(['Ort noLocation']);
		expect(keys({ place: 'Atlantis' })).toEqual(['Ort unknownPlace']);
		expect(keys({ cost: 'kostenlos' })).toEqual([
			'Betrag amountWithFree',
			'Kostenhinweis noteWithFree'
		]);
		expect(keys({ cost: '', amount: '', costNote: '' })).toEqual([]);
		expect(keys({ organisation: 'Unbekannter Verein' })).toEqual(['Träger unknownOrganisation']);
	});

	it('reads the level an offer leads to, which must be above the level it asks for', () => {
		expect(check({ languageLevel: 'A2', languageLevelExit: 'b1' }).input.languageLevelExit).toBe(
			'B1'
		);
		expect(check({ languageLevelExit: '' }).input.languageLevelExit).toBeNull();
		expect(described(check({ languageLevel: 'B1', languageLevelExit: 'A2' }).problems)).toEqual([
			'Sprachniveau am Ende: „A2“ liegt nicht über dem Sprachniveau „B1“. Das Sprachniveau am Ende muss höher sein oder leer bleiben.'
		]);
		expect(described(check({ languageLevelExit: 'keine' }).problems)).toEqual([
			'Sprachniveau am Ende: „keine“ ist kein bekanntes Sprachniveau. Erlaubt sind: A1, A2, B1, B2, C1.'
		]);
	});
});
