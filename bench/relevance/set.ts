// The relevance set (bench/relevance/queries.json): what people type into the portal search and
// which demo offers they would want, judged from the demo content as a person reads it. This
// module reads the set and turns each judgement into the demo offer keys it names; it never looks
// at what the search returns (README.md in this folder describes the format).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES } from '../../src/lib/i18n/locales.js';
import { ACTION_FIELDS } from '../../src/lib/server/action-fields/action-fields.js';
import { demoFileSchema, type DemoOffer } from '../../src/lib/server/demo/demo.schema.js';
import { TARGET_GROUPS } from '../../src/lib/server/offers/offers.schema.js';

/** "Any offer in this field", narrowed by target groups and words of its German text if given. */
const fieldRuleSchema = z.strictObject({
	field: z.enum(ACTION_FIELDS),
	targetGroups: z.array(z.enum(TARGET_GROUPS)).min(1).optional(),
	keywords: z.array(z.string().min(2)).min(1).optional()
});

const querySchema = z.strictObject({
	language: z.enum(LOCALES),
	text: z.string().min(1),
	/** Further search form parameters as in the portal URL, e.g. `near=Kappeln&radius=25`. */
	params: z.string().optional(),
	/** Only offers within `km` of the place count as relevant (online offers have no place). */
	within: z.strictObject({ place: z.string().min(1), km: z.number().positive() }).optional(),
	groups: z.array(z.string().min(1)).optional(),
	offers: z.array(z.string().min(1)).optional(),
	fields: z.array(fieldRuleSchema).optional(),
	mustNot: z.array(z.string().min(1)).optional(),
	/** The honest answer is "nothing in the demo"; scored on the empty list, not on offers. */
	expectNone: z.literal(true).optional(),
	note: z.string().optional()
});

export const relevanceSetSchema = z.strictObject({
	/** Named lists of offer keys that several queries share ("german-courses"). */
	groups: z.record(z.string(), z.array(z.string().min(1)).min(1)),
	/** Why a language has fewer than the usual number of queries, if it has. */
	fewerQueries: z.partialRecord(z.enum(LOCALES), z.string().min(1)).optional(),
	queries: z.array(querySchema)
});

export type RelevanceSet = z.infer<typeof relevanceSetSchema>;
export type RelevanceQuery = z.infer<typeof querySchema>;
export type FieldRule = z.infer<typeof fieldRuleSchema>;

export const SET_FILE = join(import.meta.dirname, 'queries.json');

export function readRelevanceSet(file = SET_FILE): RelevanceSet {
	return relevanceSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The demo offers as their authors wrote them, with the coordinates of their municipality. */
export interface DemoContent {
	offers: DemoOffer[];
	/** Centroid of each municipality by its official key (ags). */
	places: Map<string, { name: string; lat: number; lon: number }>;
}

export function readDemoContent(contentDir: string): DemoContent {
	const folder = join(contentDir, 'demo');
	const offers = readdirSync(folder)
		.filter((name) => /^offers-.*\.json$/.test(name))
		.sort()
		.flatMap(
			(name) => demoFileSchema.parse(JSON.parse(readFileSync(join(folder, name), 'utf8'))).offers
		);
	const places = new Map<string, { name: string; lat: number; lon: number }>();
	for (const file of ['municipalities.csv', 'municipalities-additions.csv']) {
		const [header, ...lines] = readFileSync(join(contentDir, 'places', file), 'utf8')
			.split('\n')
			.filter((line) => line.trim() !== '');
		const columns = header!.split(',');
		const [ags, name, lat, lon] = ['ags', 'name', 'lat', 'lon'].map((c) => columns.indexOf(c));
		for (const line of lines) {
			const cells = line.split(',');
			places.set(cells[ags!]!, {
				name: cells[name!]!,
				lat: Number(cells[lat!]),
				lon: Number(cells[lon!])
			});
		}
	}
	return { offers, places };
}

/** Offers the finder shows: not taken off the portal in the demo's past. */
export const isListed = (offer: DemoOffer) => offer.archivedMonthsAgo === undefined;

const germanText = (offer: DemoOffer) =>
	`${offer.title}\n${offer.summary}\n${offer.description}`.toLocaleLowerCase('de');

export function matchesRule(offer: DemoOffer, rule: FieldRule): boolean {
	if (!offer.actionFields.includes(rule.field)) return false;
	if (rule.targetGroups && !rule.targetGroups.some((group) => offer.targetGroups.includes(group)))
		return false;
	if (rule.keywords) {
		const text = germanText(offer);
		return rule.keywords.some((word) => text.includes(word.toLocaleLowerCase('de')));
	}
	return true;
}

/** Great-circle distance in km, enough to judge "near" between municipality centroids. */
export function kmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The keys of the listed offers a person typing `query` would want: its named offers and groups
 * and every offer its field rules match, narrowed to `within` when given.
 */
export function relevantKeys(set: RelevanceSet, query: RelevanceQuery, demo: DemoContent) {
	const named = new Set([
		...(query.offers ?? []),
		...(query.groups ?? []).flatMap((group) => set.groups[group] ?? [])
	]);
	let wanted = demo.offers.filter(
		(offer) =>
			isListed(offer) &&
			(named.has(offer.key) || (query.fields ?? []).some((rule) => matchesRule(offer, rule)))
	);
	if (query.within) {
		const { place, km } = query.within;
		const origin = [...demo.places.values()].find((candidate) => candidate.name === place);
		if (!origin) throw new Error(`within: unknown place "${place}"`);
		wanted = wanted.filter((offer) => {
			const at = 'place' in offer.location ? demo.places.get(offer.location.place) : undefined;
			return at !== undefined && kmBetween(origin, at) <= km;
		});
	}
	return new Set(wanted.map((offer) => offer.key));
}

/** The search URL parameters of a query, as the portal's search form sends them. */
export function searchParamsFor(query: RelevanceQuery): URLSearchParams {
	const params = new URLSearchParams(query.params ?? '');
	params.set('q', query.text);
	return params;
}
