import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchEntryOf } from '../src/lib/server/offers/offers.service.js';
import { isListed, readDemoContent } from './relevance/set.js';
import { searchEntryMaker } from './search-entry.js';

const templates = readDemoContent(resolve('content')).offers.filter(isListed);
const translationsOf = (template: (typeof templates)[number]) =>
	Object.entries(template.translations ?? {}).flatMap(([locale, fields]) =>
		(['title', 'summary', 'description'] as const).map((field) => ({
			locale,
			field,
			value: fields[field]
		}))
	);

describe('search entries made in parts', () => {
	it('equal the app’s entry of each offer, token for token', () => {
		const entryOf = searchEntryMaker<(typeof templates)[number]>();
		const wheres = [
			{ organisationName: 'Träger 7', placeName: 'Tarp', amt: 'Amt Oeversee' },
			{ organisationName: 'Diakonie Nord', placeName: 'Süderbrarup', amt: null },
			{ organisationName: 'Träger 7', placeName: null, amt: null }
		];
		// Every template once, then some with other providers and places and again, so the later
		// ones take their parts from the cache.
		const cases = [
			...templates.map((template) => ({ template, where: wheres[0]! })),
			...[...wheres, ...wheres].flatMap((where) =>
				templates.slice(0, 10).map((template) => ({ template, where }))
			)
		];
		for (const { template, where } of cases) {
			const source = { ...template, ...where };
			const translated = translationsOf(template);
			expect(entryOf(template, source, translated)).toEqual(searchEntryOf(source, translated));
		}
	});
});
