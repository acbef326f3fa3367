import { describe, expect, it } from 'vitest';
import { matchesFilters, parseContactFilters, type Filterable } from './contact-filters.js';

const person: Filterable = {
	name: 'Ayşe Yıldız',
	roleTitle: 'Koordinatorin',
	organisationId: 7,
	organisationName: 'Interkultureller Frauentreff Harrislee e.V.',
	languages: ['tr', 'de'],
	actionFields: ['women'],
	consentKeys: ['network_work']
};
const passes = (query: string) =>
	matchesFilters(person, parseContactFilters(new URLSearchParams(query)));

describe('contact filters', () => {
	it('match every word in name, organisation and role, ignoring case and accents', () => {
		expect(passes('q=ayse yildiz')).toBe(true);
		expect(passes('q=FRAUENTREFF koordinator')).toBe(true);
		expect(passes('q=ayse flensburg')).toBe(false);
	});

	it('filter by organisation, action field, language and consent', () => {
		expect(passes('organisation=7&field=women&language=tr&consent=network_work')).toBe(true);
		expect(passes('organisation=8')).toBe(false);
		expect(passes('field=work')).toBe(false);
		expect(passes('consent=any')).toBe(true);
		expect(passes('consent=none')).toBe(false);
		expect(passes('consent=information_mail')).toBe(false);
	});

	it('ignore what they do not know', () => {
		expect(
			parseContactFilters(new URLSearchParams('organisation=-1&field=x&language=<b>'))
		).toEqual({
			q: '',
			organisationId: null,
			actionField: null,
			language: null,
			consent: null
		});
	});
});
