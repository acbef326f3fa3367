import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { fold } from '../../shared/text/fold.js';

/** The directory's search and filters, shareable as a query string. */
export interface ContactFilters {
	q: string;
	organisationId: number | null;
	actionField: string | null;
	language: string | null;
	/** A purpose key the person currently consents to, `any` or `none`. */
	consent: string | null;
}

/** What the filters look at of a person. */
export interface Filterable {
	name: string;
	roleTitle: string | null;
	organisationId: number | null;
	organisationName: string | null;
	languages: string[];
	actionFields: string[];
	consentKeys: string[];
}

// Letters NFKD does not take apart, common in names here (Yıldız, Østergaard, Łukasz, Đorđe).
const LOOSE: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe' };
const loose = (text: string) => fold(text).replace(/[ıøłđæœ]/g, (letter) => LOOSE[letter]!);
const queryWords = (text: string) => loose(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const single = (value: string | null) => (value && value.length <= 60 ? value : null);

/** The directory's filters from a (shareable) query string; anything unknown is ignored. */
export function parseContactFilters(params: URLSearchParams): ContactFilters {
	const organisationId = Number(params.get('organisation'));
	const actionField = params.get('field');
	const language = params.get('language');
	return {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		organisationId:
			Number.isSafeInteger(organisationId) && organisationId > 0 ? organisationId : null,
		actionField: (ACTION_FIELDS as readonly string[]).includes(actionField ?? '')
			? actionField
			: null,
		language: language && /^[a-z]{2,3}$/.test(language) ? language : null,
		consent: single(params.get('consent'))
	};
}

/** Whether a person, as the actor sees them, passes the filters. */
export function matchesFilters(contact: Filterable, filters: ContactFilters): boolean {
	if (filters.organisationId !== null && contact.organisationId !== filters.organisationId)
		return false;
	if (filters.actionField && !contact.actionFields.includes(filters.actionField)) return false;
	if (filters.language && !contact.languages.includes(filters.language)) return false;
	if (filters.consent === 'none' && contact.consentKeys.length > 0) return false;
	if (filters.consent === 'any' && contact.consentKeys.length === 0) return false;
	if (filters.consent && !['any', 'none'].includes(filters.consent))
		if (!contact.consentKeys.includes(filters.consent)) return false;
	const haystack = loose(
		[contact.name, contact.organisationName ?? '', contact.roleTitle ?? ''].join(' ')
	);
	return queryWords(filters.q).every((word) => haystack.includes(word));
}
