import { describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/locales.js';
import { stem } from '../../shared/text/analysis/stem.js';
import { allowedMistakes, editDistance } from '../../shared/text/edit-distance.js';
import type { Place } from '../places/places.service.js';
import {
	planQuery,
	queryLanguages,
	wordAlternatives,
	type PlanContext,
	type TokenSet,
	type Vocabulary
} from './query-plan.js';
import type { SearchConcept } from './thesaurus/concept.js';
import { ConceptMatcher } from './thesaurus/concept-matcher.js';

function concept(
	key: string,
	labels: SearchConcept['labels'],
	phrases: SearchConcept['phrases']
): SearchConcept {
	return {
		key,
		labels,
		phrases,
		actionFields: [],
		targetGroups: [],
		germanCourse: false,
		terms: [],
		broader: null
	};
}

const germanCourse = concept(
	'german-course',
	{ de: 'Deutschkurs', tr: 'Almanca kursu' },
	{ de: ['Deutschkurs'], tr: ['Almanca kursu'] }
);
const doctor = concept('doctor', { de: 'Arzt', en: 'Doctor' }, { de: ['Arzt'], en: ['doctor'] });
const TERMS = new Map<SearchConcept, TokenSet[]>([
	[germanCourse, [['deutschkur'], ['deutsch', 'kur']]],
	[doctor, [['arzt']]]
]);

/** A vocabulary of offer tokens, each with the word as written in an offer. */
function vocabularyOf(spellings: Record<string, string>): Vocabulary {
	const tokens = Object.keys(spellings).sort();
	return {
		has: (token) => token in spellings,
		inTitles: (token) => (token in spellings ? 1 : 0),
		closest(token) {
			const near = tokens
				.map((known) => ({ known, distance: editDistance(known, token) }))
				.filter(({ distance }) => distance <= allowedMistakes(token.length))
				.sort((a, b) => a.distance - b.distance);
			return near[0] ? { token: near[0].known, spelling: spellings[near[0].known]! } : null;
		},
		completions: (prefix) =>
			prefix.length < 3 ? [] : tokens.filter((token) => token.startsWith(prefix))
	};
}

function place(id: number, name: string, population: number): Place {
	return {
		id,
		districtId: 1,
		ags: `0105900${id}`,
		name,
		amt: null,
		lat: 54.6,
		lon: 9.9,
		population
	};
}
const kappeln = place(1, 'Kappeln', 8_700);
const flensburg = place(2, 'Flensburg', 90_000);
const gelting = place(3, 'Gelting', 2_000);
const smallKappeln = place(4, 'Kappeln', 100);

const VOCABULARY = {
	arbeit: 'Arbeit',
	fahrrad: 'Fahrrad',
	schwimmbad: 'Schwimmbad',
	schwimmkur: 'Schwimmkurs',
	is: 'iş',
	kur: 'Kurs'
};

function context(spellings: Record<string, string> = VOCABULARY): PlanContext {
	return {
		matcher: new ConceptMatcher([germanCourse, doctor]),
		conceptTerms: (found) => TERMS.get(found) ?? [],
		vocabulary: vocabularyOf(spellings),
		places: [smallKappeln, kappeln, flensburg, gelting]
	};
}

const plan = (query: string, locale: Locale = 'de', spellings?: Record<string, string>) =>
	planQuery(query, locale, context(spellings));

describe('queryLanguages', () => {
	it('reads a query in the page’s language, German and English', () => {
		expect(queryLanguages('tr')).toEqual(['tr', 'de', 'en']);
		expect(queryLanguages('de')).toEqual(['de', 'en']);
		expect(queryLanguages('de-x-easy')).toEqual(['de', 'en']);
		expect(queryLanguages('en')).toEqual(['en', 'de']);
	});
});

describe('wordAlternatives', () => {
	it('offers the German stem, a compound’s parts and the stems of the other languages', () => {
		// German first, then the page's language; the same tokens once.
		expect(wordAlternatives('kadinlar', ['tr', 'de', 'en'])).toEqual([
			[stem('kadinlar', 'de')],
			[stem('kadinlar', 'tr')]
		]);
		expect(wordAlternatives('deutschkurse', ['tr', 'de', 'en'])).toEqual([
			[stem('deutschkurse', 'de')],
			[stem('deutsch', 'de'), stem('kurs', 'de')]
		]);
		expect(wordAlternatives('arbeit', ['de', 'en'])).toEqual([['arbeit']]);
	});
});

describe('planQuery', () => {
	it('drops the words that carry no need', () => {
		const { groups } = plan('ich suche Arbeit');
		expect(groups).toEqual([
			{ alternatives: [['arbeit']], typedWords: [], concept: null, shown: 'Arbeit' }
		]);
		expect(plan('where is a doctor', 'en').groups.map((group) => group.shown)).toEqual(['doctor']);
	});

	it('leaves "suche" to the phrases that contain it: "Sucht" (addiction) is a need, "Hilfe" is not', () => {
		const flatSearch = concept('flat-search', { de: 'Wohnungssuche' }, { de: ['Wohnung suchen'] });
		const housing = concept('housing', { de: 'Wohnen' }, { de: ['Wohnung'] });
		const addiction = concept('addiction', { de: 'Sucht' }, { de: ['Sucht', 'Hilfe bei Sucht'] });
		const reading = (query: string) =>
			planQuery(query, 'de', {
				...context(),
				matcher: new ConceptMatcher([housing, flatSearch, addiction])
			}).groups.map((group) => group.concept?.key ?? group.shown);
		expect(reading('ich suche eine Wohnung')).toEqual(['flat-search']);
		expect(reading('Wohnung')).toEqual(['housing']);
		expect(reading('Sucht')).toEqual(['addiction']);
		expect(reading('Hilfe für Frauen')).toEqual(['Frauen']);
		// The word that names the need also counts as typed; the wrapping verb does not.
		const [group] = planQuery('ich suche eine Wohnung', 'de', {
			...context(),
			matcher: new ConceptMatcher([housing, flatSearch])
		}).groups;
		expect(group!.typedWords).toEqual([['wohnung']]);
	});

	it('reads "Hilfe" beside a need as a preference, and alone as what is looked for', () => {
		const beside = plan('Hilfe beim Arzt mit Fahrrad');
		expect(beside.groups.map((group) => group.concept?.key ?? group.shown)).toEqual([
			'doctor',
			'Fahrrad'
		]);
		expect(beside.preferred).toHaveLength(1);
		expect(beside.preferred[0]).toContainEqual(['hilf']);
		expect(beside.preferred[0]).toContainEqual(['berat']);
		const alone = plan('Hilfe');
		expect(alone.preferred).toEqual([]);
		expect(alone.groups.map((group) => group.shown)).toEqual(['Hilfe']);
		expect(plan('help with rent', 'en').groups.map((group) => group.shown)).toEqual(['rent']);
	});

	it('drops English function words only on the English page (Turkish "iş" is work)', () => {
		expect(plan('iş', 'tr').groups.map((group) => group.shown)).toEqual(['iş']);
		expect(plan('iş', 'tr').groups[0]!.alternatives).toContainEqual(['is']);
		expect(plan('is', 'en').groups).toEqual([]);
		// German function words are dropped on every page: people mix in German.
		expect(plan('Arbeit für mich', 'tr').groups.map((group) => group.shown)).toEqual(['Arbeit']);
	});

	it('turns a concept into one group with its terms, labelled in the page’s language', () => {
		const reading = plan('Almanca kursu', 'tr');
		expect(reading.groups).toEqual([
			{
				alternatives: TERMS.get(germanCourse),
				typedWords: [],
				concept: germanCourse,
				shown: 'Almanca kursu'
			}
		]);
		expect(reading.understanding.parts).toEqual([
			{ kind: 'concept', key: 'german-course', label: 'Almanca kursu' }
		]);
		expect(plan('Arzt', 'ru').understanding.parts).toEqual([
			{ kind: 'concept', key: 'doctor', label: 'Arzt' }
		]);
	});

	it('lets a concept named by one word match that word as typed, too', () => {
		const [group] = plan('Arzt', 'tr').groups;
		expect(group!.alternatives).toEqual([
			['arzt'],
			...wordAlternatives('arzt', ['tr', 'de', 'en']).slice(1)
		]);
		expect(group!.concept).toBe(doctor);
	});

	it('takes a place word as the place, not as a group', () => {
		const reading = plan('Deutschkurs Kappeln');
		expect(reading.place).toBe(kappeln);
		expect(reading.groups.map((group) => group.concept)).toEqual([germanCourse]);
		expect(reading.understanding.parts).toEqual([
			{ kind: 'concept', key: 'german-course', label: 'Deutschkurs' },
			{ kind: 'place', name: 'Kappeln' }
		]);
		expect(reading.understanding.corrections).toEqual([]);
		expect(plan('Arbeit Каппельн', 'ru').place).toBe(kappeln);
	});

	it('reads words asking for free or online offers as those kinds, not as groups', () => {
		const reading = plan('kostenloser Deutschkurs');
		expect(reading.offerKinds).toEqual(['free']);
		expect(reading.groups.map((group) => group.concept)).toEqual([germanCourse]);
		expect(reading.understanding.parts).toEqual([
			{ kind: 'free', words: ['kostenloser'] },
			{ kind: 'concept', key: 'german-course', label: 'Deutschkurs' }
		]);
		expect(plan('Almanca kursu ücretsiz online', 'tr').offerKinds).toEqual(['free', 'online']);
		expect(plan('бесплатные курсы', 'ru').offerKinds).toEqual(['free']);
		expect(plan('Deutschkurs für Anfänger').offerKinds).toEqual(['beginner']);
		expect(plan('رایگان', 'fa').groups).toEqual([]);
		// A word that only begins like one ("Freizeit", "frei") is a word.
		expect(plan('Freizeit frei').offerKinds).toEqual([]);
	});

	it('reads a place alone as a word group, so that offers naming it are found', () => {
		const reading = plan('Kappeln');
		expect(reading.place).toBe(kappeln);
		expect(reading.groups).toEqual([
			{
				alternatives: wordAlternatives('kappeln', ['de', 'en']),
				typedWords: [],
				concept: null,
				shown: 'Kappeln'
			}
		]);
	});

	it('corrects a mistyped place name only where the word means nothing else', () => {
		const reading = plan('Deutschkurs Flensborg');
		expect(reading.place).toBe(flensburg);
		expect(reading.understanding.corrections).toEqual([{ from: 'Flensborg', to: 'Flensburg' }]);
		expect(reading.understanding.suggestion).toBe('Deutschkurs Flensburg');
		expect(plan('Arbeit Geltung').place).toBe(gelting);
		expect(plan('Arbeit Geltung', 'de', { ...VOCABULARY, geltung: 'Geltung' }).place).toBeNull();
	});

	it('replaces an unknown word by the closest known one, with a correction and a suggestion', () => {
		const reading = plan('Fahrad Kappeln');
		expect(reading.groups).toEqual([
			{ alternatives: [['fahrrad']], typedWords: [], concept: null, shown: 'Fahrad' }
		]);
		expect(reading.understanding.parts).toEqual([
			{ kind: 'word', text: 'Fahrrad' },
			{ kind: 'place', name: 'Kappeln' }
		]);
		expect(reading.understanding.corrections).toEqual([{ from: 'Fahrad', to: 'Fahrrad' }]);
		expect(reading.understanding.suggestion).toBe('Fahrrad Kappeln');
	});

	it('reports a concept’s typing mistake as a correction', () => {
		const reading = plan('Deutschkurz');
		expect(reading.groups.map((group) => group.concept)).toEqual([germanCourse]);
		expect(reading.understanding.corrections).toEqual([{ from: 'Deutschkurz', to: 'Deutschkurs' }]);
		expect(reading.understanding.suggestion).toBe('Deutschkurs');
	});

	it('completes an unfinished word from the offers’ words', () => {
		const reading = plan('schwim');
		expect(reading.groups).toEqual([
			{
				alternatives: [['schwimmbad'], ['schwimmkur']],
				typedWords: [],
				concept: null,
				shown: 'schwim'
			}
		]);
		expect(reading.understanding.corrections).toEqual([]);
		expect(reading.understanding.suggestion).toBeNull();
	});

	it('keeps a known word as it is, and an unknown word without a close one as typed', () => {
		expect(plan('Kurse').groups).toEqual([
			{
				alternatives: wordAlternatives('kurse', ['de', 'en']),
				typedWords: [],
				concept: null,
				shown: 'Kurse'
			}
		]);
		const unknown = plan('Zzyzx');
		expect(unknown.groups).toEqual([
			{
				alternatives: wordAlternatives('zzyzx', ['de', 'en']),
				typedWords: [],
				concept: null,
				shown: 'Zzyzx'
			}
		]);
		expect(unknown.understanding.corrections).toEqual([]);
	});

	it('reads at most twelve words, and lists the parts in the order typed', () => {
		const many = Array.from({ length: 15 }, (_, at) => `wort${at}`).join(' ');
		expect(plan(many, 'de', {}).groups).toHaveLength(12);
		expect(plan('Kappeln Arbeit Arzt').understanding.parts.map((part) => part.kind)).toEqual([
			'place',
			'word',
			'concept'
		]);
	});
});
