import { describe, expect, it } from 'vitest';
import { fold } from '../fold.js';
import { stem, type TextLanguage } from './stem.js';

/** The stem of a word as typed, folded first as the index and every query are. */
const stemOf = (word: string, language: TextLanguage) => stem(fold(word), language);

/** Expects all the forms to meet at one stem (the last form's), showing each stem when not. */
function expectOneStem(language: TextLanguage, ...forms: string[]) {
	const stems = forms.map((form) => stemOf(form, language));
	expect(stems).toEqual(forms.map(() => stems.at(-1)));
}

describe('stem', () => {
	it('brings German compounds and their plurals to one stem, down to a fixpoint', () => {
		expectOneStem('de', 'Deutschkurse', 'Deutschkurs', 'Deutschkursen');
		expectOneStem('de', 'Kurse', 'Kurs', 'Kursen');
		expectOneStem('de', 'Beratung', 'Beratungen');
		// Stemming once more changes nothing: the stem is a fixpoint.
		const kurs = stemOf('Kurse', 'de');
		expect(stem(kurs, 'de')).toBe(kurs);
	});

	it('brings English plurals to one stem', () => {
		expectOneStem('en', 'courses', 'course');
		expectOneStem('en', 'doctors', 'doctor');
	});

	it('brings Russian plural and case forms to one stem', () => {
		expectOneStem('ru', 'курсы', 'курс', 'курсов');
		expectOneStem('ru', 'врача', 'врач');
	});

	it('brings Turkish plurals to one stem after folding the dotless ı', () => {
		expectOneStem('tr', 'kadınlar', 'kadın', 'kadinlar');
		expectOneStem('tr', 'çocuklar', 'çocuk');
		expectOneStem('tr', 'doktorlar', 'doktor');
	});

	it('brings a Turkish plural with ı in its ending to its singular (kursları, kurs)', () => {
		// Folding turns "ları" into "lari", an ending vowel harmony does not allow after "a".
		expectOneStem('tr', 'kursları', 'kurslar', 'kurs');
	});

	it('brings Arabic forms with and without the article and hamza to one stem', () => {
		expectOneStem('ar', 'الأطفال', 'أطفال', 'اطفال');
		expectOneStem('ar', 'دورة', 'دورات');
	});

	it('cuts the commonest Ukrainian endings', () => {
		expectOneStem('uk', 'лікаря', 'лікар', 'лікарі', 'лікарів', 'лікарем');
		expect(stemOf('лікар', 'uk')).toBe('лікар');
	});

	it('brings Ukrainian adjective forms to one stem, although folding turns й into и and ї into і', () => {
		expectOneStem('uk', 'німецький', 'німецької', 'німецьку', 'німецька');
		expectOneStem('uk', 'мовний', 'мовні');
	});

	it('cuts the Persian plural endings, with the letters folded alike', () => {
		expectOneStem('fa', 'کلاس‌ها', 'کلاس', 'كلاسها');
		expectOneStem('fa', 'دکترها', 'دكتر');
	});

	it('never cuts a stem below three letters', () => {
		expect(stemOf('лікарі', 'uk').length).toBeGreaterThanOrEqual(3);
		expect(stem('ими', 'uk')).toBe('ими');
		expect(stem('evler', 'tr').length).toBeGreaterThanOrEqual(3);
	});

	it('leaves numbers, words with digits and short words untouched in every language', () => {
		const languages: TextLanguage[] = ['de', 'en', 'ru', 'tr', 'ar', 'uk', 'fa'];
		for (const language of languages) {
			for (const word of ['2024', '12345', 'a1', 'b2', 'kurs2024', 'ab'])
				expect(stem(word, language)).toBe(word);
		}
	});

	// The index on disk and in the full-text engine holds these stems: a stemmer (or an upgrade of
	// it) that changes them needs ANALYSIS_VERSION raised, so that every offer is analysed anew.
	it('keeps the stems the offers were analysed with', () => {
		const stems = (language: TextLanguage, words: string[]) =>
			Object.fromEntries(words.map((word) => [word, stemOf(word, language)]));
		expect(stems('de', ['Deutschkurse', 'Beratungsstellen', 'Ärztinnen', 'Begleitungen'])).toEqual({
			Deutschkurse: 'deutschkur',
			Beratungsstellen: 'beratungsstell',
			Ärztinnen: 'arztinn',
			Begleitungen: 'begleit'
		});
		expect(stems('en', ['courses', 'dying', 'news', 'families', 'integration'])).toEqual({
			courses: 'cour',
			dying: 'die',
			news: 'news',
			families: 'famili',
			integration: 'integr'
		});
		expect(stems('ru', ['ребёнок', 'консультации', 'немецкого'])).toEqual({
			ребёнок: 'ребенок',
			консультации: 'консультац',
			немецкого: 'немецк'
		});
		expect(stems('tr', ['kursları', 'danışmanlık', 'kadınlar'])).toEqual({
			kursları: 'kurs',
			danışmanlık: 'danismanlik',
			kadınlar: 'kadı'
		});
		expect(stems('ar', ['الأطفال', 'المساعدة', 'اللغة'])).toEqual({
			الأطفال: 'اطفال',
			المساعدة: 'مساعد',
			اللغة: 'لغه'
		});
	});
});
