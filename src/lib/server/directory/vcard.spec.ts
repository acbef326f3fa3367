import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
	escapeComponent,
	escapeText,
	foldLine,
	stableUuid,
	vCard,
	vCardFilename,
	vCards
} from './vcard.js';

type JCard = [string, [string, Record<string, unknown>, string, ...unknown[]][], unknown[]];

/** The cards of a .vcf as ical.js reads them, one Component per card. */
function parseCards(text: string): ICAL.Component[] {
	const parsed = ICAL.parse(text) as JCard | JCard[];
	const cards = (typeof parsed[0] === 'string' ? [parsed] : parsed) as JCard[];
	return cards.map((card) => new ICAL.Component(card));
}

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('vCard 4.0', () => {
	it('escapes commas, semicolons, backslashes and newlines in text values', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b;c\\\\d\\ne');
		expect(escapeComponent('a,b;c')).toBe('a\\,b\\;c');
		const text = vCard({
			uid: 'contact-1',
			name: 'Müller, Jörg; Dr.',
			organisation: 'AWO; Kreisverband\\Schleswig-Flensburg',
			role: 'Leitung\nMigrationsberatung',
			email: 'joerg.mueller@awo.example'
		});
		expect(text).toContain('FN:Müller\\, Jörg; Dr.\r\n');
		expect(text).toContain('ORG:AWO\\; Kreisverband\\\\Schleswig-Flensburg\r\n');
		const [card] = parseCards(text);
		expect(card!.getFirstPropertyValue('version')).toBe('4.0');
		expect(card!.getFirstPropertyValue('fn')).toBe('Müller, Jörg; Dr.');
		expect(card!.getFirstPropertyValue('title')).toBe('Leitung\nMigrationsberatung');
		expect(card!.getFirstPropertyValue('email')).toBe('joerg.mueller@awo.example');
		expect(card!.getFirstProperty('org')!.toJSON()[3]).toBe(
			'AWO; Kreisverband\\Schleswig-Flensburg'
		);
	});

	it('folds long lines at 75 octets without splitting umlauts or Arabic letters', () => {
		const arabic = 'فاطمة الزهراء عبد الرحمن من جمعية الجالية العربية في فلنسبورغ للتعليم والثقافة';
		const german = 'Integrationslotsin für Süderbrarup, Kappeln und Gelting – Übergänge schaffen';
		const text = vCard({ uid: 'contact-2', name: arabic, role: german, languages: ['ar', 'de'] });
		const physical = text.split('\r\n').filter(Boolean);
		for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
		expect(physical.some((line) => line.startsWith(' '))).toBe(true);
		// Every physical line is valid UTF-8 on its own: no character was cut in two.
		for (const line of physical) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
		const [card] = parseCards(text);
		expect(card!.getFirstPropertyValue('fn')).toBe(arabic);
		expect(card!.getFirstPropertyValue('title')).toBe(german);
		expect(card!.getAllProperties('lang').map((p) => p.getFirstValue())).toEqual(['ar', 'de']);
	});

	it('folds exactly at the limit and unfolds back to the content line', () => {
		const line = `NOTE:${'ä'.repeat(100)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(octets(parts[0]!)).toBeLessThanOrEqual(75);
		for (const part of parts.slice(1)) {
			expect(part.startsWith(' ')).toBe(true);
			expect(octets(part)).toBeLessThanOrEqual(75);
		}
		expect(folded.replace(/\r\n /g, '')).toBe(line);
		expect(foldLine('FN:kurz')).toBe('FN:kurz');
	});

	it('writes several cards into one file with stable, distinct UIDs', () => {
		const text = vCards([
			{
				uid: 'contact-3',
				name: 'Olena Kovalenko',
				phone: '+49 461 123-45',
				updatedAt: '2026-11-02T08:15:00.000Z'
			},
			{ uid: 'contact-4', name: 'Ayşe Yıldız', email: 'ayse@verein.example' }
		]);
		const cards = parseCards(text);
		expect(cards.map((card) => card.getFirstPropertyValue('fn'))).toEqual([
			'Olena Kovalenko',
			'Ayşe Yıldız'
		]);
		expect(cards[0]!.getFirstPropertyValue('tel')).toBe('+49 461 123-45');
		expect(String(cards[0]!.getFirstPropertyValue('rev'))).toContain('2026-11-02T08:15:00');
		const uids = cards.map((card) => String(card.getFirstPropertyValue('uid')));
		expect(new Set(uids).size).toBe(2);
		expect(uids[0]).toBe(`urn:uuid:${stableUuid('contact-3')}`);
		expect(stableUuid('contact-3')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(text.endsWith('END:VCARD\r\n')).toBe(true);
	});

	it('names files in ASCII', () => {
		expect(vCardFilename('Jörg Müller-Lüdenscheidt', 7)).toBe('jorg-muller-ludenscheidt.vcf');
		expect(vCardFilename('فاطمة', 9)).toBe('kontakt-9.vcf');
	});
});
