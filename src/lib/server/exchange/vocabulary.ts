import { catalogue } from '../../i18n/messages.js';
import { fold } from '../../shared/text/fold.js';
import {
	ACCESS_KINDS,
	ACCESSIBILITY_FEATURES,
	EXIT_LEVELS,
	LANGUAGE_LEVELS,
	TARGET_GROUPS
} from '../offers/offers.schema.js';
import { DELIVERY_LANGUAGES } from '../organisations/organisations.schema.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';

/** The coded values a spreadsheet cell can name by code or by its German label. */
export type Vocabulary =
	| 'actionFields'
	| 'targetGroups'
	| 'languages'
	| 'languageLevel'
	| 'languageLevelExit'
	| 'cost'
	| 'access'
	| 'accessibility';

const COST_KINDS = ['free', 'amount', 'reduced'] as const;

const CODES: Record<Vocabulary, readonly string[]> = {
	actionFields: ACTION_FIELDS,
	targetGroups: TARGET_GROUPS,
	languages: DELIVERY_LANGUAGES,
	languageLevel: LANGUAGE_LEVELS,
	// Not 'none': "keine" at the end is no level, and the message lists what is.
	languageLevelExit: EXIT_LEVELS,
	cost: COST_KINDS,
	access: ACCESS_KINDS,
	accessibility: ACCESSIBILITY_FEATURES
};

const german = catalogue('de');
const languageNames = {
	de: new Intl.DisplayNames('de', { type: 'language' }),
	en: new Intl.DisplayNames('en', { type: 'language' })
};

/** The label written into exports: short German words people also type. */
const SHORT_LABELS: Partial<Record<Vocabulary, Record<string, string>>> = {
	languageLevel: { none: 'keine', A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1' },
	cost: { free: 'kostenlos', amount: 'kostenpflichtig', reduced: 'ermäßigt möglich' },
	access: { walk_in: 'ohne Anmeldung', registration: 'mit Anmeldung', referral: 'mit Überweisung' }
};

const CATALOGUE_PREFIX: Partial<Record<Vocabulary, string>> = {
	actionFields: 'field.',
	targetGroups: 'group.',
	languageLevel: 'level.',
	access: 'access.',
	accessibility: 'accessibility.'
};

/** Further words accepted on import. */
const SYNONYMS: Partial<Record<Vocabulary, Record<string, string>>> = {
	languages: { farsi: 'fa', dari: 'fa' },
	languageLevel: { 'keine deutschkenntnisse': 'none', 'keine deutschkenntnisse notig': 'none' },
	cost: {
		gratis: 'free',
		kostenfrei: 'free',
		frei: 'free',
		betrag: 'amount',
		ermassigt: 'reduced'
	},
	access: {
		'einfach vorbeikommen': 'walk_in',
		offen: 'walk_in',
		anmeldung: 'registration',
		'mit zuweisung': 'referral',
		uberweisung: 'referral',
		zuweisung: 'referral'
	}
};

/** The German label of a code, as exports write it. */
export function labelOf(vocabulary: Vocabulary, code: string): string {
	const short = SHORT_LABELS[vocabulary]?.[code];
	if (short) return short;
	if (vocabulary === 'languages') return languageNames.de.of(code) ?? code;
	const prefix = CATALOGUE_PREFIX[vocabulary];
	return (prefix && german[prefix + code]) || code;
}

const matchKey = (text: string) =>
	fold(text)
		.replace(/[–—-]/g, ' ')
		.replace(/[^\p{L}\p{N} ]/gu, '')
		.replace(/\s+/g, ' ')
		.trim();

const LOOKUP = Object.fromEntries(
	(Object.keys(CODES) as Vocabulary[]).map((vocabulary) => {
		const entries = new Map<string, string>();
		for (const code of CODES[vocabulary]) {
			const names = [code, labelOf(vocabulary, code)];
			const prefix = CATALOGUE_PREFIX[vocabulary];
			if (prefix && german[prefix + code]) names.push(german[prefix + code]!);
			if (vocabulary === 'languages') names.push(languageNames.en.of(code) ?? code);
			for (const name of names) entries.set(matchKey(name), code);
		}
		for (const [word, code] of Object.entries(SYNONYMS[vocabulary] ?? {}))
			entries.set(matchKey(word), code);
		return [vocabulary, entries];
	})
) as Record<Vocabulary, Map<string, string>>;

/** The code a cell value names (code, German label, or a known synonym), or undefined. */
export function lookupValue(vocabulary: Vocabulary, text: string): string | undefined {
	return LOOKUP[vocabulary].get(matchKey(text));
}

/** The German labels of every allowed value, for messages and the template notes. */
export function allowedLabels(vocabulary: Vocabulary): string {
	return CODES[vocabulary].map((code) => labelOf(vocabulary, code)).join(', ');
}

/** Splits a list cell at commas, semicolons, vertical bars or line breaks. */
export function splitList(text: string): string[] {
	return text
		.split(/[,;|\n]/)
		.map((part) => part.trim())
		.filter(Boolean);
}
