// The search entries of the bench's synthetic offers, made as the app makes each offer's
// (`searchEntryOf`) but in parts analysed once each: a million offers share a few hundred
// template texts and a few thousand providers and places, and text analysis took half the
// generator's time.
import type { SearchDocument } from '../src/lib/server/db/text-search.js';
import { searchEntryOf, type SearchEntrySource } from '../src/lib/server/offers/offers.service.js';

type Translated = { locale: string; field: string; value: string }[];

const NONE = {
	title: '',
	summary: '',
	description: '',
	organisationName: '',
	placeName: null,
	amt: null
};
const joined = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** A cache: `get(key, make)` makes the value on the key's first use. */
export function cache<K, V>() {
	const made = new Map<K, V>();
	return (key: K, make: () => V): V => {
		if (!made.has(key)) made.set(key, make());
		return made.get(key)!;
	};
}

/**
 * `searchEntryOf` for offers whose texts and translations are those of a shared `template`: the
 * same entry, token for token, as it analyses each text on its own and joins the tokens in the
 * order German texts, provider, place, Amt, translations.
 */
export function searchEntryMaker<T>() {
	const [german, translations] = [cache<T, SearchDocument>(), cache<T, SearchDocument>()];
	const [provider, place] = [cache<string, string>(), cache<string, string>()];
	return (template: T, of: SearchEntrySource, translated: Translated): SearchDocument => {
		const { title, summary, description, organisationName, placeName, amt } = of;
		const own = german(template, () => searchEntryOf({ ...NONE, title, summary, description }, []));
		const other = translations(template, () => searchEntryOf(NONE, translated));
		return {
			title: joined(own.title, other.title),
			summary: joined(own.summary, other.summary),
			body: joined(
				own.body,
				provider(organisationName, () => searchEntryOf({ ...NONE, organisationName }, []).body),
				place(
					`${placeName}\u0000${amt}`,
					() => searchEntryOf({ ...NONE, placeName, amt }, []).body
				),
				other.body
			)
		};
	};
}
