import type { Locale } from '../../../i18n/locales.js';

/** Where a phrase of a concept is written: a portal language, or Latin letters for any of them. */
export type PhraseScript = Locale | 'latin';

/**
 * One need people search for ("German course", "doctor", "women"), as the thesaurus holds it: the
 * words people type for it in every portal language, and what it means in the offers' terms.
 *
 * An offer matches a concept when its title or summary (any language) contains one of `terms`,
 * or when it has the concept's facets: in one of `actionFields` (if any are named) and for one of
 * `targetGroups` (if any are named) and teaching German (if `germanCourse`); a concept naming no
 * facet matches by its terms alone.
 */
export interface SearchConcept {
	/** Stable identifier, lower-case with hyphens ("german-course"). */
	key: string;
	/** The concept's name per portal language, shown as "understood as …"; `de` always present. */
	labels: Partial<Record<Locale, string>>;
	/** What people type, per language: words or short phrases, as typed (any case, accents). */
	phrases: Partial<Record<PhraseScript, string[]>>;
	actionFields: string[];
	targetGroups: string[];
	/** Offers leading to a German language level (`languageLevelExit` set). */
	germanCourse: boolean;
	/** German words whose presence in an offer's title or summary marks it as this concept. */
	terms: string[];
	/**
	 * The key of the wider need this one belongs to ("flat-search" → "housing"), or null. An offer
	 * whose title names the wider need and whose summary names this one meets it as if its title
	 * did ("Sprechstunde Wohnen …: Umzug in eine eigene Wohnung, Wohnberechtigungsschein").
	 */
	broader: string | null;
}
