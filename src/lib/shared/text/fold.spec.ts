import { describe, expect, it } from 'vitest';
import { fold, words } from './fold.js';

describe('fold', () => {
	it('ignores case and diacritics', () => {
		expect(fold('Beratung')).toBe(fold('beratung'));
		expect(fold('Schléswig')).toBe('schleswig');
		expect(fold('Übersetzung')).toBe('ubersetzung');
		expect(fold('Straße')).toBe('strasse');
	});

	it('drops Arabic vowel marks', () => {
		expect(fold('دَوْرَة')).toBe('دوره');
	});

	it('reads letters people type interchangeably as one', () => {
		expect(fold('kadınlar')).toBe('kadinlar');
		expect(fold('دکتر')).toBe(fold('دكتر'));
		expect(fold('یادگیری')).toBe(fold('يادگيري'));
		expect(fold('می‌خواهم')).toBe(fold('میخواهم'));
		expect(fold('۱۲ ١٢')).toBe('12 12');
	});

	it('reads alef with hamza or madda as plain alef and drops the tatweel', () => {
		expect(fold('الأطفال')).toBe(fold('الاطفال'));
		expect(fold('إلى')).toBe(fold('الى'));
		expect(fold('آلمانی')).toBe(fold('المانی'));
		expect(fold('كـتـاب')).toBe('كتاب');
	});

	it('folds Turkish capitals with dots and cedillas', () => {
		expect(fold('İstanbul')).toBe('istanbul');
		expect(fold('ŞÇĞÖÜ')).toBe('scgou');
	});
});

describe('words', () => {
	it('splits on anything that is not a letter or digit', () => {
		expect(words('Deutsch-Kurs, A1 (Kappeln)!')).toEqual(['deutsch', 'kurs', 'a1', 'kappeln']);
	});

	it('keeps non-Latin scripts', () => {
		expect(words('دورة اللغة الألمانية')).toEqual(['دوره', 'اللغه', 'الالمانيه']);
	});
});
