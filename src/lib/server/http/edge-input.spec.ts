import { describe, expect, it } from 'vitest';
import { formHasNul, urlHasControlCharacters } from './edge-input.js';

const url = (path: string) => new URL(path, 'http://kitz.test');

describe('control characters at the edge', () => {
	it.each([
		'/de/offers/a%00b',
		'/api/v1/offers/%00',
		'/de/offers/a%00b/calendar.ics',
		'/de/offers/%1F',
		'/de/offers/%7f',
		'/de/search?q=%00',
		'/de/search?near=%00%01',
		'/de/search?q%00=x',
		'/de/search?q=a%0Bb',
		'/de/office/contacts/1%00'
	])('refuses %s', (path) => {
		expect(urlHasControlCharacters(url(path))).toBe(true);
	});

	it.each([
		'/de/offers/sprachkurs-kappeln',
		'/ar/search?q=%D8%AF%D9%88%D8%B1%D8%A9',
		'/de/search?q=Deutsch%09Kurs%0D%0A',
		'/de/search?q=%2500',
		'/de/%'
	])('lets %s through', (path) => {
		expect(urlHasControlCharacters(url(path))).toBe(false);
	});

	it('finds a NUL byte in a posted form field, not in an uploaded file', async () => {
		const post = (body: FormData | URLSearchParams) =>
			new Request('http://kitz.test/de/office/contacts/new', { method: 'POST', body });
		expect(await formHasNul(post(new URLSearchParams({ name: 'Ana\0' })))).toBe(true);
		expect(await formHasNul(post(new URLSearchParams({ notes: 'Zeile\f2' })))).toBe(false);
		const upload = new FormData();
		upload.set('file', new Blob([Uint8Array.from([0x50, 0x4b, 0, 0])]), 'offers.xlsx');
		expect(await formHasNul(post(upload))).toBe(false);
		upload.set('mode', 'check\0');
		const request = post(upload);
		expect(await formHasNul(request)).toBe(true);
		expect((await request.formData()).get('mode')).toBe('check\0');
	});
});
