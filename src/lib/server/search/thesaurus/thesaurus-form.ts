import { LOCALES, type Locale } from '../../../i18n/locales.js';
import { ACTION_FIELDS } from '../../action-fields/action-fields.js';
import { TARGET_GROUPS } from '../../offers/offers.schema.js';
import type { KeysUnder, MessageKey } from '../../../i18n/messages.js';
import type { FormError } from '../../../shared/forms/form-error.js';
import { formList, formText } from '../../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../../shared/forms/form-errors.js';
import type { PhraseScript, SearchConcept } from './concept.js';
import type { ThesaurusIssue } from './thesaurus.errors.js';
import { MAX_ENTRIES, MAX_ENTRY_LENGTH, PHRASE_SCRIPTS } from './thesaurus.schema.js';

/**
 * The concept form as plain values, shown again as typed on errors: one input per language for
 * the label (`label-<locale>`), one text area per language for the phrases (`phrases-<script>`),
 * one phrase per line, one for the German terms, and the wider concept's key ('' for none).
 */
export interface ConceptFormValues {
	key: string;
	labels: Record<Locale, string>;
	phrases: Record<PhraseScript, string>;
	actionFields: string[];
	targetGroups: string[];
	germanCourse: boolean;
	terms: string;
	broader: string;
}

// Generous bounds: the domain names what is too long; these only keep a post from being huge.
const LINES_MAX = (MAX_ENTRIES + 20) * (MAX_ENTRY_LENGTH + 20);

const byLanguage = <K extends string>(codes: readonly K[], value: (code: K) => string) =>
	Object.fromEntries(codes.map((code) => [code, value(code)])) as Record<K, string>;

export const emptyConceptForm = (): ConceptFormValues => ({
	key: '',
	labels: byLanguage(LOCALES, () => ''),
	phrases: byLanguage(PHRASE_SCRIPTS, () => ''),
	actionFields: [],
	targetGroups: [],
	germanCourse: false,
	terms: '',
	broader: ''
});

export const conceptFormValues = (concept: SearchConcept): ConceptFormValues => ({
	key: concept.key,
	labels: byLanguage(LOCALES, (code) => concept.labels[code] ?? ''),
	phrases: byLanguage(PHRASE_SCRIPTS, (code) => (concept.phrases[code] ?? []).join('\n')),
	actionFields: [...concept.actionFields],
	targetGroups: [...concept.targetGroups],
	germanCourse: concept.germanCourse,
	terms: concept.terms.join('\n'),
	broader: concept.broader ?? ''
});

export const readConceptForm = (form: FormData): ConceptFormValues => ({
	key: formText(form, 'key', 200),
	labels: byLanguage(LOCALES, (code) => formText(form, `label-${code}`, 1000)),
	phrases: byLanguage(PHRASE_SCRIPTS, (code) => formText(form, `phrases-${code}`, LINES_MAX)),
	actionFields: formList(form, 'actionFields', { count: 40, itemMax: 60, drop: true }),
	targetGroups: formList(form, 'targetGroups', { count: 40, itemMax: 60, drop: true }),
	germanCourse: form.get('germanCourse') === 'on',
	terms: formText(form, 'terms', LINES_MAX),
	broader: formText(form, 'broader', 200)
});

/** The non-blank lines of a text area; blank lines only space the list out. */
const linesOf = (text: string) =>
	text
		.split(/\r\n|\r|\n/)
		.map((line) => line.trim())
		.filter(Boolean);

export function conceptInputOf(values: ConceptFormValues): SearchConcept {
	const labels: SearchConcept['labels'] = {};
	for (const code of LOCALES) if (values.labels[code].trim()) labels[code] = values.labels[code];
	const phrases: SearchConcept['phrases'] = {};
	for (const code of PHRASE_SCRIPTS) {
		const lines = linesOf(values.phrases[code]);
		if (lines.length) phrases[code] = lines;
	}
	return {
		key: values.key.trim(),
		labels,
		phrases,
		actionFields: values.actionFields,
		targetGroups: values.targetGroups,
		germanCourse: values.germanCourse,
		terms: linesOf(values.terms),
		broader: values.broader.trim() || null
	};
}

type Code = KeysUnder<'office.searchConcepts.error.'>;
const CODES: readonly Code[] = [
	'broader_cycle',
	'broader_unknown',
	'entries_many',
	'entry_duplicate',
	'entry_empty',
	'entry_long',
	'key_format',
	'key_taken',
	'label_long',
	'label_required',
	'no_meaning',
	'no_phrase'
];
const isCode = (code: string): code is Code => (CODES as readonly string[]).includes(code);

/** The input an issue belongs to: `phrases.tr.2` → `phrases-tr`, `labels.de` → `label-de`. */
function inputOf(path: string): string {
	const [field, language] = path.split('.');
	if (field === 'labels') return `label-${language ?? 'de'}`;
	if (field === 'phrases') return `phrases-${language ?? 'de'}`;
	return field || 'key';
}

/** Each input's first problem as a catalogue key. */
export function conceptFormErrors(issues: readonly ThesaurusIssue[]): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => {
		const key: MessageKey = `office.searchConcepts.error.${isCode(issue.code) ? issue.code : 'invalid'}`;
		return [inputOf(issue.path), { key, ...(issue.params ? { params: issue.params } : {}) }];
	});
}

/**
 * What the form offers: codes as checkboxes, and as wider concept every other concept (by its
 * German label) of `concepts`.
 */
export const conceptFormOptions = (
	concepts: readonly Pick<SearchConcept, 'key' | 'labels'>[],
	ownKey: string | null
) => ({
	actionFields: ACTION_FIELDS,
	targetGroups: TARGET_GROUPS,
	broader: concepts
		.filter((concept) => concept.key !== ownKey)
		.map((concept) => ({ value: concept.key, label: concept.labels.de ?? concept.key }))
});
