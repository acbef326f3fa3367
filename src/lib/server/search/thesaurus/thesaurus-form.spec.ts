import { describe, expect, it } from 'vitest';
import {
	conceptFormErrors,
	conceptFormValues,
	conceptInputOf,
	emptyConceptForm,
	readConceptForm
} from './thesaurus-form.js';

describe('the concept form', () => {
	it('reads one phrase per line, leaving out blank lines and languages left empty', () => {
		const form = new FormData();
		form.set('key', ' doctor ');
		form.set('label-de', 'Arzt');
		form.set('label-en', ' ');
		form.set('phrases-de', 'Arzt\r\n\r\n  Ärztin  \n');
		form.set('phrases-tr', 'doktor');
		form.append('actionFields', 'health');
		form.append('targetGroups', 'x'.repeat(200));
		form.set('germanCourse', 'on');
		form.set('terms', 'Praxis\n');
		expect(conceptInputOf(readConceptForm(form))).toEqual({
			key: 'doctor',
			labels: { de: 'Arzt' },
			phrases: { de: ['Arzt', 'Ärztin'], tr: ['doktor'] },
			actionFields: ['health'],
			targetGroups: [],
			germanCourse: true,
			terms: ['Praxis'],
			broader: null
		});
	});

	it('shows a stored concept again as it reads it', () => {
		const concept = {
			key: 'women',
			labels: { de: 'Frauen', tr: 'Kadınlar' },
			phrases: { de: ['Frauen', 'Frauentreff'], latin: ['zhenshchiny'] },
			actionFields: [],
			targetGroups: ['women'],
			germanCourse: false,
			terms: [],
			broader: null
		};
		expect(conceptInputOf(conceptFormValues(concept))).toEqual(concept);
		expect(conceptInputOf(conceptFormValues({ ...concept, broader: 'meeting-people' }))).toEqual({
			...concept,
			broader: 'meeting-people'
		});
		expect(conceptInputOf(emptyConceptForm()).phrases).toEqual({});
		expect(conceptInputOf(emptyConceptForm()).broader).toBeNull();
	});

	it('puts each problem at its input, a repeated phrase named', () => {
		expect(
			conceptFormErrors([
				{ path: 'labels.de', code: 'label_required' },
				{ path: 'phrases.tr.1', code: 'entry_duplicate', params: { entry: 'kadın' } },
				{ path: 'phrases.tr.2', code: 'entry_long' },
				{ path: 'phrases', code: 'no_phrase' },
				{ path: 'actionFields.0', code: 'invalid_value' },
				{ path: 'key', code: 'key_taken', params: { key: 'women' } }
			])
		).toEqual({
			'label-de': { key: 'office.searchConcepts.error.label_required' },
			'phrases-tr': {
				key: 'office.searchConcepts.error.entry_duplicate',
				params: { entry: 'kadın' }
			},
			'phrases-de': { key: 'office.searchConcepts.error.no_phrase' },
			actionFields: { key: 'office.searchConcepts.error.invalid' },
			key: { key: 'office.searchConcepts.error.key_taken', params: { key: 'women' } }
		});
	});
});
