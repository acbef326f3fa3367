import { stem, type TextLanguage } from '../../shared/text/analysis/stem.js';
import { fold } from '../../shared/text/fold.js';

/**
 * Words that ask for a kind of offer rather than name a need: "kostenloser Deutschkurs" wants
 * German courses that cost nothing, not German courses whose description says "kostenlos".
 * "free" and "online" act as the search form's boxes; "beginner" keeps the offers that need no
 * German to start with ("Deutschkurs für Anfänger").
 */
export type OfferKind = 'free' | 'online' | 'beginner';

const WORDS: Record<OfferKind, Record<TextLanguage, string[]>> = {
	free: {
		de: ['kostenlos', 'kostenfrei', 'gratis', 'umsonst', 'unentgeltlich', 'gebührenfrei'],
		en: ['free', 'gratis'],
		uk: ['безкоштовно', 'безкоштовний', 'безкоштовна', 'безкоштовні', 'безоплатно'],
		ar: ['مجاني', 'مجانا', 'مجانية', 'مجاناً', 'بالمجان'],
		fa: ['رایگان', 'مجانی'],
		ru: ['бесплатно', 'бесплатный', 'бесплатная', 'бесплатные'],
		tr: ['ücretsiz', 'bedava', 'parasız']
	},
	beginner: {
		de: ['Anfänger', 'Anfängerin', 'Anfängerinnen', 'Anfängerkurs', 'Einsteiger', 'Einsteigerkurs'],
		en: ['beginner', 'beginners'],
		uk: ['початківців', 'початківець', 'початківці'],
		ar: ['مبتدئين', 'للمبتدئين', 'مبتدئ', 'المبتدئين'],
		fa: ['مبتدی', 'مبتدیان', 'مقدماتی'],
		ru: ['начинающих', 'начинающий', 'начинающие', 'новичков'],
		tr: ['başlangıç', 'başlayanlar', 'başlayan']
	},
	online: {
		de: ['online'],
		en: ['online'],
		uk: ['онлайн'],
		ar: ['اونلاين', 'أونلاين'],
		fa: ['آنلاین', 'انلاین'],
		ru: ['онлайн'],
		tr: ['online', 'çevrimiçi']
	}
};

/** Per language, the stems of the words and the kind they ask for. */
const BY_STEM = new Map(
	(Object.keys(WORDS.free) as TextLanguage[]).map((language) => [
		language,
		new Map(
			(Object.keys(WORDS) as OfferKind[]).flatMap((kind) =>
				WORDS[kind][language].map((word) => [stem(fold(word), language), kind] as const)
			)
		)
	])
);

/** The kind of offer a folded query word asks for in one of the languages, if any. */
export function offerKindOf(word: string, languages: TextLanguage[]): OfferKind | null {
	for (const language of languages) {
		const kind = BY_STEM.get(language)?.get(stem(word, language));
		if (kind) return kind;
	}
	return null;
}
