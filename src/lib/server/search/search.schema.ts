import type { MessageKey } from '../../i18n/messages.js';
import { TARGET_GROUPS } from '../offers/offers.schema.js';
import { DELIVERY_LANGUAGES } from '../organisations/organisations.schema.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';

export const RADII_KM = [5, 10, 25, 50] as const;
export const SORTS = ['relevance', 'distance', 'date', 'title'] as const;
export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;

export type Sort = (typeof SORTS)[number];

export interface SearchFilters {
	query: string;
	actionFields: string[];
	languages: string[];
	targetGroups: string[];
	free: boolean;
	online: boolean;
	district: string | null;
	near: string | null;
	radiusKm: number;
	sort: Sort | null;
	page: number;
	/** Also the offers that only mention the words (in a summary or description). */
	wider: boolean;
}

/** Something the visitor asked for that could not be used as is; shown as a message, never a 500. */
export interface SearchNotice {
	key: MessageKey;
	params?: Record<string, string | number>;
}

const pick = <T extends string>(
	allowed: readonly T[],
	values: string[],
	name: string,
	notices: SearchNotice[]
) => {
	const kept: T[] = [];
	for (const value of values) {
		if ((allowed as readonly string[]).includes(value)) {
			if (!kept.includes(value as T)) kept.push(value as T);
		} else
			notices.push({
				key: 'search.notice.unknownValue',
				params: { name, value: value.slice(0, 40) }
			});
	}
	return kept;
};

/** A text parameter without control characters, trimmed and cut to a sane length. */
function textParam(params: URLSearchParams, name: string, max: number): string {
	return (params.get(name) ?? '')
		.replace(/\p{Cc}/gu, ' ')
		.trim()
		.slice(0, max);
}

/** Reads the search URL leniently: unknown or absurd values are dropped with a notice. */
export function parseSearchParams(params: URLSearchParams): {
	filters: SearchFilters;
	notices: SearchNotice[];
} {
	const notices: SearchNotice[] = [];
	let query = textParam(params, 'q', MAX_QUERY_LENGTH + 1);
	if (query.length > MAX_QUERY_LENGTH) {
		query = query.slice(0, MAX_QUERY_LENGTH);
		notices.push({ key: 'search.notice.queryTooLong', params: { max: MAX_QUERY_LENGTH } });
	}
	const radiusText = params.get('radius');
	let radiusKm: number = 10;
	if (radiusText) {
		const radius = Number(radiusText);
		if ((RADII_KM as readonly number[]).includes(radius)) radiusKm = radius;
		else
			notices.push({
				key: 'search.notice.unknownValue',
				params: { name: 'radius', value: radiusText.slice(0, 40) }
			});
	}
	const sortText = params.get('sort');
	const sort = sortText ? (pick(SORTS, [sortText], 'sort', notices)[0] ?? null) : null;
	const pageText = params.get('page');
	let page = 1;
	if (pageText) {
		const parsed = Number(pageText);
		if (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_PAGE) page = parsed;
		else notices.push({ key: 'search.notice.badPage', params: { value: pageText.slice(0, 40) } });
	}
	const near = textParam(params, 'near', 100) || null;
	const district = textParam(params, 'district', 60) || null;
	return {
		filters: {
			query,
			actionFields: pick(ACTION_FIELDS, params.getAll('field'), 'field', notices),
			languages: pick(DELIVERY_LANGUAGES, params.getAll('language'), 'language', notices),
			targetGroups: pick(TARGET_GROUPS, params.getAll('group'), 'group', notices),
			free: params.get('free') === '1',
			online: params.get('online') === '1',
			district,
			near,
			radiusKm,
			sort,
			page,
			wider: params.get('wider') === '1'
		},
		notices
	};
}

/** The canonical, shareable query string of a search (default values left out). */
export function searchParamsOf(filters: Partial<SearchFilters>): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.query) params.set('q', filters.query);
	for (const value of filters.actionFields ?? []) params.append('field', value);
	for (const value of filters.languages ?? []) params.append('language', value);
	for (const value of filters.targetGroups ?? []) params.append('group', value);
	if (filters.free) params.set('free', '1');
	if (filters.online) params.set('online', '1');
	if (filters.district) params.set('district', filters.district);
	if (filters.near) {
		params.set('near', filters.near);
		params.set('radius', String(filters.radiusKm ?? 10));
	}
	if (filters.sort) params.set('sort', filters.sort);
	if (filters.wider) params.set('wider', '1');
	if (filters.page && filters.page > 1) params.set('page', String(filters.page));
	return params;
}

/** How many of the folded filters (checkboxes and district, not text or place) narrow a search. */
export function activeFilterCount(filters: SearchFilters): number {
	return (
		filters.actionFields.length +
		filters.languages.length +
		filters.targetGroups.length +
		Number(filters.free) +
		Number(filters.online) +
		Number(filters.district !== null)
	);
}
