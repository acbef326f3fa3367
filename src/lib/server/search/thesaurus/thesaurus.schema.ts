import { z } from 'zod';
import { LOCALES } from '../../../i18n/locales.js';
import { ACTION_FIELDS } from '../../action-fields/action-fields.js';
import { TARGET_GROUPS } from '../../offers/offers.schema.js';
import type { PhraseScript, SearchConcept } from './concept.js';
import { ThesaurusValidationError, type ThesaurusIssue } from './thesaurus.errors.js';

/**
 * Every language a phrase can be written in: the portal languages, then Latin transliterations;
 * labels and phrases are stored and exported in this order.
 */
export const PHRASE_SCRIPTS: readonly PhraseScript[] = [...LOCALES, 'latin'];

/** Changes whenever a concept changes, so that the search rebuilds what it derived from them. */
export const THESAURUS_VERSION_SETTING = 'search.thesaurus.version';
/** The thesaurus version of a database whose thesaurus never changed. */
export const NO_THESAURUS_VERSION = 'initial';
/**
 * The default file last applied: its fingerprint and the keys it held (JSON), so that a new file
 * reaches the concepts no coordinator touched and concepts a coordinator deleted stay deleted.
 */
export const THESAURUS_DEFAULTS_SETTING = 'search.thesaurus.defaults_loaded';

export const MAX_ENTRY_LENGTH = 80;
export const MAX_ENTRIES = 60;
export const MAX_LABEL_LENGTH = 100;

// Our own rule codes are the messages of checks; zod's own messages are sentences.
const OWN_CODE = /^[a-z][a-z_]*$/;

/** Phrases or terms of one language: trimmed, none empty or too long, no two alike in any case. */
const entries = z
	.array(
		z
			.string()
			.trim()
			.min(1, { message: 'entry_empty' })
			.max(MAX_ENTRY_LENGTH, { message: 'entry_long' })
	)
	.max(MAX_ENTRIES, { message: 'entries_many' })
	.superRefine((list, context) => {
		const seen = new Set<string>();
		list.forEach((entry, index) => {
			const folded = entry.toLocaleLowerCase('de');
			if (seen.has(folded))
				context.addIssue({
					code: 'custom',
					path: [index],
					message: 'entry_duplicate',
					params: { entry }
				});
			seen.add(folded);
		});
	});

const codes = <const T extends readonly [string, ...string[]]>(values: T) =>
	z
		.array(z.enum(values))
		.max(values.length * 2)
		.transform((list) => [...new Set(list)]);

const dropEmpty = <V extends string | string[]>(record: Partial<Record<string, V>>) =>
	Object.fromEntries(Object.entries(record).filter(([, value]) => value && value.length > 0));

const KEY = /^[a-z0-9-]{2,60}$/;

export const searchConceptSchema = z
	.object({
		key: z.string().regex(KEY, { message: 'key_format' }),
		labels: z
			.partialRecord(
				z.enum(LOCALES),
				z.string().trim().max(MAX_LABEL_LENGTH, { message: 'label_long' })
			)
			.superRefine((labels, context) => {
				if (!labels.de)
					context.addIssue({ code: 'custom', path: ['de'], message: 'label_required' });
			})
			.transform((labels) => dropEmpty(labels) as SearchConcept['labels']),
		phrases: z
			.partialRecord(z.enum(PHRASE_SCRIPTS as [PhraseScript, ...PhraseScript[]]), entries)
			.transform((phrases) => dropEmpty(phrases) as SearchConcept['phrases']),
		actionFields: codes(ACTION_FIELDS),
		targetGroups: codes(TARGET_GROUPS),
		germanCourse: z.boolean(),
		terms: entries,
		broader: z.string().regex(KEY, { message: 'broader_unknown' }).nullable().default(null)
	})
	.superRefine((concept, context) => {
		if (concept.broader === concept.key)
			context.addIssue({ code: 'custom', path: ['broader'], message: 'broader_cycle' });
		if (Object.keys(concept.phrases).length === 0)
			context.addIssue({ code: 'custom', path: ['phrases'], message: 'no_phrase' });
		const meaning =
			concept.terms.length > 0 ||
			concept.actionFields.length > 0 ||
			concept.targetGroups.length > 0 ||
			concept.germanCourse;
		if (!meaning)
			context.addIssue({ code: 'custom', path: ['actionFields'], message: 'no_meaning' });
	});

/** The default thesaurus file (content/search/thesaurus.json) and the JSON download. */
export const thesaurusFileSchema = z
	.object({ concepts: z.array(searchConceptSchema) })
	.superRefine((file, context) => {
		const seen = new Set<string>();
		file.concepts.forEach((concept, index) => {
			if (seen.has(concept.key))
				context.addIssue({
					code: 'custom',
					path: ['concepts', index, 'key'],
					message: 'key_taken',
					params: { key: concept.key }
				});
			seen.add(concept.key);
		});
		file.concepts.forEach((concept, index) => {
			const problem = broaderProblem(file.concepts, concept);
			if (problem)
				context.addIssue({
					code: 'custom',
					path: ['concepts', index, 'broader'],
					message: problem,
					params: { key: concept.broader ?? '' }
				});
		});
	});

/**
 * Why a concept's wider concept cannot be (among `concepts`, which hold it under its key): unknown,
 * or the concept itself somewhere up the chain; null when it can.
 */
export function broaderProblem(
	concepts: readonly Pick<SearchConcept, 'key' | 'broader'>[],
	concept: Pick<SearchConcept, 'key' | 'broader'>
): 'broader_unknown' | 'broader_cycle' | null {
	const byKey = new Map(concepts.map((other) => [other.key, other]));
	const seen = new Set([concept.key]);
	for (let key = concept.broader; key !== null;) {
		if (seen.has(key)) return 'broader_cycle';
		const wider = byKey.get(key);
		if (!wider) return 'broader_unknown';
		seen.add(key);
		key = wider.broader;
	}
	return null;
}

export interface ThesaurusFile {
	concepts: SearchConcept[];
}

function issuesOf(error: z.ZodError): ThesaurusIssue[] {
	return error.issues.map((issue) => {
		const own = issue.code === 'custom' || OWN_CODE.test(issue.message);
		const params = issue.code === 'custom' ? (issue.params as ThesaurusIssue['params']) : undefined;
		return {
			path: issue.path.join('.'),
			code: own ? issue.message : issue.code,
			...(params ? { params } : {})
		};
	});
}

/** A concept as the thesaurus stores it, or every problem with it at once. */
export function parseConcept(input: unknown): SearchConcept {
	const parsed = searchConceptSchema.safeParse(input);
	if (!parsed.success) throw new ThesaurusValidationError(issuesOf(parsed.error));
	return parsed.data;
}

/** A whole thesaurus file, or every problem with it (paths start at `concepts.<index>`). */
export function parseThesaurusFile(input: unknown): ThesaurusFile {
	const parsed = thesaurusFileSchema.safeParse(input);
	if (!parsed.success) throw new ThesaurusValidationError(issuesOf(parsed.error));
	return parsed.data;
}
