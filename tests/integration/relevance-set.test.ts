// The relevance set of the portal search (bench/relevance/queries.json) checked against the demo
// content as seeded on each database: what it names exists and is on the portal, its languages
// are the portal's, and it is as large as issue 13 asks. The search's quality is the bench's
// business (BENCH_ONLY=relevance npm run bench), not this file's.
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/i18n/locales.js';
import { ACTION_FIELDS } from '../../src/lib/server/action-fields/action-fields.js';
import { seedDemoContent } from '../../src/lib/server/demo/demo.seed.js';
import { getPublishedOffer } from '../../src/lib/server/offers/offer-page.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import {
	readDemoContent,
	readRelevanceSet,
	relevantKeys,
	searchParamsFor
} from '../../bench/relevance/set.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');
const set = readRelevanceSet();
const demo = readDemoContent(CONTENT);
const MIN_QUERIES = 150;
const MIN_PER_LANGUAGE = 15;

/** Every offer key the set names: in queries, their must-not lists and the shared groups. */
const namedKeys = [
	...new Set([
		...Object.values(set.groups).flat(),
		...set.queries.flatMap((query) => [...(query.offers ?? []), ...(query.mustNot ?? [])])
	])
];

const seededIds = new Map<string, Map<string, number>>();

describeEachDialect(
	'relevance set',
	({ database, dialect }) => {
		it('has enough queries in every portal language, and only in those', () => {
			expect(set.queries.length).toBeGreaterThanOrEqual(MIN_QUERIES);
			for (const query of set.queries) expect(LOCALES).toContain(query.language);
			for (const language of LOCALES) {
				const count = set.queries.filter((query) => query.language === language).length;
				if (count < MIN_PER_LANGUAGE)
					expect(set.fewerQueries?.[language], `${language}: ${count} queries`).toBeTruthy();
				else expect(count).toBeGreaterThanOrEqual(MIN_PER_LANGUAGE);
			}
		});

		it('uses only existing action fields, groups and search parameters', () => {
			for (const query of set.queries) {
				const named = `[${query.language}] "${query.text}"`;
				for (const rule of query.fields ?? []) expect(ACTION_FIELDS, named).toContain(rule.field);
				for (const group of query.groups ?? [])
					expect(Object.keys(set.groups), named).toContain(group);
				expect(parseSearchParams(searchParamsFor(query)).notices, named).toEqual([]);
			}
		});

		it('judges a query with ticked filters only to offers that pass them', () => {
			const byKey = new Map(demo.offers.map((offer) => [offer.key, offer]));
			for (const query of set.queries) {
				const { filters } = parseSearchParams(searchParamsFor(query));
				for (const key of relevantKeys(set, query, demo)) {
					const offer = byKey.get(key)!;
					const named = `[${query.language}] "${query.text}" (${query.params}): ${key}`;
					const any = (wanted: string[], has: readonly string[]) =>
						wanted.length === 0 || wanted.some((value) => has.includes(value));
					expect(any(filters.actionFields, offer.actionFields), named).toBe(true);
					expect(any(filters.targetGroups, offer.targetGroups), named).toBe(true);
					expect(any(filters.languages, offer.languages), named).toBe(true);
					if (filters.free) expect(offer.cost.kind, named).toBe('free');
					if (filters.online) expect('online' in offer.location, named).toBe(true);
				}
			}
		});

		it('names only offers that the demo seeds and the portal shows', async () => {
			const db = database().db;
			const ids = seededIds.get(dialect)!;
			const unknown = namedKeys.filter((key) => !ids.has(key));
			expect(unknown, 'offer keys not in content/demo').toEqual([]);
			const hidden: string[] = [];
			for (const key of namedKeys) {
				const { slug } = await db
					.selectFrom('offers')
					.select('slug')
					.where('id', '=', ids.get(key)!)
					.executeTakeFirstOrThrow();
				await getPublishedOffer(db, slug, 'de').catch(() => hidden.push(key));
			}
			expect(hidden, 'named offers the portal does not show').toEqual([]);
		});

		it('judges every query to published offers, or says there are none', async () => {
			const ids = seededIds.get(dialect)!;
			for (const query of set.queries) {
				const relevant = relevantKeys(set, query, demo);
				const named = `[${query.language}] "${query.text}"`;
				if (query.expectNone) {
					expect(relevant.size, `${named} expects none yet names offers`).toBe(0);
					expect(query.groups ?? query.offers ?? query.fields, named).toBeUndefined();
				} else expect(relevant.size, `${named} has no relevant offer`).toBeGreaterThan(0);
				for (const key of relevant) expect(ids.has(key), `${named}: ${key}`).toBe(true);
			}
		});
	},
	async (seeded) => {
		await loadReferencePlaces(seeded.db, CONTENT);
		seededIds.set(
			seeded.dialect,
			await seeded.db.transaction().execute((trx) => seedDemoContent(trx, CONTENT))
		);
	}
);
