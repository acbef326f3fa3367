import { describe, expect, it } from 'vitest';
import type { SearchConcept } from './concept.js';
import { ThesaurusValidationError, type ThesaurusIssue } from './thesaurus.errors.js';
import { parseConcept, parseThesaurusFile } from './thesaurus.schema.js';

const concept: SearchConcept = {
	key: 'german-course',
	labels: { de: 'Deutschkurs', tr: 'Almanca kursu' },
	phrases: { de: ['Deutschkurs', 'Sprachkurs'], tr: ['Almanca kursu'], latin: ['kursy nemeckogo'] },
	actionFields: ['language'],
	targetGroups: [],
	germanCourse: true,
	terms: ['Integrationskurs'],
	broader: null
};

/** The issues a concept is refused with; none if it is taken. */
function refusal(input: unknown): ThesaurusIssue[] {
	try {
		parseConcept(input);
	} catch (failure) {
		if (failure instanceof ThesaurusValidationError) return failure.issues;
		throw failure;
	}
	return [];
}

const issues = (input: unknown) => refusal(input).map((issue) => `${issue.path} ${issue.code}`);

describe('a search concept', () => {
	it('is kept with phrases trimmed, empty labels and languages left out, codes once', () => {
		expect(
			parseConcept({
				...concept,
				labels: { de: ' Deutschkurs ', en: '  ' },
				phrases: { de: ['  Deutschkurs '], ru: [] },
				actionFields: ['language', 'language']
			})
		).toEqual({
			...concept,
			labels: { de: 'Deutschkurs' },
			phrases: { de: ['Deutschkurs'] },
			actionFields: ['language']
		});
	});

	it('has a key of lower-case letters, digits and hyphens', () => {
		expect(issues({ ...concept, key: 'German course' })).toEqual(['key key_format']);
		expect(issues({ ...concept, key: 'x' })).toEqual(['key key_format']);
		expect(issues({ ...concept, key: 'a'.repeat(61) })).toEqual(['key key_format']);
		expect(issues({ ...concept, key: 'job-2' })).toEqual([]);
	});

	it('needs its German label', () => {
		expect(issues({ ...concept, labels: { en: 'German course' } })).toEqual([
			'labels.de label_required'
		]);
		expect(issues({ ...concept, labels: { de: ' ' } })).toEqual(['labels.de label_required']);
		expect(issues({ ...concept, labels: { de: 'x'.repeat(101) } })).toEqual([
			'labels.de label_long'
		]);
	});

	it('knows only the portal languages and Latin letters', () => {
		expect(issues({ ...concept, phrases: { ...concept.phrases, xx: ['a'] } })).toEqual([
			'phrases unrecognized_keys'
		]);
		expect(issues({ ...concept, labels: { de: 'Deutschkurs', latin: 'x' } })).toEqual([
			'labels unrecognized_keys'
		]);
	});

	it('refuses empty, long, too many and repeated phrases, naming the repeated one', () => {
		expect(issues({ ...concept, phrases: { de: ['Kurs', ' '] } })).toEqual([
			'phrases.de.1 entry_empty'
		]);
		expect(issues({ ...concept, phrases: { de: ['x'.repeat(81)] } })).toEqual([
			'phrases.de.0 entry_long'
		]);
		const many = Array.from({ length: 61 }, (_, index) => `Kurs ${index}`);
		expect(issues({ ...concept, phrases: { de: many } })).toEqual(['phrases.de entries_many']);
		expect(issues({ ...concept, phrases: { tr: ['Almanca kursu', 'ALMANCA KURSU '] } })).toEqual([
			'phrases.tr.1 entry_duplicate'
		]);
		expect(refusal({ ...concept, terms: ['Kurs', 'kurs'] })).toEqual([
			{ path: 'terms.1', code: 'entry_duplicate', params: { entry: 'kurs' } }
		]);
	});

	it('needs a phrase and a meaning', () => {
		expect(issues({ ...concept, phrases: {} })).toEqual(['phrases no_phrase']);
		expect(
			issues({ ...concept, actionFields: [], targetGroups: [], germanCourse: false, terms: [] })
		).toEqual(['actionFields no_meaning']);
		expect(
			issues({
				...concept,
				actionFields: [],
				germanCourse: false,
				terms: [],
				targetGroups: ['women']
			})
		).toEqual([]);
	});

	it('takes only known action fields and target groups', () => {
		expect(issues({ ...concept, actionFields: ['cooking'] })).toEqual([
			'actionFields.0 invalid_value'
		]);
		expect(issues({ ...concept, targetGroups: ['cats'] })).toEqual([
			'targetGroups.0 invalid_value'
		]);
	});
});

describe('a thesaurus file', () => {
	it('holds concepts with keys used once', () => {
		expect(parseThesaurusFile({ concepts: [concept] }).concepts).toHaveLength(1);
		expect(() => parseThesaurusFile({ concepts: [concept, concept] })).toThrow(
			'concepts.1.key: key_taken'
		);
		expect(() => parseThesaurusFile({ concepts: [{ ...concept, key: '' }] })).toThrow(
			'concepts.0.key: key_format'
		);
	});

	it('names as wider concept one of its concepts, never one leading back', () => {
		const learning = { ...concept, key: 'learn-german', broader: null };
		const course = { ...concept, broader: 'learn-german' };
		expect(parseThesaurusFile({ concepts: [course, learning] }).concepts[0]!.broader).toBe(
			'learn-german'
		);
		// Without the property, a concept belongs to none.
		const withoutBroader: Partial<SearchConcept> = { ...learning };
		delete withoutBroader.broader;
		expect(parseThesaurusFile({ concepts: [withoutBroader] }).concepts[0]!.broader).toBeNull();
		expect(() => parseThesaurusFile({ concepts: [course] })).toThrow(
			'concepts.0.broader: broader_unknown'
		);
		expect(() =>
			parseThesaurusFile({ concepts: [course, { ...learning, broader: 'german-course' }] })
		).toThrow('concepts.0.broader: broader_cycle');
		expect(issues({ ...concept, broader: 'german-course' })).toEqual(['broader broader_cycle']);
	});
});
